import { describe, expect, it } from 'vitest';
import { licenceContentProblems, type LicenceContent } from './licence-content.ts';
import { MOHURD, sampleLicence } from './sample-licence.ts';

const FIRST_ISSUE = `1.2.156.3005.2.${MOHURD}032.11220000013544541J.2430599.001.F`;

const problems = (change: (l: LicenceContent) => void) => {
  const l = sampleLicence();
  change(l);
  return licenceContentProblems(l);
};

describe('licenceContentProblems', () => {
  it('finds nothing wrong with a consistent licence', () => {
    expect(licenceContentProblems(sampleLicence())).toEqual([]);
    expect(problems((l) => (l.validUntil = null))).toEqual([]);
    expect(problems((l) => (l.holder = { idType: '001', idNumber: '91350100M000100Y43', name: '示例建设有限公司' }))).toEqual([]);
  });

  it('checks the identifier against the type code, issuer code and version', () => {
    expect(problems((l) => (l.identifier = l.identifier.replace('.S', '.T')))).toEqual(['identifier']);
    expect(problems((l) => (l.typeCode = `${MOHURD}012`))).toEqual(['type_code_mismatch']);
    expect(problems((l) => (l.issuer.code = '11220000013544541J'))).toEqual(['issuer_code_mismatch']);
    expect(problems((l) => (l.version = 3))).toEqual(['version_mismatch']);
  });

  it('checks that dates are real and ordered', () => {
    expect(problems((l) => (l.issueDate = '2026-02-30'))).toEqual(['dates']);
    expect(problems((l) => (l.validFrom = '2026/03/02'))).toEqual(['dates']);
    expect(problems((l) => (l.validUntil = '2026-03-01'))).toEqual(['dates']);
    expect(problems((l) => ((l.validFrom = '2026-01-01'), (l.validUntil = '2026-02-01')))).toEqual(['dates']);
    expect(problems((l) => (l.validUntil = l.validFrom))).toEqual([]);
  });

  it('requires a previous identifier from version 2 on, and a valid one when given', () => {
    expect(problems((l) => (l.previousIdentifier = null))).toEqual(['previous_identifier']);
    expect(problems((l) => (l.previousIdentifier = l.identifier))).toEqual(['previous_identifier']);
    expect(problems((l) => (l.previousIdentifier = 'ZZ-2023-0403'))).toEqual(['previous_identifier']);
    const transferIn = (l: LicenceContent) => {
      l.identifier = FIRST_ISSUE;
      l.typeCode = `${MOHURD}032`;
      l.issuer.code = '11220000013544541J';
      l.version = 1;
    };
    expect(problems(transferIn)).toEqual([]);
    expect(problems((l) => (transferIn(l), (l.previousIdentifier = null)))).toEqual([]);
  });

  it('checks the holder id of the known types in normal form', () => {
    expect(problems((l) => (l.holder.idNumber = '110105194912310021'))).toEqual(['holder']);
    expect(problems((l) => (l.holder.idNumber = '11010519491231002x'))).toEqual(['holder']);
    expect(problems((l) => (l.holder.idType = '001'))).toEqual(['holder']);
    expect(problems((l) => (l.holder.name = ' '))).toEqual(['holder']);
    expect(problems((l) => (l.holder = { idType: '414', idNumber: 'E12345678', name: 'Passport Holder' }))).toEqual([]);
  });
});
