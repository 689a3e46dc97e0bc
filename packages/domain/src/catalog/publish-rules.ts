// 发布一致性校验: consistency rules an implementation item must pass before publishing.
import { toWorkingDays, type TimeLimitInput } from './time-limit.ts';

/**
 * Structural view of the item content the rules read. The contract type
 * `ItemContent` (packages/contracts) satisfies it; it is declared here because the
 * domain package must not depend on contracts.
 */
export interface PublishRuleInput {
  /** 事项名称 */
  name: string;
  /** 事项类型 (A.1), '01' = 行政许可 */
  itemType: string;
  /** 设定依据 */
  legalBasis: string;
  /** 办理流程 */
  procedure: readonly { step: string }[];
  /** 法定办结时限 */
  legalLimit: TimeLimitInput;
  /** 承诺办结时限 */
  promisedLimit: TimeLimitInput;
  /** 办件类型 (A.6), '1' = 即办件 */
  caseType: string;
  /** 到办事现场次数 */
  visits: number;
  /** 必须现场办理原因说明 */
  visitsReason: string;
  /** 网上办理深度 I-IV */
  onlineDepth: readonly string[];
  /** 服务对象 (A.4) */
  serviceObjects: readonly string[];
  /** 面向自然人事项主题 */
  personThemes: readonly string[];
  /** 面向法人事项主题 */
  businessThemes: readonly string[];
  /** 是否网办 / 物流快递 / 网上支付 */
  channels: { online: boolean; express: boolean; onlinePayment: boolean };
  /** 咨询电话 */
  consultationPhone: string;
  /** 监督电话 */
  supervisionPhone: string;
  /** 结果名称 */
  resultName: string;
  /** 结果样本 */
  resultSample: string | null;
  /** 是否收费 */
  charged: boolean;
  /** 收费项目: 收费标准, 收费依据 */
  fees: readonly { standard: string; basis: string }[];
  /** 常见问题 */
  faq: readonly unknown[];
  /** 申请材料 */
  materials: readonly { key: string; source: string; licenceType: string | null }[];
}

export interface RuleViolation {
  /** Stable rule id, one of `PUBLISH_RULE_IDS`. */
  rule: string;
  /** Field path, e.g. 'caseType', 'fees', 'materials.2.licenceType'. */
  path: string;
  /** i18n key 'catalog.rule.<rule>'. */
  message: string;
}

/**
 * Rule ids, in the order they are checked. Sources: STANDARDS §1.6 (Zhejiang
 * item-data QA rules) unless noted.
 * - immediate-case-type: 承诺时限 即办 ⇔ 办件类型 即办件 ('1'). Path 'caseType' when the
 *   limit is immediate, 'promisedLimit.unit' when the case type is 即办件.
 * - visits-reason: 到办事现场次数 > 0 → 必须现场办理原因 non-empty.
 * - zero-visits-delivery: 0 visits and not 网办 → 物流快递 required ('channels.express').
 * - depth-iv-zero-visits: 全程网办（Ⅳ级）→ 0 visits ('visits').
 * - online-depth-channel: 是否网办 ⇔ depth Ⅲ or Ⅳ (STANDARDS §1.7: Ⅲ = 网上受理).
 *   Path 'onlineDepth' when online without Ⅲ/Ⅳ, 'channels.online' otherwise.
 * - fee-basis: 收费 → at least one fee ('fees'), each with 收费标准 and 收费依据
 *   ('fees.N.standard', 'fees.N.basis').
 * - no-fee-no-payment: no fee → 网上支付 not supported ('channels.onlinePayment').
 * - promised-within-legal: 承诺时限 ≤ 法定时限 in working days; an immediate legal
 *   limit needs an immediate promise (STANDARDS §1.8) ('promisedLimit').
 * - phones-differ: 咨询电话 and 监督电话 both present and different (compared without
 *   spaces and hyphens); path of the empty one, else 'supervisionPhone'.
 * - themes-match-objects: 服务对象 '1' (自然人) ⇔ person themes; any of '2'-'6'
 *   (法人 etc.) ⇔ business themes ('personThemes', 'businessThemes').
 * - licensing-faq: 行政许可 ('01') → at least one FAQ ('faq').
 * - licensing-procedure: 行政许可 → steps containing 受理, 审查 or 审核, 决定 or 审批,
 *   送达 or 办结 ('procedure').
 * - result-sample: 结果名称 → 结果样本 ('resultSample').
 * - licence-material-type: material from the licence library → licenceType
 *   ('materials.N.licenceType'). Platform rule.
 * - material-keys-unique: material keys unique ('materials.N.key' of each repeat). Platform rule.
 * - has-materials: at least one material ('materials'). Platform rule.
 * - name-and-basis: 事项名称 and 设定依据 non-empty after trim ('name', 'legalBasis'). GB/T 39046 table 4.
 */
export const PUBLISH_RULE_IDS = [
  'immediate-case-type',
  'visits-reason',
  'zero-visits-delivery',
  'depth-iv-zero-visits',
  'online-depth-channel',
  'fee-basis',
  'no-fee-no-payment',
  'promised-within-legal',
  'phones-differ',
  'themes-match-objects',
  'licensing-faq',
  'licensing-procedure',
  'result-sample',
  'licence-material-type',
  'material-keys-unique',
  'has-materials',
  'name-and-basis',
] as const;

export type PublishRuleId = (typeof PUBLISH_RULE_IDS)[number];

/** 事项类型 行政许可 */
const LICENSING_ITEM_TYPE = '01';
/** 办件类型 即办件 */
const IMMEDIATE_CASE_TYPE = '1';
/** 服务对象 自然人 */
const PERSON_OBJECT = '1';
/** 服务对象 法人 and other organisations */
const BUSINESS_OBJECTS: readonly string[] = ['2', '3', '4', '5', '6'];
/** Required licensing stages: each entry lists accepted words for one stage. */
const LICENSING_STAGES: readonly (readonly string[])[] = [['受理'], ['审查', '审核'], ['决定', '审批'], ['送达', '办结']];

type Check = (item: PublishRuleInput) => { path: string }[];

const isBlank = (s: string | null): boolean => s === null || s.trim() === '';
const normalisePhone = (s: string): string => s.replace(/[\s-]/gu, '');
const hasOnlineDepth = (item: PublishRuleInput): boolean => item.onlineDepth.includes('III') || item.onlineDepth.includes('IV');

const checks: Record<PublishRuleId, Check> = {
  'immediate-case-type': (item) => {
    const immediateLimit = item.promisedLimit.unit === 'immediate';
    const immediateCase = item.caseType === IMMEDIATE_CASE_TYPE;
    if (immediateLimit && !immediateCase) return [{ path: 'caseType' }];
    if (!immediateLimit && immediateCase) return [{ path: 'promisedLimit.unit' }];
    return [];
  },
  'visits-reason': (item) => (item.visits > 0 && isBlank(item.visitsReason) ? [{ path: 'visitsReason' }] : []),
  'zero-visits-delivery': (item) => (item.visits === 0 && !item.channels.online && !item.channels.express ? [{ path: 'channels.express' }] : []),
  'depth-iv-zero-visits': (item) => (item.onlineDepth.includes('IV') && item.visits !== 0 ? [{ path: 'visits' }] : []),
  'online-depth-channel': (item) => {
    const depth = hasOnlineDepth(item);
    if (item.channels.online && !depth) return [{ path: 'onlineDepth' }];
    if (!item.channels.online && depth) return [{ path: 'channels.online' }];
    return [];
  },
  'fee-basis': (item) => {
    if (!item.charged) return [];
    if (item.fees.length === 0) return [{ path: 'fees' }];
    return item.fees.flatMap((fee, i) => [
      ...(isBlank(fee.standard) ? [{ path: `fees.${i}.standard` }] : []),
      ...(isBlank(fee.basis) ? [{ path: `fees.${i}.basis` }] : []),
    ]);
  },
  'no-fee-no-payment': (item) => (!item.charged && item.channels.onlinePayment ? [{ path: 'channels.onlinePayment' }] : []),
  'promised-within-legal': (item) => {
    if (item.legalLimit.unit === 'immediate') {
      return item.promisedLimit.unit === 'immediate' ? [] : [{ path: 'promisedLimit' }];
    }
    return toWorkingDays(item.promisedLimit) > toWorkingDays(item.legalLimit) ? [{ path: 'promisedLimit' }] : [];
  },
  'phones-differ': (item) => {
    const consultation = normalisePhone(item.consultationPhone);
    const supervision = normalisePhone(item.supervisionPhone);
    const paths = [...(consultation === '' ? ['consultationPhone'] : []), ...(supervision === '' ? ['supervisionPhone'] : [])];
    if (paths.length === 0 && consultation === supervision) paths.push('supervisionPhone');
    return paths.map((path) => ({ path }));
  },
  'themes-match-objects': (item) => {
    const person = item.serviceObjects.includes(PERSON_OBJECT);
    const business = item.serviceObjects.some((o) => BUSINESS_OBJECTS.includes(o));
    return [
      ...(person !== item.personThemes.length > 0 ? [{ path: 'personThemes' }] : []),
      ...(business !== item.businessThemes.length > 0 ? [{ path: 'businessThemes' }] : []),
    ];
  },
  'licensing-faq': (item) => (item.itemType === LICENSING_ITEM_TYPE && item.faq.length === 0 ? [{ path: 'faq' }] : []),
  'licensing-procedure': (item) => {
    if (item.itemType !== LICENSING_ITEM_TYPE) return [];
    const complete = LICENSING_STAGES.every((words) => item.procedure.some((p) => words.some((w) => p.step.includes(w))));
    return complete ? [] : [{ path: 'procedure' }];
  },
  'result-sample': (item) => (!isBlank(item.resultName) && isBlank(item.resultSample) ? [{ path: 'resultSample' }] : []),
  'licence-material-type': (item) =>
    item.materials.flatMap((m, i) => (m.source === 'licence_library' && isBlank(m.licenceType) ? [{ path: `materials.${i}.licenceType` }] : [])),
  'material-keys-unique': (item) => {
    const seen = new Set<string>();
    return item.materials.flatMap((m, i) => {
      if (seen.has(m.key)) return [{ path: `materials.${i}.key` }];
      seen.add(m.key);
      return [];
    });
  },
  'has-materials': (item) => (item.materials.length === 0 ? [{ path: 'materials' }] : []),
  'name-and-basis': (item) => [...(isBlank(item.name) ? [{ path: 'name' }] : []), ...(isBlank(item.legalBasis) ? [{ path: 'legalBasis' }] : [])],
};

/** Runs every rule in `PUBLISH_RULE_IDS` order; an empty list means the item may be published. */
export function checkPublishRules(item: PublishRuleInput): RuleViolation[] {
  return PUBLISH_RULE_IDS.flatMap((rule) => checks[rule](item).map(({ path }) => ({ rule, path, message: `catalog.rule.${rule}` })));
}
