/** Demo catalog data: every item parses, passes the publish rules and the extra demo-data rules. */
import { describe, expect, it } from 'vitest';
import { itemContentSchema, type ItemContent } from '@tongban/contracts';
import { checkPublishRules } from '@tongban/domain';
import { demoCountyDepartment, demoDepartments } from '../demo-data.ts';
import { BUSINESS_THEMES, LICENCE_TYPES, PERSON_THEMES } from './common.ts';
import { demoBundles, demoCatalog } from './index.ts';

const parsed: { department: string; level: string; content: ItemContent }[] = demoCatalog.map((item) => ({
  department: item.department,
  level: item.level,
  content: itemContentSchema.parse(item.content),
}));
const byName = new Map(parsed.map((i) => [i.content.name, i.content]));
const licenceTypes = new Set<string>(Object.keys(LICENCE_TYPES));
const normalisePhone = (s: string) => s.replace(/[\s-]/g, '');

describe('demo catalog', () => {
  it('parses every item with itemContentSchema', () => {
    for (const item of demoCatalog) {
      const result = itemContentSchema.safeParse(item.content);
      expect(result.success, `${item.content.name}: ${result.error?.message ?? ''}`).toBe(true);
    }
  });

  it('has at least 60 items across at least 10 known departments', () => {
    expect(parsed.length).toBeGreaterThanOrEqual(60);
    const departments = new Set(parsed.map((i) => i.department));
    expect(departments.size).toBeGreaterThanOrEqual(10);
    const known = new Set([...demoDepartments, demoCountyDepartment].map((d) => d.key));
    for (const d of departments) expect(known.has(d), d).toBe(true);
  });

  it('has unique 12-character base codes and unique names', () => {
    const codes = parsed.map((i) => i.content.baseCode);
    for (const code of codes) expect(code).toMatch(/^51[A-Z][0-9A-Z]{9}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(byName.size).toBe(parsed.length);
  });

  it('passes every publish rule', () => {
    for (const { content } of parsed) expect(checkPublishRules(content), content.name).toEqual([]);
  });

  it('keeps promised ≤ legal for limits in the same unit, and 即办 legal limits promised 即办', () => {
    for (const { content: c } of parsed) {
      if (c.legalLimit.unit === 'immediate') expect(c.promisedLimit.unit, c.name).toBe('immediate');
      if (c.legalLimit.unit === c.promisedLimit.unit) expect(c.promisedLimit.value, c.name).toBeLessThanOrEqual(c.legalLimit.value);
      if (c.promisedLimit.unit === 'immediate') {
        expect(c.promisedLimit.value, c.name).toBe(0);
        expect(c.caseType, c.name).toBe('1');
      } else {
        expect(c.caseType, c.name).toBe('2');
      }
      if (c.legalLimit.unit === 'immediate') expect(c.legalLimit.value, c.name).toBe(0);
    }
  });

  it('sets different consultation and supervision phones', () => {
    for (const { content: c } of parsed) {
      expect(c.consultationPhone, c.name).not.toBe('');
      expect(c.supervisionPhone, c.name).not.toBe('');
      expect(normalisePhone(c.consultationPhone), c.name).not.toBe(normalisePhone(c.supervisionPhone));
    }
  });

  it('follows the channel, visit and fee rules', () => {
    for (const { content: c } of parsed) {
      if (c.visits > 0) expect(c.visitsReason.trim(), c.name).not.toBe('');
      if (c.onlineDepth.includes('IV')) {
        expect(c.visits, c.name).toBe(0);
        expect(c.channels.online, c.name).toBe(true);
      }
      if (c.visits === 0 && !c.channels.online) expect(c.channels.express, c.name).toBe(true);
      if (c.charged) {
        expect(c.fees.length, c.name).toBeGreaterThan(0);
        expect(c.channels.onlinePayment, c.name).toBe(true);
      } else {
        expect(c.fees, c.name).toEqual([]);
        expect(c.channels.onlinePayment, c.name).toBe(false);
      }
    }
  });

  it('matches themes to service objects, from the theme lists', () => {
    const person = new Set<string>(PERSON_THEMES);
    const business = new Set<string>(BUSINESS_THEMES);
    for (const { content: c } of parsed) {
      expect(c.personThemes.length > 0, c.name).toBe(c.serviceObjects.includes('1'));
      expect(c.businessThemes.length > 0, c.name).toBe(c.serviceObjects.some((o) => o !== '1'));
      for (const t of c.personThemes) expect(person.has(t), `${c.name}: ${t}`).toBe(true);
      for (const t of c.businessThemes) expect(business.has(t), `${c.name}: ${t}`).toBe(true);
    }
  });

  it('gives licensing items an FAQ, the four stages, a result and a sample', () => {
    for (const { content: c } of parsed) {
      if (c.resultName) expect(c.resultSample, c.name).toMatch(/^\/samples\/[a-z0-9-]+\.pdf$/);
      if (c.itemType !== '01') continue;
      expect(c.faq.length, c.name).toBeGreaterThan(0);
      const stepsOf = c.procedure.map((p) => p.step);
      for (const step of ['受理', '审查', '决定', '送达']) expect(stepsOf, c.name).toContain(step);
      expect(c.resultName, c.name).not.toBe('');
    }
  });

  it('uses known licence types and unique material keys', () => {
    for (const { content: c } of parsed) {
      expect(c.materials.length, c.name).toBeGreaterThan(0);
      const keys = c.materials.map((m) => m.key);
      expect(new Set(keys).size, `${c.name}: ${keys.join(',')}`).toBe(keys.length);
      for (const m of c.materials) {
        if (m.source === 'licence_library') expect(licenceTypes.has(m.licenceType ?? ''), `${c.name}: ${m.key}`).toBe(true);
        else expect(m.licenceType, `${c.name}: ${m.key}`).toBeNull();
      }
      if (c.resultLicenceType !== null) {
        expect(licenceTypes.has(c.resultLicenceType), c.name).toBe(true);
        expect(c.resultName, c.name).not.toBe('');
      }
    }
  });

  it('covers the material variants the demo needs', () => {
    const materials = parsed.flatMap((i) => i.content.materials);
    expect(materials.some((m) => m.necessity === 'deferrable')).toBe(true);
    expect(materials.some((m) => m.commitmentAllowed)).toBe(true);
    expect(materials.some((m) => m.source === 'online_form')).toBe(true);
    expect(new Set(materials.filter((m) => m.source === 'licence_library').map((m) => m.licenceType))).toEqual(licenceTypes);
    expect(parsed.some((i) => i.content.caseType === '1')).toBe(true);
    expect(parsed.some((i) => i.content.charged)).toBe(true);
    expect(new Set(parsed.map((i) => i.content.visits))).toEqual(new Set([0, 1, 2]));
  });

  it('lists the level in the exercise levels', () => {
    for (const { level, content } of parsed) expect(content.exerciseLevels, content.name).toContain(level);
  });

  it('has small draft 2020-12 form schemas with ui hints', () => {
    for (const { content: c } of parsed) {
      const form = c.formSchema as {
        $schema?: string;
        type?: string;
        required?: string[];
        properties?: Record<string, { title?: string }>;
        'ui:schema'?: { 'ui:order'?: string[] };
      };
      expect(form.$schema, c.name).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(form.type, c.name).toBe('object');
      const props = Object.keys(form.properties ?? {});
      expect(props.length, c.name).toBeGreaterThanOrEqual(3);
      expect(props.length, c.name).toBeLessThanOrEqual(8);
      for (const p of props) expect(form.properties?.[p]?.title, `${c.name}: ${p}`).toMatch(/\p{Script=Han}/u);
      for (const r of form.required ?? []) expect(props, c.name).toContain(r);
      expect(form['ui:schema']?.['ui:order'], c.name).toEqual(props);
    }
  });

  it('has the everyday keywords search depends on', () => {
    const required: [string, string[]][] = [
      ['食品经营许可（新办）', ['开饭店', '开餐馆', '餐饮']],
      ['个体工商户设立登记', ['营业执照', '开店']],
      ['有限责任公司设立登记', ['营业执照', '开公司']],
      ['营业执照遗失补领', ['营业执照丢了']],
      ['住房公积金提取（购买自住住房）', ['公积金提取', '取公积金']],
      ['住房公积金提取（租赁自住住房）', ['公积金提取', '取公积金']],
      ['住房公积金提取（离休、退休）', ['公积金提取', '取公积金']],
      ['职工退休申请（养老金申领）', ['退休', '办退休', '养老金']],
      ['居民身份证丢失补领', ['身份证丢了', '身份证丢失', '补办身份证']],
    ];
    for (const [name, words] of required) {
      const item = byName.get(name);
      expect(item, name).toBeDefined();
      for (const w of words) expect(item!.keywords, name).toContain(w);
    }
    for (const { content: c } of parsed) expect(c.keywords.length, c.name).toBeGreaterThan(0);
  });

  it('issues the expected licence types', () => {
    const expected: [string, string][] = [
      ['食品经营许可（新办）', 'FOOD_LICENCE'],
      ['个体工商户设立登记', 'BIZ_LICENCE'],
      ['有限责任公司设立登记', 'BIZ_LICENCE'],
      ['内地居民结婚登记', 'MARRIAGE_CERT'],
      ['居住证申领', 'RESIDENCE_PERMIT'],
      ['不动产转移登记（二手房买卖）', 'PROPERTY_CERT'],
      ['出生医学证明签发（首次签发）', 'BIRTH_CERT'],
      ['社会保障卡申领', 'SOCIAL_CARD'],
    ];
    for (const [name, type] of expected) expect(byName.get(name)?.resultLicenceType, name).toBe(type);
  });

  it('has at least 4 bundles referencing existing base codes', () => {
    expect(demoBundles.length).toBeGreaterThanOrEqual(4);
    const codes = new Set(parsed.map((i) => i.content.baseCode));
    const keys = demoBundles.map((b) => b.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const b of demoBundles) {
      expect(b.key).toMatch(/^[a-z0-9-]+$/);
      expect(b.items.length, b.key).toBeGreaterThanOrEqual(2);
      expect(new Set(b.items).size, b.key).toBe(b.items.length);
      for (const code of b.items) expect(codes.has(code), `${b.key}: ${code}`).toBe(true);
    }
    const bundleNames = demoBundles.map((b) => b.name);
    for (const name of ['开办餐饮店一件事', '新生儿出生一件事', '职工退休一件事', '二手房交易登记一件事']) expect(bundleNames).toContain(name);
  });
});
