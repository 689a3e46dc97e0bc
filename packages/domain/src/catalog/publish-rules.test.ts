import { describe, it, expect } from 'vitest';
import { PUBLISH_RULE_IDS, checkPublishRules, type PublishRuleInput } from './publish-rules.ts';

/** A licensing item (行政许可) that passes every rule. */
function validItem(): PublishRuleInput {
  return {
    name: '食品经营许可',
    itemType: '01',
    legalBasis: '《中华人民共和国食品安全法》第三十五条',
    procedure: [{ step: '申请受理' }, { step: '审查' }, { step: '作出决定' }, { step: '证件送达' }],
    legalLimit: { value: 20, unit: 'working_day' },
    promisedLimit: { value: 5, unit: 'working_day' },
    caseType: '2',
    visits: 1,
    visitsReason: '核验原件',
    onlineDepth: ['I', 'II', 'III'],
    serviceObjects: ['1', '2'],
    personThemes: ['住房'],
    businessThemes: ['准营'],
    channels: { online: true, express: true, onlinePayment: true },
    consultationPhone: '0577-12345',
    supervisionPhone: '0577-12315',
    resultName: '食品经营许可证',
    resultSample: 'samples/food-licence.pdf',
    charged: true,
    fees: [{ standard: '每件 10 元', basis: '某收费文件' }],
    faq: [{ question: '需要多久？', answer: '5 个工作日。' }],
    materials: [
      { key: 'application_form', source: 'online_form', licenceType: null },
      { key: 'id_card', source: 'applicant', licenceType: null },
      { key: 'business_licence', source: 'licence_library', licenceType: 'business_licence' },
    ],
  };
}

function check(change: (item: PublishRuleInput) => PublishRuleInput): { rule: string; path: string }[] {
  return checkPublishRules(change(validItem())).map(({ rule, path }) => ({ rule, path }));
}

describe('checkPublishRules', () => {
  it('accepts the valid fixture', () => {
    expect(checkPublishRules(validItem())).toEqual([]);
  });

  it('uses the i18n key catalog.rule.<rule> as message', () => {
    expect(checkPublishRules({ ...validItem(), visitsReason: '' })).toEqual([
      { rule: 'visits-reason', path: 'visitsReason', message: 'catalog.rule.visits-reason' },
    ]);
  });

  it('immediate-case-type: immediate promise needs 即办件, and back', () => {
    expect(check((i) => ({ ...i, promisedLimit: { value: 0, unit: 'immediate' } }))).toEqual([{ rule: 'immediate-case-type', path: 'caseType' }]);
    expect(check((i) => ({ ...i, caseType: '1' }))).toEqual([{ rule: 'immediate-case-type', path: 'promisedLimit.unit' }]);
  });

  it('visits-reason: visits > 0 needs a reason', () => {
    expect(check((i) => ({ ...i, visitsReason: '  ' }))).toEqual([{ rule: 'visits-reason', path: 'visitsReason' }]);
  });

  it('zero-visits-delivery: zero visits offline needs express delivery', () => {
    expect(check((i) => ({ ...i, visits: 0, onlineDepth: ['I'], channels: { ...i.channels, online: false, express: false } }))).toEqual([
      { rule: 'zero-visits-delivery', path: 'channels.express' },
    ]);
  });

  it('depth-iv-zero-visits: 全程网办 needs zero visits', () => {
    expect(check((i) => ({ ...i, onlineDepth: [...i.onlineDepth, 'IV'] }))).toEqual([{ rule: 'depth-iv-zero-visits', path: 'visits' }]);
  });

  it('online-depth-channel: online handling ⇔ depth III or IV', () => {
    expect(check((i) => ({ ...i, channels: { ...i.channels, online: false } }))).toEqual([{ rule: 'online-depth-channel', path: 'channels.online' }]);
    expect(check((i) => ({ ...i, onlineDepth: ['I', 'II'] }))).toEqual([{ rule: 'online-depth-channel', path: 'onlineDepth' }]);
  });

  it('fee-basis: a charged item needs fees with standard and basis', () => {
    expect(check((i) => ({ ...i, fees: [] }))).toEqual([{ rule: 'fee-basis', path: 'fees' }]);
    expect(check((i) => ({ ...i, fees: [{ standard: '每件 10 元', basis: ' ' }] }))).toEqual([{ rule: 'fee-basis', path: 'fees.0.basis' }]);
    expect(check((i) => ({ ...i, fees: [...i.fees, { standard: '', basis: '某收费文件' }] }))).toEqual([{ rule: 'fee-basis', path: 'fees.1.standard' }]);
  });

  it('no-fee-no-payment: online payment only when charged', () => {
    expect(check((i) => ({ ...i, charged: false }))).toEqual([{ rule: 'no-fee-no-payment', path: 'channels.onlinePayment' }]);
  });

  it('promised-within-legal: the promise must not exceed the legal limit', () => {
    expect(check((i) => ({ ...i, promisedLimit: { value: 21, unit: 'working_day' } }))).toEqual([{ rule: 'promised-within-legal', path: 'promisedLimit' }]);
    expect(check((i) => ({ ...i, promisedLimit: { value: 2, unit: 'month' } }))).toEqual([{ rule: 'promised-within-legal', path: 'promisedLimit' }]);
    expect(check((i) => ({ ...i, promisedLimit: { value: 28, unit: 'natural_day' } }))).toEqual([]);
  });

  it('promised-within-legal: an immediate legal limit needs an immediate promise', () => {
    expect(check((i) => ({ ...i, legalLimit: { value: 0, unit: 'immediate' } }))).toEqual([{ rule: 'promised-within-legal', path: 'promisedLimit' }]);
  });

  it('phones-differ: both phones present and different', () => {
    expect(check((i) => ({ ...i, supervisionPhone: '0577 12345' }))).toEqual([{ rule: 'phones-differ', path: 'supervisionPhone' }]);
    expect(check((i) => ({ ...i, consultationPhone: '' }))).toEqual([{ rule: 'phones-differ', path: 'consultationPhone' }]);
  });

  it('themes-match-objects: themes follow the service objects', () => {
    expect(check((i) => ({ ...i, personThemes: [] }))).toEqual([{ rule: 'themes-match-objects', path: 'personThemes' }]);
    expect(check((i) => ({ ...i, serviceObjects: ['1'] }))).toEqual([{ rule: 'themes-match-objects', path: 'businessThemes' }]);
    expect(check((i) => ({ ...i, serviceObjects: ['3'], personThemes: [] }))).toEqual([]);
  });

  it('licensing-faq: a licensing item needs an FAQ', () => {
    expect(check((i) => ({ ...i, faq: [] }))).toEqual([{ rule: 'licensing-faq', path: 'faq' }]);
    expect(check((i) => ({ ...i, itemType: '20', faq: [] }))).toEqual([]);
  });

  it('licensing-procedure: a licensing item needs 受理, 审查, 决定 and 送达 steps', () => {
    expect(check((i) => ({ ...i, procedure: i.procedure.slice(0, 3) }))).toEqual([{ rule: 'licensing-procedure', path: 'procedure' }]);
    expect(check((i) => ({ ...i, procedure: [{ step: '受理' }, { step: '审核' }, { step: '审批' }, { step: '办结' }] }))).toEqual([]);
    expect(check((i) => ({ ...i, itemType: '20', procedure: [] }))).toEqual([]);
  });

  it('result-sample: a named result needs a sample', () => {
    expect(check((i) => ({ ...i, resultSample: null }))).toEqual([{ rule: 'result-sample', path: 'resultSample' }]);
    expect(check((i) => ({ ...i, resultName: '', resultSample: null }))).toEqual([]);
  });

  it('licence-material-type: a licence-library material needs a licence type', () => {
    expect(check((i) => ({ ...i, materials: i.materials.map((m, n) => (n === 2 ? { ...m, licenceType: null } : m)) }))).toEqual([
      { rule: 'licence-material-type', path: 'materials.2.licenceType' },
    ]);
  });

  it('material-keys-unique: material keys are unique', () => {
    expect(check((i) => ({ ...i, materials: i.materials.map((m, n) => (n === 1 ? { ...m, key: 'application_form' } : m)) }))).toEqual([
      { rule: 'material-keys-unique', path: 'materials.1.key' },
    ]);
  });

  it('has-materials: at least one material', () => {
    expect(check((i) => ({ ...i, materials: [] }))).toEqual([{ rule: 'has-materials', path: 'materials' }]);
  });

  it('name-and-basis: name and legal basis are required', () => {
    expect(check((i) => ({ ...i, name: '  ' }))).toEqual([{ rule: 'name-and-basis', path: 'name' }]);
    expect(check((i) => ({ ...i, legalBasis: '' }))).toEqual([{ rule: 'name-and-basis', path: 'legalBasis' }]);
  });

  it('reports violations in PUBLISH_RULE_IDS order', () => {
    const rules = checkPublishRules({ ...validItem(), name: '', materials: [], visitsReason: '', caseType: '1' }).map((v) => v.rule);
    expect(rules).toEqual(['immediate-case-type', 'visits-reason', 'has-materials', 'name-and-basis']);
    expect(rules.every((r) => (PUBLISH_RULE_IDS as readonly string[]).includes(r))).toBe(true);
  });
});
