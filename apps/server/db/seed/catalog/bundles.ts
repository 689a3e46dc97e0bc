/** 一件事一次办 bundles of the demo region: each lists the base codes (基本编码) of its items, in handling order. */
import type { DemoBundle } from './types.ts';

export const bundles: DemoBundle[] = [
  {
    key: 'open-restaurant',
    name: '开办餐饮店一件事',
    description: '个体工商户营业执照和食品经营许可一次申请、并联审批，经营者同步办理灵活就业人员参保登记，一套材料、一次提交、一窗出证。',
    lifeEvent: '开办企业',
    items: ['51M010002001', '51M010003001', '51R200005001'],
  },
  {
    key: 'open-company',
    name: '企业开办一件事',
    description: '名称申报、设立登记、单位社会保险登记和住房公积金缴存登记一网通办，1个工作日内办结。',
    lifeEvent: '开办企业',
    items: ['51M200001001', '51M010001001', '51R070006001', '51F200003001'],
  },
  {
    key: 'newborn',
    name: '新生儿出生一件事',
    description: '出生医学证明签发后，出生登记（户口）、城乡居民医保参保登记和社会保障卡申领一表申请、联动办理，材料通过电子证照共享免提交。',
    lifeEvent: '出生',
    items: ['51W070001001', '51P070004001', '51Y200001001', '51R200001001'],
  },
  {
    key: 'retirement',
    name: '职工退休一件事',
    description: '退休审批与养老金核定后，住房公积金退休提取自动推送办理；退休后到外地长期居住的，可一并办理异地就医备案。',
    lifeEvent: '退休',
    items: ['51R070002001', '51F200001003', '51Y200002001'],
  },
  {
    key: 'second-hand-house',
    name: '二手房交易登记一件事',
    description: '抵押权注销、转移登记与税费缴纳、新抵押登记一窗受理、并行办理，购房人可同步申请住房公积金购房提取。',
    lifeEvent: '住房',
    items: ['51L070003003', '51L070002001', '51L070003001', '51F200001001'],
  },
  {
    key: 'marriage',
    name: '结婚落户一件事',
    description: '办理结婚登记后，在巴中市内投靠配偶落户的，可一并申请户口迁移，婚姻登记信息共享核验。',
    lifeEvent: '婚育',
    items: ['51C070001001', '51P070002001'],
  },
  {
    key: 'school-enrolment',
    name: '义务教育入学一件事',
    description: '随迁子女监护人办理居住证后，一次提交义务教育入学登记，户籍、住房、居住证信息共享核验。',
    lifeEvent: '入学',
    items: ['51P200001001', '51E200001001'],
  },
];
