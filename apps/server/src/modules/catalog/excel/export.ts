/** Items to rows of the template's data sheets (the inverse of `assemble`). */
import type ExcelJS from 'exceljs';
import type { ItemContent } from '@tongban/contracts';
import { writeCell } from './cells.ts';
import { childSheets, itemsSheet, type SheetDef, type SheetId } from './columns.ts';
import { displayOf, levels } from './vocabulary.ts';

export interface ExportItem {
  implCode: string;
  level: string;
  department: { name: string; creditCode: string };
  content: ItemContent;
}

type Row = Record<string, ExcelJS.CellValue>;

function valueAt(source: unknown, path: string): unknown {
  let node = source;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function rowOf(sheet: SheetDef, source: unknown, fixed: Row): Row {
  const row: Row = { ...fixed };
  for (const c of sheet.columns) if (c.path) row[c.key] = writeCell(c.kind, valueAt(source, c.path));
  return row;
}

export function toSheetRows(items: readonly ExportItem[]): Record<SheetId, Row[]> {
  const rows: Record<SheetId, Row[]> = { items: [], materials: [], fees: [], procedure: [], faq: [] };
  for (const item of items) {
    rows.items.push(
      rowOf(itemsSheet, item.content, {
        implCode: item.implCode,
        departmentCreditCode: item.department.creditCode,
        departmentName: item.department.name,
        level: displayOf(levels, item.level),
      }),
    );
    for (const sheet of childSheets) {
      const list: readonly unknown[] = item.content[sheet.list!];
      for (const element of list) rows[sheet.id].push(rowOf(sheet, element, { implCode: item.implCode, itemName: item.content.name }));
    }
  }
  return rows;
}
