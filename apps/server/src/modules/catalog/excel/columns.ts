/**
 * The Excel template of the implementation list (实施清单): its sheets and columns. Row 1 holds
 * the Chinese header, row 2 the stable machine key, data starts on row 3. Every element of
 * ItemContent has a column, so a workbook round-trips exactly. docs/catalog.md documents it.
 */
import * as v from './vocabulary.ts';
import type { CodeList } from './vocabulary.ts';

export type ColumnKind =
  /** Free text; `nullable`: a blank cell is null; `code`: trimmed and upper-cased (codes, credit codes). */
  | { type: 'text'; nullable?: boolean; code?: boolean }
  | { type: 'int' }
  | { type: 'bool' }
  /** One value of a code list. */
  | { type: 'choice'; list: CodeList }
  /** Several values of a code list, separated by ；or , */
  | { type: 'choices'; list: CodeList }
  /** Several free words, separated by ；*/
  | { type: 'words' }
  /** A JSON object. */
  | { type: 'json' };

export interface Column {
  /** Machine key (row 2), stable across versions of the template. */
  key: string;
  /** Chinese header (row 1). */
  header: string;
  kind: ColumnKind;
  /** Dotted path inside the item's content (items sheet) or inside one list element (other sheets). */
  path?: string;
  /** Shown with * in the header; the contract decides what is really required. */
  required?: boolean;
  /** For reading only: written by the export, ignored by the import, may be left out. */
  readOnly?: boolean;
  width: number;
  /** One line for the instructions sheet and the docs. */
  help: string;
}

export type SheetId = 'items' | 'materials' | 'fees' | 'procedure' | 'faq';
/** The ItemContent list a child sheet fills. */
export type ListPath = 'materials' | 'fees' | 'procedure' | 'faq';

export interface SheetDef {
  id: SheetId;
  name: string;
  /** Child sheets: the content list their rows make, in row order per item. */
  list?: ListPath;
  columns: readonly Column[];
}

const text = (nullable = false): ColumnKind => ({ type: 'text', nullable });
const code: ColumnKind = { type: 'text', code: true };
const int: ColumnKind = { type: 'int' };
const bool: ColumnKind = { type: 'bool' };
const words: ColumnKind = { type: 'words' };
const choice = (list: CodeList): ColumnKind => ({ type: 'choice', list });
const choices = (list: CodeList): ColumnKind => ({ type: 'choices', list });

const implCodeColumn: Column = {
  key: 'implCode',
  header: '实施编码',
  kind: code,
  required: true,
  width: 36,
  help: '事项的实施编码；材料、收费、流程、常见问题各表用它关联到“事项”表的一行',
};
const itemNameColumn: Column = { key: 'itemName', header: '事项名称', kind: text(), readOnly: true, width: 28, help: '仅供阅读，导入时忽略' };

export const itemsSheet: SheetDef = {
  id: 'items',
  name: '事项',
  columns: [
    {
      ...implCodeColumn,
      help: '实施编码：实施主体统一社会信用代码(18位)+行使层级(1位)+基本编码(12位)，也可填写已有的10至50位编码；已存在的编码更新该事项，新编码新建事项',
    },
    { key: 'departmentCreditCode', header: '实施主体统一社会信用代码', kind: code, required: true, width: 24, help: '实施主体（部门）的18位统一社会信用代码' },
    { key: 'departmentName', header: '实施主体名称', kind: text(), readOnly: true, width: 26, help: '仅供阅读，导入时忽略' },
    { key: 'level', header: '实施主体行使层级', kind: choice(v.levels), required: true, width: 12, help: '实施主体的行使层级（A.2），新建事项时用于实施编码' },
    { key: 'name', header: '事项名称', kind: text(), path: 'name', required: true, width: 28, help: '2至200字' },
    { key: 'baseCode', header: '基本编码', kind: code, path: 'baseCode', required: true, width: 16, help: '1至12位数字或大写字母' },
    { key: 'itemType', header: '事项类型', kind: choice(v.itemTypes), path: 'itemType', required: true, width: 16, help: 'A.1 事项类型' },
    {
      key: 'exerciseLevels',
      header: '行使层级',
      kind: choices(v.levels),
      path: 'exerciseLevels',
      required: true,
      width: 16,
      help: '一个或多个 A.2 代码，用分号分隔，如“3；4”',
    },
    { key: 'legalBasis', header: '设定依据', kind: text(), path: 'legalBasis', required: true, width: 40, help: '不超过4000字' },
    { key: 'powerSource', header: '权力来源', kind: choice(v.powerSources), path: 'powerSource', required: true, width: 14, help: '' },
    { key: 'bodyNature', header: '实施主体性质', kind: choice(v.bodyNatures), path: 'bodyNature', required: true, width: 14, help: 'A.3' },
    { key: 'jointDepartments', header: '共同实施部门', kind: words, path: 'jointDepartments', width: 20, help: '多个部门用分号分隔' },
    { key: 'acceptanceConditions', header: '受理条件', kind: text(), path: 'acceptanceConditions', width: 40, help: '' },
    { key: 'legalLimitValue', header: '法定办结时限', kind: int, path: 'legalLimit.value', required: true, width: 12, help: '数字；即办填0' },
    { key: 'legalLimitUnit', header: '法定办结时限单位', kind: choice(v.timeUnits), path: 'legalLimit.unit', required: true, width: 12, help: '' },
    { key: 'legalLimitNote', header: '法定办结时限说明', kind: text(), path: 'legalLimit.note', width: 24, help: '' },
    { key: 'promisedLimitValue', header: '承诺办结时限', kind: int, path: 'promisedLimit.value', required: true, width: 12, help: '数字；即办填0' },
    { key: 'promisedLimitUnit', header: '承诺办结时限单位', kind: choice(v.timeUnits), path: 'promisedLimit.unit', required: true, width: 12, help: '' },
    { key: 'promisedLimitNote', header: '承诺办结时限说明', kind: text(), path: 'promisedLimit.note', width: 24, help: '' },
    { key: 'caseType', header: '办件类型', kind: choice(v.caseTypes), path: 'caseType', required: true, width: 12, help: 'A.6；承诺时限为即办时须为即办件' },
    { key: 'visits', header: '到办事现场次数', kind: int, path: 'visits', required: true, width: 10, help: '0至10' },
    { key: 'visitsReason', header: '必须现场办理原因说明', kind: text(), path: 'visitsReason', width: 24, help: '到现场次数不为0时必填' },
    {
      key: 'onlineDepth',
      header: '网上办理深度',
      kind: choices(v.onlineDepths),
      path: 'onlineDepth',
      width: 16,
      help: '零个或多个：I、II、III、IV，用分号分隔',
    },
    {
      key: 'serviceObjects',
      header: '服务对象',
      kind: choices(v.serviceObjects),
      path: 'serviceObjects',
      required: true,
      width: 16,
      help: '一个或多个 A.4 代码，用分号分隔',
    },
    { key: 'personThemes', header: '面向自然人主题', kind: words, path: 'personThemes', width: 16, help: '如“出生；入学”，用分号分隔' },
    { key: 'businessThemes', header: '面向法人主题', kind: words, path: 'businessThemes', width: 16, help: '如“开办企业”，用分号分隔' },
    { key: 'crossRegion', header: '通办范围', kind: choice(v.crossRegionScopes), path: 'crossRegion', width: 12, help: '空白为不通办' },
    { key: 'channelOnline', header: '是否网办', kind: bool, path: 'channels.online', width: 10, help: '是/否，空白为否' },
    { key: 'channelInHall', header: '是否进驻大厅窗口办理', kind: bool, path: 'channels.inHall', width: 10, help: '是/否，空白为是' },
    { key: 'channelAppointment', header: '是否支持预约办理', kind: bool, path: 'channels.appointment', width: 10, help: '是/否，空白为否' },
    { key: 'channelOnlinePayment', header: '是否支持网上支付', kind: bool, path: 'channels.onlinePayment', width: 10, help: '是/否，空白为否' },
    { key: 'channelExpress', header: '是否支持物流快递', kind: bool, path: 'channels.express', width: 10, help: '是/否，空白为否' },
    { key: 'channelKiosk', header: '是否支持自助终端办理', kind: bool, path: 'channels.kiosk', width: 10, help: '是/否，空白为否' },
    { key: 'place', header: '办理地点', kind: text(), path: 'place', width: 30, help: '' },
    { key: 'hours', header: '办理时间', kind: text(), path: 'hours', width: 26, help: '' },
    { key: 'consultationPhone', header: '咨询电话', kind: text(), path: 'consultationPhone', width: 16, help: '与监督投诉电话不同' },
    { key: 'supervisionPhone', header: '监督投诉电话', kind: text(), path: 'supervisionPhone', width: 16, help: '' },
    { key: 'resultName', header: '审批结果名称', kind: text(), path: 'resultName', width: 20, help: '' },
    { key: 'resultSample', header: '审批结果样本', kind: text(true), path: 'resultSample', width: 24, help: '样本文件地址；有结果名称时必填' },
    { key: 'resultLicenceType', header: '结果证照类型', kind: text(true), path: 'resultLicenceType', width: 16, help: '结果为电子证照时的证照类型代码' },
    { key: 'charged', header: '是否收费', kind: bool, path: 'charged', width: 10, help: '是/否，空白为否；收费的在“收费”表列出每个收费项目' },
    { key: 'intermediaryServices', header: '中介服务', kind: text(), path: 'intermediaryServices', width: 20, help: '' },
    { key: 'specialProcedures', header: '特别程序', kind: text(), path: 'specialProcedures', width: 20, help: '' },
    { key: 'quantityLimit', header: '数量限制', kind: text(), path: 'quantityLimit', width: 16, help: '' },
    { key: 'keywords', header: '俗称（搜索关键词）', kind: words, path: 'keywords', width: 24, help: '群众常用的说法，用分号分隔' },
    {
      key: 'formSchema',
      header: '申请表单（JSON Schema）',
      kind: { type: 'json' },
      path: 'formSchema',
      width: 40,
      help: 'JSON Schema（2020-12）对象；空白为空表单',
    },
  ],
};

export const materialsSheet: SheetDef = {
  id: 'materials',
  name: '材料',
  list: 'materials',
  columns: [
    implCodeColumn,
    itemNameColumn,
    { key: 'key', header: '材料编号', kind: text(), path: 'key', required: true, width: 16, help: '同一事项内唯一：小写字母、数字、下划线、连字符' },
    { key: 'name', header: '材料名称', kind: text(), path: 'name', required: true, width: 30, help: '' },
    { key: 'kind', header: '材料类型', kind: choice(v.materialKinds), path: 'kind', required: true, width: 14, help: '' },
    { key: 'form', header: '材料形式', kind: choice(v.materialForms), path: 'form', required: true, width: 12, help: '' },
    { key: 'originalCopies', header: '原件份数', kind: int, path: 'originalCopies', width: 8, help: '空白为1' },
    { key: 'copyCopies', header: '复印件份数', kind: int, path: 'copyCopies', width: 8, help: '空白为0' },
    { key: 'necessity', header: '材料必要性', kind: choice(v.necessities), path: 'necessity', required: true, width: 12, help: '' },
    { key: 'source', header: '来源渠道', kind: choice(v.materialSources), path: 'source', required: true, width: 14, help: '' },
    { key: 'sourceNote', header: '来源渠道说明', kind: text(), path: 'sourceNote', width: 24, help: '' },
    { key: 'licenceType', header: '证照类型', kind: text(true), path: 'licenceType', width: 14, help: '来源为电子证照库时必填' },
    { key: 'commitmentAllowed', header: '可告知承诺', kind: bool, path: 'commitmentAllowed', width: 10, help: '是/否，空白为否' },
    { key: 'blankForm', header: '空白表格', kind: text(true), path: 'blankForm', width: 20, help: '文件地址' },
    { key: 'sample', header: '示例样表', kind: text(true), path: 'sample', width: 20, help: '文件地址' },
    { key: 'fillingNotes', header: '填报须知', kind: text(), path: 'fillingNotes', width: 24, help: '' },
    { key: 'acceptanceStandard', header: '受理标准', kind: text(), path: 'acceptanceStandard', width: 24, help: '' },
    { key: 'legalBasis', header: '要求提供材料的依据', kind: text(), path: 'legalBasis', width: 24, help: '' },
  ],
};

export const feesSheet: SheetDef = {
  id: 'fees',
  name: '收费',
  list: 'fees',
  columns: [
    implCodeColumn,
    itemNameColumn,
    { key: 'name', header: '收费项目名称', kind: text(), path: 'name', required: true, width: 24, help: '' },
    { key: 'standard', header: '收费标准', kind: text(), path: 'standard', required: true, width: 24, help: '' },
    { key: 'basis', header: '收费依据', kind: text(), path: 'basis', required: true, width: 30, help: '' },
    { key: 'waivable', header: '是否允许减免', kind: bool, path: 'waivable', width: 10, help: '是/否，空白为否' },
    { key: 'waiverBasis', header: '允许减免依据', kind: text(), path: 'waiverBasis', width: 24, help: '' },
  ],
};

export const procedureSheet: SheetDef = {
  id: 'procedure',
  name: '办理流程',
  list: 'procedure',
  columns: [
    implCodeColumn,
    itemNameColumn,
    { key: 'step', header: '环节名称', kind: text(), path: 'step', required: true, width: 14, help: '如受理、审查、决定、送达' },
    { key: 'description', header: '环节说明', kind: text(), path: 'description', width: 50, help: '' },
  ],
};

export const faqSheet: SheetDef = {
  id: 'faq',
  name: '常见问题',
  list: 'faq',
  columns: [
    implCodeColumn,
    itemNameColumn,
    { key: 'question', header: '问题', kind: text(), path: 'question', required: true, width: 30, help: '' },
    { key: 'answer', header: '答案', kind: text(), path: 'answer', required: true, width: 50, help: '' },
  ],
};

/** The data sheets, in workbook order. Every one must be present in an upload. */
export const dataSheets: readonly SheetDef[] = [itemsSheet, materialsSheet, feesSheet, procedureSheet, faqSheet];
export const childSheets: readonly SheetDef[] = [materialsSheet, feesSheet, procedureSheet, faqSheet];

export const INSTRUCTIONS_SHEET = '说明';
export const CODES_SHEET = '代码表';
export const ERRORS_SHEET = '错误';
/** Row 1: headers; row 2: keys; data from row 3. */
export const HEADER_ROW = 1;
export const KEY_ROW = 2;
export const FIRST_DATA_ROW = 3;
