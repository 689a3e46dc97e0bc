/**
 * Shared building blocks of the demo catalog: the hall, phones, the licence types of the
 * e-licence library (电子证照库), common materials and small JSON Schema (draft 2020-12) forms.
 */
import type { z } from 'zod';
import type { materialSchema } from '@tongban/contracts';
import { demoCountyDepartment, demoDepartments } from '../demo-data.ts';
import type { DemoDepartmentKey } from './types.ts';

export type MaterialInput = z.input<typeof materialSchema>;

/** 办理时间 of the municipal hall. */
export const HOURS = '周一至周五 9:00-12:00，13:30-17:30（法定节假日除外）';

/** 监督投诉电话: the 12345 政务服务便民热线 (巴中). Always differs from the department's consultation phone. */
export const SUPERVISION_PHONE = '0827-12345';

/** 办理地点: a window of 巴中市政务服务中心. */
export const hall = (window: string, desk: string): string => `巴中市政务服务中心（巴州区江北大道东段市民中心）${window}窗口（${desk}）`;

/** 咨询电话: the department's phone from ../demo-data.ts. */
const phoneByDepartment = new Map<string, string>([...demoDepartments, demoCountyDepartment].map((d) => [d.key, d.phone]));
export function consultationPhone(department: DemoDepartmentKey): string {
  const phone = phoneByDepartment.get(department);
  if (!phone) throw new Error(`demo catalog: no phone for department ${department}`);
  return phone;
}

/** Licence types held in the e-licence library (电子证照库). */
export const LICENCE_TYPES = {
  ID_CARD: '居民身份证',
  HUKOU: '居民户口簿',
  BIZ_LICENCE: '营业执照',
  FOOD_LICENCE: '食品经营许可证',
  BIRTH_CERT: '出生医学证明',
  MARRIAGE_CERT: '结婚证',
  PROPERTY_CERT: '不动产权证书',
  RESIDENCE_PERMIT: '居住证',
  SOCIAL_CARD: '社会保障卡',
} as const;
export type LicenceType = keyof typeof LICENCE_TYPES;

/** 自然人 / 法人 service themes (主题分类). */
export const PERSON_THEMES = ['出生', '入学', '就业', '婚育', '住房', '社保', '医疗', '退休', '户籍', '交通出行'] as const;
export const BUSINESS_THEMES = ['开办企业', '工程建设', '经营许可', '纳税缴费', '人才引进', '企业注销'] as const;

const libraryKeys: Record<LicenceType, string> = {
  ID_CARD: 'id_card',
  HUKOU: 'hukou',
  BIZ_LICENCE: 'business_licence',
  FOOD_LICENCE: 'food_licence',
  BIRTH_CERT: 'birth_cert',
  MARRIAGE_CERT: 'marriage_cert',
  PROPERTY_CERT: 'property_cert',
  RESIDENCE_PERMIT: 'residence_permit',
  SOCIAL_CARD: 'social_card',
};

/** A material the platform fetches from the e-licence library (调取电子证照库, 免提交实体证件). */
export function fromLibrary(licenceType: LicenceType, overrides: Partial<MaterialInput> = {}): MaterialInput {
  return {
    key: libraryKeys[licenceType],
    name: LICENCE_TYPES[licenceType],
    kind: 'original',
    form: 'paper_and_electronic',
    originalCopies: 1,
    copyCopies: 0,
    necessity: 'required',
    source: 'licence_library',
    licenceType,
    sourceNote: '已归集电子证照的，由系统从电子证照库调取，申请人免于提交实体证件；未归集的，窗口核验原件',
    acceptanceStandard: '证照真实有效、在有效期内，信息与申请人一致',
    ...overrides,
  };
}

/** A form the applicant fills in online (在线填报); the platform generates the document. */
export function onlineForm(key: string, name: string, overrides: Partial<MaterialInput> = {}): MaterialInput {
  return {
    key,
    name,
    kind: 'original',
    form: 'electronic',
    originalCopies: 1,
    copyCopies: 0,
    necessity: 'required',
    source: 'online_form',
    sourceNote: '通过网上办事大厅在线填写并电子签名；窗口办理的，由工作人员协助填写后本人签字',
    fillingNotes: '如实填写，带 * 项为必填项',
    acceptanceStandard: '填写完整、内容真实，与其他申请材料一致',
    ...overrides,
  };
}

/** A paper document the applicant brings (申请人自备). */
export function applicantDoc(key: string, name: string, overrides: Partial<MaterialInput> = {}): MaterialInput {
  return {
    key,
    name,
    kind: 'original',
    form: 'paper_and_electronic',
    originalCopies: 1,
    copyCopies: 0,
    necessity: 'required',
    source: 'applicant',
    acceptanceStandard: '内容完整、真实有效，需签字盖章的已签字盖章',
    ...overrides,
  };
}

/** A document issued by another government body (政府部门核发), usually fetched by data sharing. */
export function governmentDoc(key: string, name: string, sourceNote: string, overrides: Partial<MaterialInput> = {}): MaterialInput {
  return {
    key,
    name,
    kind: 'original',
    form: 'electronic',
    originalCopies: 1,
    copyCopies: 0,
    necessity: 'required',
    source: 'government',
    sourceNote,
    acceptanceStandard: '由核发部门出具，真实有效',
    ...overrides,
  };
}

/** 近期免冠彩色证件照片. */
export function photo(overrides: Partial<MaterialInput> = {}): MaterialInput {
  return applicantDoc('photo', '近期免冠彩色证件照片', {
    form: 'paper_and_electronic',
    fillingNotes: '白色背景、正面免冠、不着制式服装；已在照相馆取得数码相片回执的，可提供回执号',
    acceptanceStandard: '近6个月内拍摄，符合证件照片标准',
    ...overrides,
  });
}

/** 授权委托书 (only when someone else handles it). */
export function authorisation(overrides: Partial<MaterialInput> = {}): MaterialInput {
  return applicantDoc('authorisation', '授权委托书及受托人身份证件（委托他人代办的提交）', {
    necessity: 'optional',
    blankForm: '/forms/authorisation.docx',
    acceptanceStandard: '委托事项、权限和期限明确，委托人签字（盖章）',
    ...overrides,
  });
}

// ---------------------------------------------------------------------------
// Application forms: JSON Schema draft 2020-12 with `ui:*` hints in a top-level 'ui:schema'.

export type FormField = { key: string; title: string; schema: Record<string, unknown>; widget?: string; placeholder?: string; optional?: boolean };

export function formSchema(title: string, fields: FormField[]): Record<string, unknown> {
  const ui: Record<string, unknown> = { 'ui:order': fields.map((f) => f.key) };
  for (const f of fields) {
    if (f.widget || f.placeholder)
      ui[f.key] = { ...(f.widget ? { 'ui:widget': f.widget } : {}), ...(f.placeholder ? { 'ui:placeholder': f.placeholder } : {}) };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title,
    type: 'object',
    required: fields.filter((f) => !f.optional).map((f) => f.key),
    properties: Object.fromEntries(fields.map((f) => [f.key, { title: f.title, ...f.schema }])),
    additionalProperties: false,
    'ui:schema': ui,
  };
}

export const optional = (f: FormField): FormField => ({ ...f, optional: true });

/** Common form fields. */
export const field = {
  name: (key = 'applicantName', title = '申请人姓名'): FormField => ({ key, title, schema: { type: 'string', minLength: 2, maxLength: 50 } }),
  idNumber: (key = 'idNumber', title = '公民身份号码'): FormField => ({
    key,
    title,
    schema: { type: 'string', pattern: '^[1-9]\\d{16}[0-9X]$' },
    placeholder: '18位居民身份证号码',
  }),
  mobile: (key = 'mobile', title = '联系电话'): FormField => ({ key, title, schema: { type: 'string', pattern: '^1[3-9]\\d{9}$' }, widget: 'tel' }),
  creditCode: (key = 'creditCode', title = '统一社会信用代码'): FormField => ({
    key,
    title,
    schema: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$' },
    placeholder: '18位统一社会信用代码',
  }),
  text: (key: string, title: string, maxLength = 100, placeholder?: string): FormField => ({
    key,
    title,
    schema: { type: 'string', minLength: 1, maxLength },
    ...(placeholder ? { placeholder } : {}),
  }),
  textarea: (key: string, title: string, maxLength = 1000): FormField => ({
    key,
    title,
    schema: { type: 'string', minLength: 1, maxLength },
    widget: 'textarea',
  }),
  date: (key: string, title: string): FormField => ({ key, title, schema: { type: 'string', format: 'date' }, widget: 'date' }),
  select: (key: string, title: string, options: string[], widget: 'select' | 'radio' = 'select'): FormField => ({
    key,
    title,
    schema: { type: 'string', enum: options },
    widget,
  }),
  multi: (key: string, title: string, options: string[]): FormField => ({
    key,
    title,
    schema: { type: 'array', items: { type: 'string', enum: options }, minItems: 1, uniqueItems: true },
    widget: 'checkboxes',
  }),
  money: (key: string, title: string, maximum: number): FormField => ({
    key,
    title,
    schema: { type: 'number', minimum: 0, maximum, multipleOf: 0.01 },
    widget: 'money',
  }),
  number: (key: string, title: string, minimum: number, maximum: number, integer = false): FormField => ({
    key,
    title,
    schema: { type: integer ? 'integer' : 'number', minimum, maximum },
  }),
  bankAccount: (key = 'bankAccount', title = '收款银行账号（本人一类账户或社会保障卡金融账户）'): FormField => ({
    key,
    title,
    schema: { type: 'string', pattern: '^\\d{12,19}$' },
  }),
  email: (key = 'email', title = '电子邮箱'): FormField => ({ key, title, schema: { type: 'string', format: 'email' }, widget: 'email' }),
};

/** 巴中市 county-level districts, for address-like selects. */
export const BAZHONG_COUNTIES = ['巴州区', '恩阳区', '通江县', '南江县', '平昌县'];

/** 办理流程 from [step, description] pairs. */
export const steps = (...pairs: [string, string][]): { step: string; description: string }[] => pairs.map(([step, description]) => ({ step, description }));
