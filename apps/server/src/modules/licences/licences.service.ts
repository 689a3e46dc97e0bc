/**
 * The e-licence library (电子证照库): licences issued from cases decided 准予 (signed over their
 * canonical content), revoked with their case's result, shown in the holder's wallet and
 * verified by anyone from their identifier.
 */
import type { LicenceDetail, LicenceFace, LicenceSpared, LicenceStaffAction, LicenceType, LicenceVerification } from '@tongban/contracts';
import {
  addDays,
  applyLicenceAction,
  canApplyLicenceAction,
  chinaToday,
  effectiveStatus,
  formatLicenceIdentifier,
  isLicenceInForce,
  LICENCE_STATUS_CODES,
  maskCreditCode,
  maskResidentId,
  nextLicenceVersion,
  parseLicenceIdentifier,
  signLicence,
  verifyLicenceSignature,
  type LicenceContent,
  type LicenceSignatureAlgorithm,
} from '@tongban/domain';
import type { Db, Executor } from '../../platform/db/client.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/policy.ts';
import type { CaseEventFact, CaseEventListener } from '../cases/case-engine.ts';
import type { AttachedLicence, CaseLicences } from '../cases/case-licences.ts';
import { createKeyRing, LICENCE_SIGNERS } from './licence-keys.ts';
import type { LicenceFieldDef } from './licences.schema.ts';
import { licencesRepository as repo, type LicenceRow, type LicenceTypeRow } from './licences.repository.ts';

export interface LicencesDeps {
  db: Db;
  now: () => Date;
  /** The algorithm of new signing keys (LICENCE_SIGNING_ALGORITHM); keys of either algorithm keep verifying. */
  signingAlgorithm?: LicenceSignatureAlgorithm;
}

interface IssueInput {
  type: LicenceTypeRow;
  issuer: { id: string; name: string; creditCode: string };
  regionCode: string;
  holder: { idType: string; idNumber: string; name: string };
  issueDate: string;
  data: Record<string, string>;
  caseNo: string | null;
  actorId: string | null;
  /** Why, for a record not issued from a case (e.g. 历史证照归集). */
  reason?: string;
  /** 延续 / 变更: the version in force this one replaces (same number, next version, linked). */
  previous?: LicenceRow;
  at: Date;
}

/** National case status codes of a result that grants (准予, 容缺通过): such a decision issues the item's licence. */
const GRANTING_EXCHANGE_CODES = new Set(['11', '12']);

/** The holder id type codes of GB/T 36903: 111 公民身份号码, 001 统一社会信用代码. */
const holderIdType = (idType: 'resident_id' | 'credit_code') => (idType === 'resident_id' ? '111' : '001');

/** The same day `years` later, less one day (a licence issued on 2026-03-02 for 5 years is in force until 2031-03-01). */
function validUntil(from: string, years: number | null): string | null {
  if (years === null) return null;
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const sameDay = m === 2 && d === 29 ? `${y + years}-03-01` : `${y + years}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return addDays(sameDay, -1);
}

/** A form value as the face prints it: lists joined with 、, nothing for null. */
function text(v: unknown): string {
  if (Array.isArray(v)) return v.map(text).filter(Boolean).join('、');
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

/** 照面信息 from the issuing case's form: each field from the first of its form fields that has a value. */
function dataFrom(fields: LicenceFieldDef[], formData: Record<string, unknown>): Record<string, string> {
  const data: Record<string, string> = {};
  for (const f of fields) data[f.key] = f.formFields.map((k) => text(formData[k])).find(Boolean) ?? '';
  return data;
}

export function contentOf(row: LicenceRow, typeCode: string): LicenceContent {
  return {
    identifier: row.identifier,
    typeCode,
    holder: { idType: row.holderIdType, idNumber: row.holderIdNumber, name: row.holderName },
    issuer: { code: row.issuerCode, name: row.issuerName },
    issueDate: row.issueDate,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    data: row.data,
    version: row.version,
    previousIdentifier: row.previousIdentifier,
  };
}

/** A decision that grants (准予, 容缺通过): the case's result licence is issued. */
const grants = (fact: CaseEventFact) => fact.type === 'decided' && GRANTING_EXCHANGE_CODES.has(fact.exchangeStatus);
/** An event that revokes the case's result (撤销, a failed 告知承诺核查): its licences are revoked. */
const revokes = (fact: CaseEventFact) => fact.toStatus === 'revoked' && fact.fromStatus !== 'revoked';

export function createLicencesService({ db, now, signingAlgorithm = 'ed25519' }: LicencesDeps) {
  const keys = createKeyRing(db, now, signingAlgorithm);

  function face(licence: LicenceRow, type: LicenceTypeRow, today: string, fullId: boolean): LicenceFace {
    const status = effectiveStatus(licence, today);
    const mask = licence.holderIdType === '111' ? maskResidentId : maskCreditCode;
    return {
      identifier: licence.identifier,
      typeName: type.name,
      typeCode: type.code,
      number: licence.number,
      version: licence.version,
      previousIdentifier: licence.previousIdentifier,
      holderName: licence.holderName,
      holderIdNumber: fullId ? licence.holderIdNumber : mask(licence.holderIdNumber),
      issuerName: licence.issuerName,
      issueDate: licence.issueDate,
      validFrom: licence.validFrom,
      validUntil: licence.validUntil,
      status,
      statusCode: LICENCE_STATUS_CODES[status].code,
      statusLabel: LICENCE_STATUS_CODES[status].label,
      fields: [
        ...type.fields.map((f) => ({ key: f.key, label: f.label, value: licence.data[f.key] ?? '' })),
        ...(licence.data.certificateNo ? [{ key: 'certificateNo', label: '许可证编号', value: licence.data.certificateNo }] : []),
      ],
    };
  }

  /**
   * Issues a licence, numbered, signed and recorded, in the caller's transaction: version 1 under a
   * new number, or (`previous`) the next version under the same number, naming the previous one,
   * which becomes 失效 (superseded) with a `renew` event. A renewal's validity runs on from the
   * previous end, so the holder loses no day.
   */
  async function issue(tx: Executor, input: IssueInput): Promise<LicenceRow> {
    const { type, issuer, previous } = input;
    const year = Number(input.issueDate.slice(0, 4));
    const next = previous ? nextLicenceVersion(previous, 'renew') : null;
    const number = previous
      ? previous.number
      : `${input.regionCode.slice(0, 6)}${year}${String(await repo.nextNumber(tx, type.code, issuer.creditCode, year)).padStart(6, '0')}`;
    const version = next?.version ?? 1;
    const runsFrom = previous?.validUntil && previous.validUntil >= input.issueDate ? addDays(previous.validUntil, 1) : input.issueDate;
    const content: LicenceContent = {
      identifier: formatLicenceIdentifier({ typeCode: type.code, issuerCode: issuer.creditCode, number, version }),
      typeCode: type.code,
      holder: input.holder,
      issuer: { code: issuer.creditCode, name: issuer.name },
      issueDate: input.issueDate,
      validFrom: input.issueDate,
      validUntil: validUntil(runsFrom, type.validityYears),
      data: input.data,
      version,
      previousIdentifier: previous?.identifier ?? null,
    };
    const ring = await keys.forSigning(tx);
    const signature = signLicence(content, ring.keys, ring.active!.privateKey, LICENCE_SIGNERS);
    if (previous && next) {
      await repo.setStatus(tx, previous.id, next.previousStatus, input.at);
      await repo.insertEvent(tx, {
        licenceId: previous.id,
        seq: (await repo.events(tx, previous.id)).length + 1,
        action: 'renew',
        fromStatus: previous.status,
        toStatus: next.previousStatus,
        reason: `延续，由第${version}版 ${content.identifier} 取代`,
        caseNo: input.caseNo,
        actorId: input.actorId,
        at: input.at,
      });
    }
    const licence = await repo.insertLicence(tx, {
      identifier: content.identifier,
      typeId: type.id,
      number,
      version,
      previousIdentifier: content.previousIdentifier,
      holderName: content.holder.name,
      holderIdType: content.holder.idType,
      holderIdNumber: content.holder.idNumber,
      issuerCode: issuer.creditCode,
      issuerName: issuer.name,
      issuerDepartmentId: issuer.id,
      regionCode: input.regionCode,
      issueDate: content.issueDate,
      validFrom: content.validFrom,
      validUntil: content.validUntil,
      data: input.data,
      status: applyLicenceAction(null, 'issue'),
      signature,
      caseNo: input.caseNo,
      createdAt: input.at,
      updatedAt: input.at,
    });
    await repo.insertEvent(tx, {
      licenceId: licence.id,
      seq: 1,
      action: 'issue',
      fromStatus: null,
      toStatus: licence.status,
      reason: input.reason ?? (previous ? `延续，取代第${previous.version}版 ${previous.identifier}` : null),
      caseNo: input.caseNo,
      actorId: input.actorId,
      at: input.at,
    });
    return licence;
  }

  /** 准予 or 容缺通过 of an item whose result is a licence: issue it to the applicant, signed, linked to the case. */
  async function issueForCase(tx: Executor, fact: CaseEventFact): Promise<void> {
    if (!grants(fact)) return;
    const c = await repo.caseFacts(tx, fact.caseNo);
    if (!c?.resultLicenceType) return;
    const type = await repo.typeByKey(tx, c.resultLicenceType);
    const issuer = await repo.department(tx, c.departmentId);
    // An item naming a type the library does not define issues nothing.
    if (!type || !issuer) return;
    const resultNo = text(fact.details.resultNo);
    const today = chinaToday(fact.at);
    // 延续: the case took the applicant's licence of this type, in force: its next version is issued.
    const previous = (await repo.takenByCase(tx, fact.caseNo, type.id)).find(
      (l) => l.holderIdNumber === c.applicant.idNumber && effectiveStatus(l, today) === 'valid',
    );
    const fresh = dataFrom(type.fields, c.formData);
    const data = previous ? { ...previous.data, ...Object.fromEntries(Object.entries(fresh).filter(([, v]) => v !== '')) } : fresh;
    await issue(tx, {
      type,
      issuer: { id: c.departmentId, ...issuer },
      regionCode: c.regionCode,
      holder: { idType: holderIdType(c.applicant.idType), idNumber: c.applicant.idNumber, name: c.applicant.name },
      issueDate: today,
      data: { ...data, ...(resultNo ? { certificateNo: resultNo } : {}) },
      caseNo: fact.caseNo,
      actorId: fact.actorId,
      ...(previous ? { previous } : {}),
      at: fact.at,
    });
  }

  /** A case result revoked (撤销, or a failed 告知承诺核查): its licences in force are revoked with it. */
  async function revokeForCase(tx: Executor, fact: CaseEventFact): Promise<void> {
    if (!revokes(fact)) return;
    for (const licence of await repo.ofCase(tx, fact.caseNo)) {
      if (licence.status !== 'valid' && licence.status !== 'suspended') continue;
      const status = applyLicenceAction(licence.status, 'revoke');
      await repo.setStatus(tx, licence.id, status, fact.at);
      const seq = (await repo.events(tx, licence.id)).length + 1;
      const reason = text(fact.details.reason) || (fact.type === 'post_check_completed' ? '告知承诺核查不通过' : '办件结果被撤销');
      await repo.insertEvent(tx, {
        licenceId: licence.id,
        seq,
        action: 'revoke',
        fromStatus: licence.status,
        toStatus: status,
        reason,
        caseNo: fact.caseNo,
        actorId: fact.actorId,
        at: fact.at,
      });
    }
  }

  /** Issues and revokes inside the transaction of the deciding (or revoking) event: they read the case and the library and sign. */
  const caseListener: CaseEventListener = {
    inTransaction: (fact) =>
      grants(fact) || revokes(fact)
        ? async (tx) => {
            await issueForCase(tx, fact);
            await revokeForCase(tx, fact);
          }
        : null,
  };

  /** What the cases module uses of the library (CaseLicences): matching, the use log, what staff see. */
  const directory: CaseLicences = {
    async inForce(holderIdNumber, typeKeys, today) {
      const found = new Map<string, string>();
      for (const l of await repo.validOfHolder(db, holderIdNumber, typeKeys))
        if (!found.has(l.key) && isLicenceInForce(l, today)) found.set(l.key, l.identifier);
      return found;
    },
    useSteps: (uses) => uses.map((use, i) => repo.useStep(`licence_use_${i}`, use)),
    async describe(identifiers) {
      const today = chinaToday(now());
      const ring = await keys.ring(db, true);
      const described = new Map<string, AttachedLicence>();
      for (const { licence, type } of await repo.manyByIdentifier(db, identifiers)) {
        const signatureValid = verifyLicenceSignature(contentOf(licence, type.code), licence.signature, ring.keys, LICENCE_SIGNERS).ok;
        const status = effectiveStatus(licence, today);
        described.set(licence.identifier, {
          identifier: licence.identifier,
          typeName: type.name,
          verdict: !signatureValid ? 'signature_invalid' : isLicenceInForce(licence, today) ? 'valid' : 'not_in_force',
          statusLabel: LICENCE_STATUS_CODES[status].label,
        });
      }
      return described;
    },
  };

  return {
    caseListener,
    directory,

    /**
     * For a department system (数据共享): the licence of `typeKey` that the case took from the
     * library with its applicant's consent, in full; the use goes into the holder's record.
     */
    async sharedForCase(caseNo: string, typeKey: string, user: { name: string; purpose: string }): Promise<LicenceFace | null> {
      const identifiers = await repo.caseLicences(db, caseNo);
      const found = (await repo.manyByIdentifier(db, identifiers)).find((l) => l.type.key === typeKey);
      if (!found) return null;
      const at = now();
      await repo.insertUses(db, [
        {
          licenceId: found.licence.id,
          caseNo,
          usedBy: null,
          usedByName: user.name,
          purpose: user.purpose,
          implCode: null,
          itemName: null,
          materialKey: null,
          at,
        },
      ]);
      return face(found.licence, found.type, chinaToday(at), true);
    },

    /** 免提交: submissions spared by the library, overall and per item. */
    async spared(): Promise<LicenceSpared> {
      const byItem = (await repo.sparedByItem(db)).map((r) => ({ implCode: r.implCode ?? '', itemName: r.itemName ?? '', count: r.count }));
      return { total: byItem.reduce((n, r) => n + r.count, 0), byItem };
    },

    /**
     * 证照归集: a licence issued outside the platform (earlier, or by another system) recorded and
     * signed by the library, e.g. the demo's identity card and business licence.
     */
    async importRecord(tx: Executor, input: Omit<IssueInput, 'type' | 'caseNo' | 'actorId'> & { typeKey: string }): Promise<string> {
      const type = await repo.typeByKey(tx, input.typeKey);
      if (!type) throw notFound('licence_type');
      return (await issue(tx, { ...input, type, caseNo: null, actorId: null, reason: input.reason ?? '证照归集' })).identifier;
    },

    async types(): Promise<LicenceType[]> {
      return (await repo.types(db)).map((t) => ({
        key: t.key,
        code: t.code,
        name: t.name,
        definingAuthority: t.definingAuthority,
        holderKind: t.holderKind,
        fields: t.fields.map((f) => ({ key: f.key, label: f.label })),
        validityYears: t.validityYears,
      }));
    },

    /** Anyone, from the identifier alone: well formed? known? signature? in force today? The face shows no more than the printed one. */
    async verify(identifier: string): Promise<LicenceVerification> {
      const today = chinaToday(now());
      const base = { identifier, checkedOn: today, licence: null, signatureValid: null, status: null, statusLabel: null };
      const parsed = parseLicenceIdentifier(identifier);
      if (!parsed.ok) return { ...base, verdict: 'malformed', wellFormed: false, malformedReason: parsed.reason, exists: false };
      const found = await repo.byIdentifier(db, identifier);
      if (!found) return { ...base, verdict: 'unknown', wellFormed: true, malformedReason: null, exists: false };
      const { licence, type } = found;
      let ring = await keys.ring();
      if (!ring.keys.some((k) => k.id === licence.signature.keyId)) ring = await keys.ring(db, true);
      const signatureValid = verifyLicenceSignature(contentOf(licence, type.code), licence.signature, ring.keys, LICENCE_SIGNERS).ok;
      const status = effectiveStatus(licence, today);
      const verdict = !signatureValid ? 'signature_invalid' : isLicenceInForce(licence, today) ? 'valid' : 'not_in_force';
      return {
        ...base,
        verdict,
        wellFormed: true,
        malformedReason: null,
        exists: true,
        signatureValid,
        status,
        statusLabel: LICENCE_STATUS_CODES[status].label,
        licence: signatureValid ? face(licence, type, today, false) : null,
      };
    },

    /** 我的证照: the licences the caller holds (by their ID number or credit code). */
    async mine(actor: Actor): Promise<LicenceFace[]> {
      const today = chinaToday(now());
      const rows = await repo.ofHolder(db, await repo.holderIds(db, actor.id));
      return rows.map(({ licence, type }) => face(licence, type, today, true));
    },

    /** One of the caller's licences with its history; anybody else's is 404. */
    async detail(actor: Actor, identifier: string): Promise<LicenceDetail> {
      const found = await repo.byIdentifier(db, identifier);
      if (!found || !(await repo.holderIds(db, actor.id)).includes(found.licence.holderIdNumber)) throw notFound('licence');
      const history = await repo.events(db, found.licence.id);
      return {
        ...face(found.licence, found.type, chinaToday(now()), true),
        caseNo: found.licence.caseNo,
        history: history.map((e) => ({
          action: e.action,
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          reason: e.reason,
          caseNo: e.caseNo,
          at: e.at.toISOString(),
        })),
        uses: (await repo.uses(db, found.licence.id)).map((u) => ({
          caseNo: u.caseNo,
          itemName: u.itemName,
          usedByName: u.usedByName,
          purpose: u.purpose,
          at: u.at.toISOString(),
        })),
      };
    },

    /**
     * 暂扣 / 发还 / 吊销 / 注销 by the issuing department (its approvers and admin): one event with
     * the reason and legal basis, audited. Another department's licence is 404; a change its
     * status does not allow (or that a concurrent change made impossible) is 409 INVALID_STATE.
     */
    async act(actor: Actor, identifier: string, input: LicenceStaffAction, meta: { requestId?: string; ip?: string }): Promise<LicenceFace> {
      return db.transaction(async (tx) => {
        const found = await repo.lockedByIdentifier(tx, identifier);
        if (!found || !actor.scope?.departmentId || found.licence.issuerDepartmentId !== actor.scope.departmentId) throw notFound('licence');
        const at = now();
        const today = chinaToday(at);
        const from = effectiveStatus(found.licence, today);
        if (!canApplyLicenceAction(from, input.action)) throw new AppError('INVALID_STATE', { status: from, action: input.action });
        const to = applyLicenceAction(from, input.action);
        await repo.setStatus(tx, found.licence.id, to, at);
        await repo.insertEvent(tx, {
          licenceId: found.licence.id,
          seq: (await repo.events(tx, found.licence.id)).length + 1,
          action: input.action,
          fromStatus: from,
          toStatus: to,
          reason: input.legalBasis ? `${input.reason}（依据：${input.legalBasis}）` : input.reason,
          caseNo: null,
          actorId: actor.id,
          at,
        });
        await appendAudit(
          tx,
          {
            actorId: actor.id,
            action: `licence.${input.action}`,
            targetType: 'licence',
            targetId: found.licence.id,
            ...meta,
            details: { identifier, from, to },
          },
          at,
        );
        return face({ ...found.licence, status: to }, found.type, today, false);
      });
    },

    /** 密钥轮换: a new signing key; licences signed before keep verifying with the retired one. */
    async rotateKey(actor: Actor, meta: { requestId?: string; ip?: string }): Promise<{ keyId: string }> {
      const keyId = await db.transaction(async (tx) => {
        const id = await keys.rotate(tx);
        await appendAudit(tx, { actorId: actor.id, action: 'licence.key_rotate', targetType: 'licence_key', targetId: id, ...meta }, now());
        return id;
      });
      return { keyId };
    },
  };
}

export type LicencesService = ReturnType<typeof createLicencesService>;
