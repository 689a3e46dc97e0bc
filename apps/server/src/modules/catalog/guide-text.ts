/** The Chinese wording of catalog elements on printed documents (办事指南, 一次性告知书). */
import type { ItemContent, ItemTypeCode, Material, TimeLimit } from '@tongban/contracts';

/** A.1 事项类型 (GB/T 39046—2020). */
export const itemTypeLabels: Record<ItemTypeCode, string> = {
  '00': '行政权力事项',
  '01': '行政许可',
  '02': '行政处罚',
  '03': '行政强制',
  '04': '行政征收',
  '05': '行政给付',
  '06': '行政检查',
  '07': '行政确认',
  '08': '行政奖励',
  '09': '行政裁决',
  '10': '其他行政权力',
  '11': '政府内部审批',
  '20': '公共服务事项',
  '21': '其他公共服务事项',
};

/** A.6 办件类型. */
export const caseTypeLabels: Record<ItemContent['caseType'], string> = { '1': '即办件', '2': '承诺件', '9': '其他' };

/** A.4 服务对象. */
export const serviceObjectLabels: Record<ItemContent['serviceObjects'][number], string> = {
  '1': '自然人',
  '2': '企业法人',
  '3': '事业法人',
  '4': '社会组织法人',
  '5': '行政机关',
  '6': '其他组织',
};

export const onlineDepthLabels: Record<ItemContent['onlineDepth'][number], string> = {
  I: 'Ⅰ级（信息公开）',
  II: 'Ⅱ级（在线预约、预审）',
  III: 'Ⅲ级（网上受理，最多跑一次）',
  IV: 'Ⅳ级（全程网办）',
};

export const crossRegionLabels: Record<ItemContent['crossRegion'], string> = {
  none: '',
  national: '全国通办',
  cross_province: '跨省通办',
  cross_city: '跨市通办',
  cross_county: '跨县通办',
};

const channelLabels: [keyof ItemContent['channels'], string][] = [
  ['online', '网上办理'],
  ['inHall', '窗口办理'],
  ['appointment', '预约办理'],
  ['express', '物流快递'],
  ['kiosk', '自助终端'],
  ['onlinePayment', '网上支付'],
];

export function channelsText(channels: ItemContent['channels']): string {
  return channelLabels
    .filter(([key]) => channels[key])
    .map(([, label]) => label)
    .join('、');
}

const units: Record<TimeLimit['unit'], string> = { immediate: '', working_day: '个工作日', natural_day: '个自然日', month: '个月', year: '年' };

/** "3个工作日（材料齐全的…）", "即办". */
export function timeLimitText(limit: TimeLimit): string {
  const base = limit.unit === 'immediate' ? '即办' : `${limit.value}${units[limit.unit]}`;
  return limit.note.trim() ? `${base}（${limit.note.trim()}）` : base;
}

/** 材料类型及份数: "原件1份", "原件1份、复印件1份", "原件或复印件1份". */
export function copiesText(m: Material): string {
  const copies = m.copyCopies > 0 ? m.copyCopies : 1;
  const originals = m.originalCopies > 0 ? m.originalCopies : 1;
  switch (m.kind) {
    case 'original':
      return `原件${originals}份`;
    case 'copy':
      return `复印件${copies}份`;
    case 'original_and_copy':
      return `原件${originals}份、复印件${copies}份`;
    case 'original_or_copy':
      return `原件或复印件${Math.max(originals, m.copyCopies)}份`;
  }
}

export const formLabels: Record<Material['form'], string> = { paper: '纸质', electronic: '电子', paper_and_electronic: '纸质、电子' };
export const necessityLabels: Record<Material['necessity'], string> = { required: '必要', optional: '非必要', deferrable: '容缺后补' };
export const sourceLabels: Record<Material['source'], string> = {
  applicant: '申请人自备',
  government: '政府部门核发',
  licence_library: '电子证照库调取免提交',
  online_form: '在线填报',
};

/** 来源渠道, with 可告知承诺 when a signed commitment may replace the material. */
export function sourceText(m: Material): string {
  return m.commitmentAllowed ? `${sourceLabels[m.source]}；可告知承诺` : sourceLabels[m.source];
}

/** What the applicant should know about a material beyond its name (notes, forms, samples). */
export function materialNotes(m: Material): string[] {
  return [
    m.sourceNote.trim(),
    m.fillingNotes.trim() ? `填报须知：${m.fillingNotes.trim()}` : '',
    m.blankForm ? '提供空白表格' : '',
    m.sample ? '提供示例样表' : '',
  ].filter((s) => s !== '');
}

/** A date as YYYY-MM-DD in China Standard Time. */
export function chinaDate(iso: string | null): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** The 12345 government service hotline, for progress queries and complaints. */
export const HOTLINE = '12345';
