/**
 * The rules of a walk-in application (一窗受理) as the counter sees them, pure: which ways of
 * providing a material the clerk may pick, what blocks acceptance, the request bodies, 通办.
 * The server checks all of it again (apps/server/src/modules/cases/case-materials.ts).
 */
import type { DeliveryChoice, ItemContent, Principal, SessionUser, SubmittedMaterialInput } from '@tongban/contracts';

export type Material = ItemContent['materials'][number];
export type Provision = SubmittedMaterialInput['provided'];
/** A material as sent: paper checked at the counter has no uploaded files. */
export type SentMaterial = Pick<SubmittedMaterialInput, 'materialKey' | 'provided'>;

/** POST /api/cases as the counter sends it (channel `window`, the applicant named). */
export interface WalkInSubmission {
  implCode: string;
  channel: 'window';
  formData: Record<string, unknown>;
  materials: SentMaterial[];
  delivery: DeliveryChoice;
  onBehalfOf: Principal;
  idempotencyKey: string;
}

/** How the counter handles a material: checked by the clerk, the application form itself, or shared by another department. */
export type MaterialMode = 'check' | 'form' | 'shared';

export function materialMode(m: Material): MaterialMode {
  if (m.source === 'online_form') return 'form';
  if (m.source === 'government') return 'shared';
  return 'check';
}

/** What the clerk may mark a material as, in the order the buttons show: 已收取, 电子证照, 容缺, 告知承诺, 缺. */
export function provisionOptions(m: Material): Provision[] {
  const out: Provision[] = ['upload'];
  if (m.source === 'licence_library') out.push('licence');
  if (m.necessity === 'deferrable') out.push('deferred');
  if (m.commitmentAllowed) out.push('commitment');
  out.push('missing');
  return out;
}

/** The natural mark of a material that is there: the licence library for its materials, else paper checked at the counter. */
export const presentProvision = (m: Material): Provision => (m.source === 'licence_library' ? 'licence' : 'upload');

/** Whether a missing material stops acceptance (required or deferrable, and asked of the applicant). */
export const blocksAcceptance = (m: Material): boolean => m.necessity !== 'optional' && materialMode(m) === 'check';

export type Marks = Partial<Record<string, Provision>>;

/** Every material of the item once, in the guide's order: the form is provided by this page, shared ones are left to the server. */
export function materialsOf(specs: readonly Material[], marks: Marks): SentMaterial[] {
  return specs.flatMap((m): SentMaterial[] => {
    const mode = materialMode(m);
    if (mode === 'form') return [{ materialKey: m.key, provided: 'upload' }];
    if (mode === 'shared') return [];
    return [{ materialKey: m.key, provided: marks[m.key] ?? 'missing' }];
  });
}

/** The materials marked 缺 that stop acceptance: what a one-time notice (一次性告知) lists. */
export const missingMaterials = (specs: readonly Material[], marks: Marks): Material[] =>
  specs.filter((m) => blocksAcceptance(m) && marks[m.key] === 'missing');

/** The materials the clerk still has to mark. */
export const unmarkedMaterials = (specs: readonly Material[], marks: Marks): Material[] =>
  specs.filter((m) => materialMode(m) === 'check' && marks[m.key] === undefined);

/** Counts per mark, for the summary beside the actions. */
export function tally(specs: readonly Material[], marks: Marks): Record<Provision, number> {
  const counts: Record<Provision, number> = { upload: 0, licence: 0, deferred: 0, commitment: 0, missing: 0 };
  for (const m of specs) {
    const p = marks[m.key];
    if (materialMode(m) === 'check' && p) counts[p] += 1;
  }
  return counts;
}

export type ApplicantKind = 'person' | 'organisation';

/** The applicant section of the page (antd form values). */
export interface ApplicantValues {
  kind: ApplicantKind;
  name?: string;
  idNumber?: string;
  phone?: string;
  orgName?: string;
  creditCode?: string;
  contactName?: string;
  orgPhone?: string;
}

const trimmed = (s: string | undefined) => (s ?? '').trim();
/** What the user types into an ID box: spaces dropped, letters upper-cased (the domain's normaliseIdentifier). */
const optional = (s: string | undefined) => (trimmed(s) ? trimmed(s) : undefined);

export function principalOf(a: ApplicantValues, normalise: (s: string) => string): Principal {
  if (a.kind === 'organisation') {
    const contactName = optional(a.contactName);
    const phone = optional(a.orgPhone);
    return {
      idType: 'credit_code',
      idNumber: normalise(a.creditCode ?? ''),
      name: trimmed(a.orgName),
      ...(contactName ? { contactName } : {}),
      ...(phone ? { phone } : {}),
    };
  }
  const phone = optional(a.phone);
  return { idType: 'resident_id', idNumber: normalise(a.idNumber ?? ''), name: trimmed(a.name), ...(phone ? { phone } : {}) };
}

/** The delivery section of the page. */
export interface DeliveryValues {
  method: DeliveryChoice['method'];
  recipient?: string;
  phone?: string;
  address?: string;
  postcode?: string;
}

export function deliveryOf(d: DeliveryValues): DeliveryChoice {
  if (d.method === 'post')
    return {
      method: 'post',
      address: { recipient: trimmed(d.recipient), phone: trimmed(d.phone), address: trimmed(d.address), postcode: trimmed(d.postcode) },
    };
  return { method: d.method };
}

export function submitBody(input: {
  implCode: string;
  formData: Record<string, unknown>;
  materials: SentMaterial[];
  delivery: DeliveryChoice;
  onBehalfOf: Principal;
  idempotencyKey: string;
}): WalkInSubmission {
  return { channel: 'window', ...input };
}

/** A fresh idempotency key for one attempt at the counter (kept until the clerk starts the next application). */
export function newAttemptKey(): string {
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `walkin-${random}`;
}

/**
 * 通办: the item is handled in a region other than the clerk's own, so this window only takes
 * the application and the handling department's region does the rest.
 */
export function isTongban(user: SessionUser | null | undefined, itemRegionCode: string): boolean {
  const own = user?.scope?.regionCode;
  return !!own && own !== itemRegionCode;
}

/**
 * Values for the application form taken from the applicant section, for fields the form has
 * and that are still empty (the demo catalog's common field names).
 */
export function prefillFromApplicant(
  properties: Record<string, unknown>,
  current: Record<string, unknown>,
  a: ApplicantValues,
  normalise: (s: string) => string,
): Record<string, unknown> {
  const person = a.kind === 'person';
  const candidates: Record<string, string | undefined> = person
    ? {
        applicantName: optional(a.name),
        operatorName: optional(a.name),
        idNumber: a.idNumber ? normalise(a.idNumber) : undefined,
        mobile: optional(a.phone),
      }
    : {
        enterpriseName: optional(a.orgName),
        creditCode: a.creditCode ? normalise(a.creditCode) : undefined,
        mobile: optional(a.orgPhone),
      };
  const next = { ...current };
  for (const [key, value] of Object.entries(candidates)) {
    const empty = next[key] === undefined || next[key] === null || next[key] === '';
    if (value && key in properties && empty) next[key] = value;
  }
  return next;
}

/** Document links of a case (A4 PDFs, rendered by the cases module). */
export type CaseDocument = 'receipt' | 'supplement-notice' | 'refusal';
export const documentUrl = (caseNo: string, doc: CaseDocument) => `/api/cases/${encodeURIComponent(caseNo)}/documents/${doc}.pdf`;
