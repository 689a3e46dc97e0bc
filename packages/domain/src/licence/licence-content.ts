// The signed content of one licence version (证照信息), with the catalog fields of STANDARDS §4.2.
import { isIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import { parseCreditCode } from '../identity/credit-code.ts';
import { parseResidentId } from '../identity/resident-id.ts';
import { canonicalBytes, type JsonValue } from './canonical.ts';
import { parseLicenceIdentifier } from './identifier.ts';

/** 持证主体代码类型 (GB/T 36903 as quoted in public code, STANDARDS §4.2 [O]; the list is partial). */
export const HOLDER_ID_TYPES = {
  '111': '公民身份号码',
  '001': '统一社会信用代码',
} as const;
export type KnownHolderIdType = keyof typeof HOLDER_ID_TYPES;

export interface LicenceContent {
  /** 证照标识. */
  identifier: string;
  /** 证照类型代码. */
  typeCode: string;
  /** 持证主体: 代码类型 (e.g. '111', '001'), 代码, 名称. */
  holder: { idType: string; idNumber: string; name: string };
  /** 证照颁发机构: 代码 (credit code) and 名称. */
  issuer: { code: string; name: string };
  /** 证照颁发日期. */
  issueDate: IsoDate;
  /** 有效期起始. */
  validFrom: IsoDate;
  /** 有效期截止, the last day in force; null = 长期有效. */
  validUntil: IsoDate | null;
  /** 照面信息: the type-specific data fields. */
  data: { readonly [field: string]: JsonValue | undefined };
  /** 版本号, as in the identifier. */
  version: number;
  /** 关联证照标识: the version this one replaces (renewal, change, transfer in), else null. */
  previousIdentifier: string | null;
}

export type LicenceContentProblem =
  'identifier' | 'type_code_mismatch' | 'issuer_code_mismatch' | 'version_mismatch' | 'dates' | 'previous_identifier' | 'holder';

/**
 * What is inconsistent in a licence before it is signed: the identifier must parse and agree with
 * the type code, issuer code and version; dates must be real and ordered (issue and start not
 * after the end); a version above 1 must name a valid previous identifier, and version 1 may only
 * name one when it comes from elsewhere (transfer in); the holder needs an id and a name, and an
 * id of a known type (111, 001) must pass its check in normal form.
 */
export function licenceContentProblems(licence: LicenceContent): LicenceContentProblem[] {
  const problems: LicenceContentProblem[] = [];
  const parsed = parseLicenceIdentifier(licence.identifier);
  if (!parsed.ok) {
    problems.push('identifier');
  } else {
    if (parsed.parts.typeCode !== licence.typeCode) problems.push('type_code_mismatch');
    if (parsed.parts.issuerCode !== licence.issuer.code) problems.push('issuer_code_mismatch');
    if (parsed.parts.version !== licence.version) problems.push('version_mismatch');
  }
  const { issueDate, validFrom, validUntil } = licence;
  if (!isIsoDate(issueDate) || !isIsoDate(validFrom) || (validUntil !== null && (!isIsoDate(validUntil) || validUntil < validFrom || validUntil < issueDate))) {
    problems.push('dates');
  }
  const previous = licence.previousIdentifier;
  if ((licence.version > 1 && previous === null) || (previous !== null && (!parseLicenceIdentifier(previous).ok || previous === licence.identifier))) {
    problems.push('previous_identifier');
  }
  if (!isHolderValid(licence.holder)) problems.push('holder');
  return problems;
}

/** A holder has a type, an id and a name; ids of a known type must be valid and written in normal form (upper case, no spaces). */
function isHolderValid(holder: LicenceContent['holder']): boolean {
  const { idType, idNumber, name } = holder;
  if (idType.trim() === '' || idNumber.trim() === '' || name.trim() === '') return false;
  if (idType === '111') {
    const r = parseResidentId(idNumber);
    return r.ok && r.value.id === idNumber;
  }
  if (idType === '001') {
    const r = parseCreditCode(idNumber);
    return r.ok && r.value.code === idNumber;
  }
  return true;
}

/** Names this payload layout inside the signed bytes, so a later layout can never be confused with this one. */
export const LICENCE_PAYLOAD_FORMAT = 'tongban.licence.v1';

/**
 * The bytes that are signed for a licence: exactly the fields below, whatever else the object
 * carries (status, signature, database ids are not signed: status changes over a licence's life
 * without re-signing). Absent optional values are signed as null, so "no end date" and "no
 * previous version" are part of the signature too.
 */
export function licenceSigningPayload(licence: LicenceContent): Uint8Array {
  return canonicalBytes({
    format: LICENCE_PAYLOAD_FORMAT,
    identifier: licence.identifier,
    typeCode: licence.typeCode,
    holder: { idType: licence.holder.idType, idNumber: licence.holder.idNumber, name: licence.holder.name },
    issuer: { code: licence.issuer.code, name: licence.issuer.name },
    issueDate: licence.issueDate,
    validFrom: licence.validFrom,
    validUntil: licence.validUntil ?? null,
    data: licence.data,
    version: licence.version,
    previousIdentifier: licence.previousIdentifier ?? null,
  });
}
