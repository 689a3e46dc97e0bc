/**
 * The error report: the uploaded workbook itself, with every bad cell highlighted and its
 * problem in a note, one more column per sheet that sums up each row's problems, and an 错误
 * sheet that lists every problem with a link to its cell.
 */
import ExcelJS from 'exceljs';
import type { Language } from '@tongban/contracts';
import { ERRORS_SHEET, HEADER_ROW } from './columns.ts';
import { renderMessage, type Problem } from './problems.ts';
import { colLetter, toBuffer } from './workbook.ts';

const BAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const BAD_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };

const words = {
  zh: { column: '错误说明', sheet: '工作表', row: '行', cell: '列', header: '列名', message: '错误说明' },
  en: { column: 'Problems', sheet: 'Sheet', row: 'Row', cell: 'Column', header: 'Header', message: 'Problem' },
} as const;

export async function buildErrorReport(upload: Buffer, problems: readonly Problem[], lang: Language): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(upload as unknown as ArrayBuffer);
  const w = words[lang];
  const old = wb.getWorksheet(ERRORS_SHEET);
  if (old) wb.removeWorksheet(old.id);

  const bySheet = new Map<string, Problem[]>();
  for (const p of problems) bySheet.set(p.sheet, [...(bySheet.get(p.sheet) ?? []), p]);
  for (const [name, list] of bySheet) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    const summaryCol = ws.columnCount + 1;
    const head = ws.getCell(HEADER_ROW, summaryCol);
    head.value = w.column;
    head.font = { bold: true, ...BAD_FONT };
    ws.getColumn(summaryCol).width = 50;
    const byRow = new Map<number, string[]>();
    for (const p of list) {
      const text = renderMessage(p, lang);
      const cell = ws.getCell(p.row, p.col);
      cell.fill = BAD_FILL;
      cell.font = BAD_FONT;
      cell.note = text;
      byRow.set(p.row, [...(byRow.get(p.row) ?? []), `${p.header}：${text}`]);
    }
    for (const [row, texts] of byRow) {
      const cell = ws.getCell(row, summaryCol);
      cell.value = texts.join('；');
      cell.font = BAD_FONT;
      cell.alignment = { wrapText: true, vertical: 'top' };
    }
  }

  const sheet = wb.addWorksheet(ERRORS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: w.sheet, key: 'sheet', width: 12 },
    { header: w.row, key: 'row', width: 8 },
    { header: w.cell, key: 'column', width: 8 },
    { header: w.header, key: 'header', width: 24 },
    { header: w.message, key: 'message', width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const p of problems) {
    const letter = colLetter(p.col);
    sheet.addRow({
      sheet: p.sheet,
      row: p.row,
      column: { text: letter, hyperlink: `#'${p.sheet}'!${letter}${p.row}` },
      header: p.header,
      message: renderMessage(p, lang),
    });
  }
  // Open on the list of problems.
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: wb.worksheets.indexOf(sheet), visibility: 'visible' }];
  return toBuffer(wb);
}
