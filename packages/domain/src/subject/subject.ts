// 主体库: the subjects of government services — persons (人口库) and organisations (法人库) of the
// four kinds 企业 / 事业单位 / 社会组织 / 机关 — and the checks their identifiers must pass
// (GB 11643 for persons, GB 32100 for organisations, STANDARDS.md §7).
import { parseCreditCode, type CreditCodeFailure } from '../identity/credit-code.ts';
import { parseResidentId, type ResidentIdFailure } from '../identity/resident-id.ts';

/** 自然人, 企业, 事业单位, 社会组织, 机关. */
export const SUBJECT_KINDS = ['person', 'enterprise', 'institution', 'social_org', 'government'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export type OrganisationKind = Exclude<SubjectKind, 'person'>;

/**
 * The organisation kind a credit code states by its registration authority (position 1) and
 * category (position 2), or null when the code does not say (e.g. 机构编制 · 9 其他, or the
 * later registrars 2–8, A, N, Y): the registry then takes the kind it is given.
 */
export function organisationKindOfCreditCode(code: string): OrganisationKind | null {
  const authority = code.charAt(0);
  const category = code.charAt(1);
  if (authority === '9') return 'enterprise'; // 工商: 企业, 个体工商户, 农民专业合作社
  if (authority === '5') return 'social_org'; // 民政: 社会团体, 民办非企业单位, 基金会
  if (authority === '1') {
    if (category === '1') return 'government'; // 机关
    if (category === '2') return 'institution'; // 事业单位
    if (category === '3') return 'social_org'; // 中央编办直接管理机构编制的群众团体
  }
  return null;
}

export type SubjectIdentifierFailure = ResidentIdFailure | CreditCodeFailure | 'kind_mismatch';

export type SubjectIdentifierResult =
  | {
      ok: true;
      /** The normalised identifier. */
      identifier: string;
      /** The region the identifier names (the person's 地址码, the organisation's 登记管理机关行政区划码). */
      regionCode: string;
      /** Persons only. */
      birthDate?: string;
      gender?: 'male' | 'female';
    }
  | { ok: false; reason: SubjectIdentifierFailure };

/**
 * Checks the identifier of a subject of `kind`: a resident ID for a person, a credit code for an
 * organisation whose stated kind (when the code states one) must be `kind`.
 */
export function parseSubjectIdentifier(kind: SubjectKind, input: string, today: Date = new Date()): SubjectIdentifierResult {
  if (kind === 'person') {
    const parsed = parseResidentId(input, today);
    if (!parsed.ok) return parsed;
    return { ok: true, identifier: parsed.value.id, regionCode: parsed.value.regionCode, birthDate: parsed.value.birthDate, gender: parsed.value.gender };
  }
  const parsed = parseCreditCode(input);
  if (!parsed.ok) return parsed;
  const stated = organisationKindOfCreditCode(parsed.value.code);
  if (stated !== null && stated !== kind) return { ok: false, reason: 'kind_mismatch' };
  return { ok: true, identifier: parsed.value.code, regionCode: parsed.value.regionCode };
}
