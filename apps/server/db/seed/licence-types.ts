/**
 * Licence types of the demo e-licence library (证照目录), under the keys the demo catalog's
 * materials and results use. The type code is the defining authority's credit code and a
 * 3-digit sequence (STANDARDS §4.1); the authorities' real codes are not in our sources, so the
 * demo makes valid-looking codes for them (check digit correct, body invented).
 */
import { makeCreditCode } from '@tongban/domain';
import type { LicenceFieldDef } from '../../src/modules/licences/licences.schema.ts';

const authority = (body8: string) => makeCreditCode('1', '1', '110000', body8);

export interface DemoLicenceType {
  key: string;
  code: string;
  name: string;
  definingAuthority: string;
  holderKind: 'person' | 'organisation';
  validityYears: number | null;
  fields: LicenceFieldDef[];
}

const samr = authority('00000101'); // 国家市场监督管理总局
const mps = authority('00000102'); // 公安部
const mca = authority('00000103'); // 民政部
const mnr = authority('00000104'); // 自然资源部
const nhc = authority('00000105'); // 国家卫生健康委员会
const mohrss = authority('00000106'); // 人力资源和社会保障部

/** A field filled from the first of `formFields` the issuing case's form has. */
const field = (key: string, label: string, ...formFields: string[]): LicenceFieldDef => ({ key, label, formFields: formFields.length ? formFields : [key] });

export const demoLicenceTypes: DemoLicenceType[] = [
  {
    key: 'BIZ_LICENCE',
    code: `${samr}001`,
    name: '营业执照',
    definingAuthority: '国家市场监督管理总局',
    holderKind: 'organisation',
    validityYears: null,
    fields: [
      field('name', '名称', 'enterpriseName', 'businessName', 'companyName', 'operatorName', 'unitName'),
      field('type', '类型', 'enterpriseType', 'organisationForm', 'businessType'),
      field('representative', '法定代表人（经营者）', 'legalRepresentative', 'operator', 'operatorName'),
      field('address', '住所（经营场所）', 'premises', 'address', 'residence'),
      field('scope', '经营范围', 'scope', 'businessScope'),
    ],
  },
  {
    key: 'FOOD_LICENCE',
    code: `${samr}002`,
    name: '食品经营许可证',
    definingAuthority: '国家市场监督管理总局',
    holderKind: 'organisation',
    validityYears: 5,
    fields: [
      field('operator', '经营者名称', 'operatorName', 'enterpriseName'),
      field('premises', '经营场所', 'premises', 'address'),
      field('businessType', '主体业态', 'businessType'),
      field('categories', '经营项目', 'categories'),
      field('safetyManager', '食品安全管理人员', 'safetyManager'),
    ],
  },
  {
    key: 'ID_CARD',
    code: `${mps}001`,
    name: '居民身份证',
    definingAuthority: '公安部',
    holderKind: 'person',
    validityYears: 20,
    fields: [field('name', '姓名', 'name', 'applicantName'), field('address', '住址', 'address', 'residence')],
  },
  {
    key: 'HUKOU',
    code: `${mps}002`,
    name: '居民户口簿',
    definingAuthority: '公安部',
    holderKind: 'person',
    validityYears: null,
    fields: [field('householder', '户主姓名', 'householder', 'name'), field('address', '住址', 'address', 'toAddress', 'residence')],
  },
  {
    key: 'RESIDENCE_PERMIT',
    code: `${mps}003`,
    name: '居住证',
    definingAuthority: '公安部',
    holderKind: 'person',
    validityYears: 1,
    fields: [field('name', '姓名', 'name', 'applicantName'), field('address', '居住地住址', 'address', 'residence')],
  },
  {
    key: 'MARRIAGE_CERT',
    code: `${mca}001`,
    name: '结婚证',
    definingAuthority: '民政部',
    holderKind: 'person',
    validityYears: null,
    fields: [field('spouse', '配偶姓名', 'spouseName', 'partnerName'), field('registeredOn', '登记日期', 'registrationDate', 'date')],
  },
  {
    key: 'PROPERTY_CERT',
    code: `${mnr}001`,
    name: '不动产权证书',
    definingAuthority: '自然资源部',
    holderKind: 'person',
    validityYears: null,
    fields: [field('location', '坐落', 'location', 'address', 'propertyAddress'), field('area', '面积', 'area'), field('use', '用途', 'use', 'purpose')],
  },
  {
    key: 'BIRTH_CERT',
    code: `${nhc}001`,
    name: '出生医学证明',
    definingAuthority: '国家卫生健康委员会',
    holderKind: 'person',
    validityYears: null,
    fields: [
      field('babyName', '新生儿姓名', 'babyName', 'childName'),
      field('birthDate', '出生日期', 'birthDate'),
      field('birthPlace', '出生地点', 'birthPlace', 'hospital'),
    ],
  },
  {
    key: 'SOCIAL_CARD',
    code: `${mohrss}001`,
    name: '社会保障卡',
    definingAuthority: '人力资源和社会保障部',
    holderKind: 'person',
    validityYears: 10,
    fields: [field('name', '姓名', 'name', 'applicantName'), field('bank', '金融账户开户行', 'bank')],
  },
];
