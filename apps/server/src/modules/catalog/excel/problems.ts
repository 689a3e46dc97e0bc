/** The problems found in an upload, each tied to one cell (sheet, row, column). */
import { fieldMessage, type ImportError, type Language } from '@tongban/contracts';
import type { Column, SheetDef } from './columns.ts';
import { colLetter } from './workbook.ts';

export interface Problem {
  sheet: string;
  row: number;
  /** 1-based column index in the uploaded sheet. */
  col: number;
  key: string;
  header: string;
  /** Message key (packages/contracts i18n `fieldMessages`). */
  message: string;
  /** Language-neutral detail appended to the message, e.g. the allowed values. */
  detail?: string;
}

export class Problems {
  readonly list: Problem[] = [];
  private readonly seen = new Set<string>();
  private readonly badCells = new Set<string>();

  /** Records a problem once per cell and message. */
  add(sheet: SheetDef, row: number, column: Column, col: number, message: string, detail?: string): void {
    const cell = `${sheet.name}\u0000${row}\u0000${col}`;
    const id = `${cell}\u0000${message}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.badCells.add(cell);
    this.list.push({ sheet: sheet.name, row, col, key: column.key, header: column.header, message, ...(detail === undefined ? {} : { detail }) });
  }

  /** The cell already has a problem (later checks on the same cell would only repeat it). */
  isBad(sheet: SheetDef, row: number, col: number): boolean {
    return this.badCells.has(`${sheet.name}\u0000${row}\u0000${col}`);
  }

  get count(): number {
    return this.list.length;
  }

  /** In workbook order: by sheet order given, then row, then column. */
  sorted(sheetOrder: readonly string[]): Problem[] {
    return [...this.list].sort((a, b) => sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) || a.row - b.row || a.col - b.col);
  }
}

export function renderMessage(p: Problem, lang: Language): string {
  const text = fieldMessage(p.message, lang) ?? fieldMessage('generic.invalid', lang) ?? p.message;
  return p.detail ? `${text}（${p.detail}）` : text;
}

export function toImportError(p: Problem, lang: Language): ImportError {
  return { sheet: p.sheet, row: p.row, column: colLetter(p.col), header: p.header, key: p.key, message: renderMessage(p, lang) };
}
