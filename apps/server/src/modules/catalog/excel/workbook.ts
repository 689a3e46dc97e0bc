/**
 * Builds the template workbook: the instructions (说明), one sheet per data sheet with a
 * Chinese header row, a machine-key row, frozen panes and drop-down lists, and the code lists
 * (代码表) that the drop-downs point at. The export fills the same workbook with rows.
 */
import ExcelJS from 'exceljs';
import { CODES_SHEET, FIRST_DATA_ROW, HEADER_ROW, INSTRUCTIONS_SHEET, KEY_ROW, dataSheets, type Column, type SheetDef } from './columns.ts';
import { codeLists, displayOf, type CodeList } from './vocabulary.ts';

/** Drop-downs cover at least this many data rows (more when the export writes more). */
const VALIDATED_ROWS = 2000;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const KEY_FONT: Partial<ExcelJS.Font> = { size: 9, italic: true, color: { argb: 'FF808080' } };

/** Access to the range form of `worksheet.dataValidations` (in ExcelJS 4.4, missing from its types). */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/** The text format (@) keeps codes such as 510000000001 or 3,4 from turning into numbers. */
const isTextual = (c: Column) => c.kind.type !== 'int';

export function headerText(c: Column): string {
  return c.required ? `${c.header}*` : c.header;
}

export function kindText(c: Column): string {
  const k = c.kind;
  switch (k.type) {
    case 'text':
      return k.code ? '编码（文本）' : k.nullable ? '文本，可空' : '文本';
    case 'int':
      return '整数';
    case 'bool':
      return '是 / 否';
    case 'choice':
      return `下拉选择：${k.list.values.map((v) => displayOf(k.list, v.code)).join('、')}`;
    case 'choices':
      return `多选，用分号分隔：${k.list.values.map((v) => displayOf(k.list, v.code)).join('、')}`;
    case 'words':
      return '多个词，用分号分隔';
    case 'json':
      return 'JSON 对象';
  }
}

function listRange(list: CodeList): string {
  const col = codeLists.indexOf(list) + 1;
  const letter = colLetter(col);
  return `'${CODES_SHEET}'!$${letter}$${FIRST_DATA_ROW}:$${letter}$${FIRST_DATA_ROW + list.values.length - 1}`;
}

export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function addDataSheet(wb: ExcelJS.Workbook, sheet: SheetDef, rowCount: number): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 1, ySplit: KEY_ROW }] });
  ws.columns = sheet.columns.map((c) => ({ key: c.key, width: c.width, ...(isTextual(c) ? { style: { numFmt: '@' } } : {}) }));
  const header = ws.getRow(HEADER_ROW);
  const keys = ws.getRow(KEY_ROW);
  sheet.columns.forEach((c, i) => {
    const h = header.getCell(i + 1);
    h.value = headerText(c);
    h.font = { bold: true, ...(c.required ? { color: { argb: 'FFC00000' } } : c.readOnly ? { color: { argb: 'FF808080' } } : {}) };
    h.fill = HEADER_FILL;
    h.alignment = { vertical: 'middle', wrapText: true };
    h.note = `${c.help ? `${c.help}\n` : ''}${kindText(c)}`;
    const k = keys.getCell(i + 1);
    k.value = c.key;
    k.font = KEY_FONT;
  });
  header.height = 32;
  const last = FIRST_DATA_ROW + Math.max(VALIDATED_ROWS, rowCount + 500) - 1;
  const validations = (ws as unknown as RangeValidations).dataValidations;
  sheet.columns.forEach((c, i) => {
    const range = `${colLetter(i + 1)}${FIRST_DATA_ROW}:${colLetter(i + 1)}${last}`;
    const k = c.kind;
    if (k.type === 'choice' || k.type === 'bool') {
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [listRange(k.type === 'choice' ? k.list : codeListById('yesNo'))],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: '取值无效',
        error: '请从下拉列表中选择',
      });
    } else if (k.type === 'choices' || k.type === 'words') {
      validations.add(range, {
        type: 'custom',
        allowBlank: true,
        formulae: ['TRUE'],
        showInputMessage: true,
        promptTitle: c.header,
        prompt:
          k.type === 'choices'
            ? `多个值用分号分隔，如：${k.list.values
                .map((v) => v.code)
                .slice(0, 2)
                .join('；')}`
            : '多个词用分号分隔',
      });
    }
  });
  return ws;
}

function codeListById(id: string): CodeList {
  const found = codeLists.find((l) => l.id === id);
  if (!found) throw new Error(`no code list ${id}`);
  return found;
}

function addCodesSheet(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet(CODES_SHEET, { views: [{ state: 'frozen', ySplit: KEY_ROW }] });
  codeLists.forEach((list, i) => {
    const col = ws.getColumn(i + 1);
    col.width = 18;
    col.numFmt = '@';
    const title = ws.getCell(HEADER_ROW, i + 1);
    title.value = list.title;
    title.font = { bold: true };
    title.fill = HEADER_FILL;
    ws.getCell(KEY_ROW, i + 1).value = list.id;
    ws.getCell(KEY_ROW, i + 1).font = KEY_FONT;
    list.values.forEach((v, j) => {
      ws.getCell(FIRST_DATA_ROW + j, i + 1).value = displayOf(list, v.code);
    });
  });
}

const INSTRUCTIONS: readonly string[] = [
  '通办 · 实施清单 Excel 导入模板',
  '1. “事项”表每行一个实施事项；“材料”“收费”“办理流程”“常见问题”表每行一条，用“实施编码”列关联到“事项”表中的事项，同一事项的多行按从上到下的顺序排列。',
  '2. 第1行是列名（带 * 的为必填），第2行是列键，请勿修改或删除这两行，也不要改工作表名称；数据从第3行开始。可以调整列的顺序。',
  '3. 下拉列选择即可；多选列（行使层级、服务对象、网上办理深度）和多个词的列（主题、俗称、共同实施部门）用分号“；”分隔。取值见“代码表”。',
  '4. 导入时先检查全部工作表的每一行：只要有一处错误，就一个事项也不导入，并给出错误报告（标出出错的单元格，另附“错误”表）。',
  '5. 实施编码已存在的事项：内容有变化时生成新版本，没有变化的保持不变；实施编码不存在的新建事项。选择“导入后直接发布”时按发布规则检查并发布，否则保存为草稿。',
  '6. 部门管理员只能导入本部门的事项，中心管理员只能导入本辖区部门的事项。“实施主体名称”“事项名称”（材料等表中）仅供阅读，导入时忽略。',
  '7. 文件不超过 8 MB（约一万六千个事项）；单元格内容不超过 32767 个字符。',
];

function addInstructionsSheet(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet(INSTRUCTIONS_SHEET);
  ws.columns = [
    { key: 'sheet', width: 12 },
    { key: 'header', width: 26 },
    { key: 'key', width: 22 },
    { key: 'required', width: 8 },
    { key: 'format', width: 60 },
    { key: 'help', width: 70 },
  ];
  INSTRUCTIONS.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    cell.font = i === 0 ? { bold: true, size: 14 } : {};
  });
  const start = INSTRUCTIONS.length + 2;
  const head = ws.getRow(start);
  head.values = ['工作表', '列名', '列键', '必填', '格式 / 取值', '说明'];
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  let r = start + 1;
  for (const sheet of dataSheets) {
    for (const c of sheet.columns) {
      ws.getRow(r++).values = [sheet.name, c.header, c.key, c.required ? '是' : '', kindText(c), c.readOnly ? '仅供阅读，导入时忽略' : c.help];
    }
  }
}

/** A workbook in the template's shape; `rows` fills the data sheets (the export), none gives the blank template. */
export function buildWorkbook(rows: Partial<Record<SheetDef['id'], Record<string, ExcelJS.CellValue>[]>> = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tongban 通办';
  wb.created = new Date();
  addInstructionsSheet(wb);
  for (const sheet of dataSheets) {
    const data = rows[sheet.id] ?? [];
    const ws = addDataSheet(wb, sheet, data.length);
    data.forEach((values, i) => {
      const row = ws.getRow(FIRST_DATA_ROW + i);
      sheet.columns.forEach((c, j) => {
        const value = values[c.key];
        if (value !== null && value !== undefined) row.getCell(j + 1).value = value;
      });
    });
  }
  addCodesSheet(wb);
  return wb;
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
