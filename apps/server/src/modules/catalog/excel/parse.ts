/**
 * Opens an uploaded workbook and checks its shape against the template: the file must be an
 * .xlsx, every data sheet must be there with every column. Anything else is a 4xx before the
 * import starts; row-level problems are the validator's job.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../../platform/errors.ts';
import { readCell, type Raw } from './cells.ts';
import { FIRST_DATA_ROW, HEADER_ROW, KEY_ROW, dataSheets, type Column, type SheetDef, type SheetId } from './columns.ts';
import { checkWorkbookZip } from './zip-guard.ts';

/** Where one data sheet's columns are. */
export interface SheetLayout {
  sheet: SheetDef;
  worksheet: ExcelJS.Worksheet;
  /** Column key → 1-based column index. */
  columns: Map<string, number>;
  firstDataRow: number;
}

export interface OpenedWorkbook {
  workbook: ExcelJS.Workbook;
  layouts: Map<SheetId, SheetLayout>;
}

/** One non-blank data row: its cells by column key. */
export interface SheetRow {
  sheet: SheetDef;
  row: number;
  cells: Map<string, Raw>;
}

type Issue = { path: string; code: string; message: string };

const unreadable = (reason: string) => new AppError('SPREADSHEET_UNREADABLE', { reason });
const normaliseHeader = (s: string) => s.replace(/[*＊\s]/g, '');

export async function openWorkbook(data: Buffer): Promise<OpenedWorkbook> {
  const zip = checkWorkbookZip(data);
  if (zip === 'tooLarge') throw new AppError('FILE_TOO_LARGE', { reason: 'unpacked' });
  if (zip !== 'ok') throw unreadable(zip);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw unreadable('corrupt');
  }
  const issues: Issue[] = [];
  const layouts = new Map<SheetId, SheetLayout>();
  for (const sheet of dataSheets) {
    const worksheet = workbook.getWorksheet(sheet.name);
    if (!worksheet) {
      issues.push({ path: sheet.name, code: 'sheet_missing', message: 'catalogExcel.sheetMissing' });
      continue;
    }
    const layout = locateColumns(sheet, worksheet, issues);
    if (layout) layouts.set(sheet.id, layout);
  }
  if (issues.length) throw new AppError('SPREADSHEET_TEMPLATE_MISMATCH', { issues });
  return { workbook, layouts };
}

function rowTexts(ws: ExcelJS.Worksheet, r: number): Map<number, string> {
  const texts = new Map<number, string>();
  ws.findRow(r)?.eachCell({ includeEmpty: false }, (cell, col) => {
    const raw = readCell(cell.value);
    if (raw.kind === 'text') texts.set(col, raw.text.trim());
  });
  return texts;
}

/**
 * Finds each column by its key on row 2; a file whose key row was deleted is read by its
 * Chinese headers on row 1 instead (data then starts on row 2).
 */
function locateColumns(sheet: SheetDef, ws: ExcelJS.Worksheet, issues: Issue[]): SheetLayout | null {
  const byKey = new Map(sheet.columns.map((c) => [c.key, c]));
  const byHeader = new Map(sheet.columns.map((c) => [normaliseHeader(c.header), c]));
  const keys = rowTexts(ws, KEY_ROW);
  const keyMode = [...keys.values()].some((k) => byKey.has(k));
  const labels = keyMode ? keys : rowTexts(ws, HEADER_ROW);
  const find = (label: string): Column | undefined => (keyMode ? byKey.get(label) : byHeader.get(normaliseHeader(label)));
  const columns = new Map<string, number>();
  const before = issues.length;
  for (const [col, label] of labels) {
    if (label === '') continue;
    const column = find(label);
    if (!column) issues.push({ path: `${sheet.name}.${label}`, code: 'column_unknown', message: 'catalogExcel.columnUnknown' });
    else if (columns.has(column.key)) issues.push({ path: `${sheet.name}.${column.key}`, code: 'column_duplicate', message: 'catalogExcel.columnDuplicate' });
    else columns.set(column.key, col);
  }
  for (const c of sheet.columns) {
    if (!c.readOnly && !columns.has(c.key)) issues.push({ path: `${sheet.name}.${c.key}`, code: 'column_missing', message: 'catalogExcel.columnMissing' });
  }
  if (issues.length > before) return null;
  return { sheet, worksheet: ws, columns, firstDataRow: keyMode ? FIRST_DATA_ROW : KEY_ROW };
}

/** Number of rows to visit (blank ones are skipped later). */
export function lastRowOf(layout: SheetLayout): number {
  return layout.worksheet.rowCount;
}

/** The data row `r` of a sheet, or null when every importable cell of it is blank. */
export function readRow(layout: SheetLayout, r: number): SheetRow | null {
  const row = layout.worksheet.findRow(r);
  if (!row) return null;
  const cells = new Map<string, Raw>();
  let blank = true;
  for (const c of layout.sheet.columns) {
    const col = layout.columns.get(c.key);
    if (col === undefined || c.readOnly) continue;
    const raw = readCell(row.getCell(col).value);
    if (raw.kind !== 'blank') blank = false;
    cells.set(c.key, raw);
  }
  return blank ? null : { sheet: layout.sheet, row: r, cells };
}
