/**
 * Turns the rows of the data sheets into one content input per item: every cell read as its
 * column's kind, child rows (materials, fees, procedure, FAQ) linked to their item by
 * implementation code, in row order. Cell-level problems are recorded, not thrown.
 */
import { parseCell } from './cells.ts';
import { itemsSheet, type Column, type ListPath, type SheetDef } from './columns.ts';
import type { SheetLayout, SheetRow } from './parse.ts';
import type { Problems } from './problems.ts';

/** One item of the upload, before the contract checks it. */
export interface ParsedItem {
  /** Upper-cased code as written ('' when blank). */
  implCode: string;
  creditCode: string;
  level: string | undefined;
  /** Row on the items sheet. */
  row: number;
  /** The content as the cells give it; blank cells are left out so the contract's defaults apply. */
  input: Record<string, unknown>;
  /** Rows of each child sheet, in the order of the content's lists. */
  children: Record<ListPath, number[]>;
  /** Cells that were blank, as `sheet:row:key` (a blank required cell reads better as "required"). */
  blanks: Set<string>;
  /** Every row that belongs to the item (for progress). */
  rowCount: number;
}

export const blankId = (sheet: SheetDef, row: number, key: string) => `${sheet.id}:${row}:${key}`;

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next === 'object' && next !== null) node = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      node[part] = created;
      node = created;
    }
  }
  node[parts[parts.length - 1]!] = value;
}

interface ReadResult {
  values: Map<string, unknown>;
  blanks: Set<string>;
}

/** Reads every importable cell of a row; a bad cell is recorded and left out. */
function readCells(layout: SheetLayout, row: SheetRow, problems: Problems): ReadResult {
  const values = new Map<string, unknown>();
  const blanks = new Set<string>();
  for (const column of layout.sheet.columns) {
    const raw = row.cells.get(column.key);
    if (raw === undefined) continue;
    const parsed = parseCell(column.kind, raw);
    if (!parsed.ok) {
      problems.add(layout.sheet, row.row, column, layout.columns.get(column.key)!, parsed.message, parsed.detail);
      continue;
    }
    if (parsed.blank) blanks.add(blankId(layout.sheet, row.row, column.key));
    values.set(column.key, parsed.value);
  }
  return { values, blanks };
}

function fill(target: Record<string, unknown>, columns: readonly Column[], values: Map<string, unknown>): void {
  for (const c of columns) {
    if (!c.path || !values.has(c.key)) continue;
    const value = values.get(c.key);
    if (value !== undefined) setPath(target, c.path, value);
  }
}

export interface Assembled {
  items: ParsedItem[];
}

/**
 * Builds the items from the rows of every sheet. `rows` maps each sheet to its non-blank rows,
 * `layouts` says where the columns are.
 */
export function assemble(layouts: Map<string, SheetLayout>, rows: Map<string, SheetRow[]>, problems: Problems): Assembled {
  const itemsLayout = layouts.get('items')!;
  const items: ParsedItem[] = [];
  const byCode = new Map<string, ParsedItem>();
  const implColumn = itemsSheet.columns[0]!;
  for (const row of rows.get('items') ?? []) {
    const { values, blanks } = readCells(itemsLayout, row, problems);
    const implCode = typeof values.get('implCode') === 'string' ? (values.get('implCode') as string) : '';
    const item: ParsedItem = {
      implCode,
      creditCode: typeof values.get('departmentCreditCode') === 'string' ? (values.get('departmentCreditCode') as string) : '',
      level: typeof values.get('level') === 'string' ? (values.get('level') as string) : undefined,
      row: row.row,
      input: {},
      children: { materials: [], fees: [], procedure: [], faq: [] },
      blanks,
      rowCount: 1,
    };
    fill(item.input, itemsSheet.columns, values);
    items.push(item);
    const col = itemsLayout.columns.get('implCode')!;
    if (implCode === '') {
      if (!problems.isBad(itemsSheet, row.row, col)) problems.add(itemsSheet, row.row, implColumn, col, 'catalogExcel.required');
    } else if (byCode.has(implCode)) {
      problems.add(itemsSheet, row.row, implColumn, col, 'catalogExcel.implCodeDuplicate');
    } else {
      byCode.set(implCode, item);
    }
  }

  for (const [id, layout] of layouts) {
    const list = layout.sheet.list;
    if (!list) continue;
    const linkColumn = layout.sheet.columns.find((c) => c.key === 'implCode')!;
    const linkCol = layout.columns.get('implCode')!;
    for (const row of rows.get(id) ?? []) {
      const { values, blanks } = readCells(layout, row, problems);
      const code = typeof values.get('implCode') === 'string' ? (values.get('implCode') as string) : '';
      const item = byCode.get(code);
      if (!item) {
        if (!problems.isBad(layout.sheet, row.row, linkCol))
          problems.add(layout.sheet, row.row, linkColumn, linkCol, code === '' ? 'catalogExcel.required' : 'catalogExcel.unknownItem');
        continue;
      }
      const element: Record<string, unknown> = {};
      fill(element, layout.sheet.columns, values);
      const current = item.input[list];
      if (Array.isArray(current)) current.push(element);
      else item.input[list] = [element];
      item.children[list].push(row.row);
      for (const b of blanks) item.blanks.add(b);
      item.rowCount++;
    }
  }
  return { items };
}
