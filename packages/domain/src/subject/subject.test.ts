import { describe, expect, it } from 'vitest';
import { makeCreditCode } from '../identity/credit-code.ts';
import { organisationKindOfCreditCode, parseSubjectIdentifier } from './subject.ts';

const today = new Date('2026-11-22T00:00:00+08:00');

describe('organisationKindOfCreditCode', () => {
  it('reads the kind the registration authority and category state (STANDARDS §7.2)', () => {
    expect(organisationKindOfCreditCode('9135052155323005XL')).toBe('enterprise');
    expect(organisationKindOfCreditCode('11511301008778183N')).toBe('government');
    expect(organisationKindOfCreditCode('12441500196720244T')).toBe('institution');
    expect(organisationKindOfCreditCode(makeCreditCode('5', '1', '511900', 'MJ000001'))).toBe('social_org');
    expect(organisationKindOfCreditCode(makeCreditCode('1', '3', '100000', '00000001'))).toBe('social_org');
  });
  it('says nothing when the code does not state a kind', () => {
    expect(organisationKindOfCreditCode(makeCreditCode('1', '9', '511900', '00000001'))).toBeNull();
    expect(organisationKindOfCreditCode(makeCreditCode('Y', '1', '511900', '00000001'))).toBeNull();
    expect(organisationKindOfCreditCode(makeCreditCode('3', '1', '511900', '00000001'))).toBeNull();
  });
});

describe('parseSubjectIdentifier', () => {
  it('accepts a person by resident ID, normalised, with region, birth date and gender', () => {
    expect(parseSubjectIdentifier('person', ' 11010519491231002x', today)).toEqual({
      ok: true,
      identifier: '11010519491231002X',
      regionCode: '110105',
      birthDate: '1949-12-31',
      gender: 'female',
    });
  });
  it('refuses a person with a wrong check digit or a credit code', () => {
    expect(parseSubjectIdentifier('person', '110105194912310021', today)).toEqual({ ok: false, reason: 'checksum' });
    expect(parseSubjectIdentifier('person', '91350100M000100Y43', today)).toEqual({ ok: false, reason: 'charset' });
  });
  it('accepts an organisation whose code states its kind, with the registering region', () => {
    expect(parseSubjectIdentifier('enterprise', '91350100m000100y43', today)).toEqual({ ok: true, identifier: '91350100M000100Y43', regionCode: '350100' });
    expect(parseSubjectIdentifier('government', '11511301008778183N', today)).toMatchObject({ ok: true, regionCode: '511301' });
    expect(parseSubjectIdentifier('institution', '12441500196720244T', today)).toMatchObject({ ok: true });
  });
  it('refuses an organisation of another kind than its code states', () => {
    expect(parseSubjectIdentifier('institution', '91350100M000100Y43', today)).toEqual({ ok: false, reason: 'kind_mismatch' });
    expect(parseSubjectIdentifier('enterprise', '11511301008778183N', today)).toEqual({ ok: false, reason: 'kind_mismatch' });
  });
  it('takes the given kind when the code states none', () => {
    const other = makeCreditCode('1', '9', '511900', '00000001');
    expect(parseSubjectIdentifier('social_org', other, today)).toMatchObject({ ok: true });
    expect(parseSubjectIdentifier('institution', other, today)).toMatchObject({ ok: true });
  });
  it('refuses a credit code with a wrong check character or an ID number for an organisation', () => {
    expect(parseSubjectIdentifier('enterprise', '91350100M000100Y44', today)).toEqual({ ok: false, reason: 'checksum' });
    expect(parseSubjectIdentifier('enterprise', '11010519491231002X', today)).toMatchObject({ ok: false });
  });
});
