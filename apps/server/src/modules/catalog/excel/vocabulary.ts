/**
 * The code lists of the Excel template (代码表): every enumeration of ItemContent with the
 * words a department admin reads. Codes follow GB/T 39046 Appendix A where it has them
 * (STANDARDS §1.3); the platform's own enumerations are shown by their Chinese label.
 */

export interface CodeList {
  /** Stable id, also the header of its column on the 代码表 sheet. */
  id: string;
  title: string;
  /** `code-label`: cells show "01 行政许可"; `label`: cells show "必要". */
  display: 'code-label' | 'label';
  values: readonly { code: string; label: string }[];
}

const list = (id: string, title: string, display: CodeList['display'], values: [string, string][]): CodeList => ({
  id,
  title,
  display,
  values: values.map(([code, label]) => ({ code, label })),
});

export const itemTypes = list('itemType', '事项类型（A.1）', 'code-label', [
  ['00', '行政权力事项'],
  ['01', '行政许可'],
  ['02', '行政处罚'],
  ['03', '行政强制'],
  ['04', '行政征收'],
  ['05', '行政给付'],
  ['06', '行政检查'],
  ['07', '行政确认'],
  ['08', '行政奖励'],
  ['09', '行政裁决'],
  ['10', '其他行政权力'],
  ['11', '政府内部审批'],
  ['20', '公共服务'],
  ['21', '其他公共服务'],
]);

export const levels = list('level', '行使层级（A.2）', 'code-label', [
  ['1', '国家级'],
  ['2', '省级'],
  ['3', '市级'],
  ['4', '县级'],
  ['5', '乡镇级'],
  ['6', '村级'],
  ['7', '分级管理'],
]);

export const bodyNatures = list('bodyNature', '实施主体性质（A.3）', 'code-label', [
  ['1', '法定机关'],
  ['2', '授权组织'],
  ['3', '受委托组织'],
  ['9', '其他'],
]);

export const serviceObjects = list('serviceObject', '服务对象（A.4）', 'code-label', [
  ['1', '自然人'],
  ['2', '企业法人'],
  ['3', '事业法人'],
  ['4', '社会组织法人'],
  ['5', '行政机关'],
  ['6', '其他组织'],
]);

export const caseTypes = list('caseType', '办件类型（A.6）', 'code-label', [
  ['1', '即办件'],
  ['2', '承诺件'],
  ['9', '其他'],
]);

export const powerSources = list('powerSource', '权力来源', 'label', [
  ['statutory', '法定本级行使'],
  ['delegated', '上级下放'],
  ['entrusted', '上级委托'],
  ['other', '其他'],
]);

export const timeUnits = list('timeUnit', '时限单位', 'label', [
  ['immediate', '即办'],
  ['working_day', '工作日'],
  ['natural_day', '自然日'],
  ['month', '月'],
  ['year', '年'],
]);

export const onlineDepths = list('onlineDepth', '网上办理深度', 'code-label', [
  ['I', '信息公开'],
  ['II', '在线预约预审'],
  ['III', '网上受理'],
  ['IV', '全程网办'],
]);

export const crossRegionScopes = list('crossRegion', '通办范围', 'label', [
  ['none', '不通办'],
  ['national', '全国通办'],
  ['cross_province', '跨省通办'],
  ['cross_city', '跨市通办'],
  ['cross_county', '跨县通办'],
]);

export const materialKinds = list('materialKind', '材料类型', 'label', [
  ['original', '原件'],
  ['copy', '复印件'],
  ['original_and_copy', '原件和复印件'],
  ['original_or_copy', '原件或复印件'],
]);

export const materialForms = list('materialForm', '材料形式', 'label', [
  ['paper', '纸质'],
  ['electronic', '电子'],
  ['paper_and_electronic', '纸质和电子'],
]);

export const necessities = list('necessity', '材料必要性', 'label', [
  ['required', '必要'],
  ['optional', '非必要'],
  ['deferrable', '容缺后补'],
]);

export const materialSources = list('materialSource', '来源渠道', 'label', [
  ['applicant', '申请人自备'],
  ['government', '政府部门核发'],
  ['licence_library', '电子证照库'],
  ['online_form', '在线填报'],
]);

export const yesNo = list('yesNo', '是否', 'label', [
  ['true', '是'],
  ['false', '否'],
]);

/** Every list, in the order of the 代码表 sheet. */
export const codeLists: readonly CodeList[] = [
  itemTypes,
  levels,
  bodyNatures,
  serviceObjects,
  caseTypes,
  powerSources,
  timeUnits,
  onlineDepths,
  crossRegionScopes,
  materialKinds,
  materialForms,
  necessities,
  materialSources,
  yesNo,
];

/** How a code is written in a cell. */
export function displayOf(list: CodeList, code: string): string {
  const entry = list.values.find((v) => v.code === code);
  if (!entry) return code;
  return list.display === 'code-label' ? `${entry.code} ${entry.label}` : entry.label;
}

/** The code a cell's text stands for: the code itself, its label, or "code label"; undefined when none. */
export function codeOf(list: CodeList, text: string): string | undefined {
  const s = text.trim().replace(/\s+/g, ' ');
  for (const v of list.values) {
    if (s === v.code || s === v.label || s === `${v.code} ${v.label}`) return v.code;
  }
  // Codes typed in lower case (e.g. "iii", "working_day" is already lower case).
  const upper = s.toUpperCase();
  return list.values.find((v) => v.code.toUpperCase() === upper)?.code;
}
