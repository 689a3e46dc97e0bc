import type { CaseProgress, ProgressQuery } from '@tongban/contracts';
import { normaliseIdentifier, parseCreditCode, parseResidentId, type CreditCodeFailure, type ResidentIdFailure } from '@tongban/domain';
import { api } from '../../../app/api.ts';
import { CASE_NO_PATTERN } from '../cases/api.ts';

/** POST /api/progress: the progress of a case for its number and the applicant's ID number, without login (POST keeps the ID number out of URLs). */
export const queryProgress = (body: ProgressQuery) => api.post<CaseProgress>('/api/progress', body);

/** Where the progress query lives; the receipts' QR codes point here with `?caseNo=`. */
export const progressPath = (caseNo?: string) => (caseNo ? `/portal/progress?caseNo=${encodeURIComponent(caseNo)}` : '/portal/progress');

/** A case number as typed (spaces, lower case, full-width characters) in the server's form. */
export const normaliseCaseNo = (value: string) => normaliseIdentifier(value).replace(/[－—–]/gu, '-');

export const isCaseNo = (value: string) => CASE_NO_PATTERN.test(normaliseCaseNo(value));

export type IdNumberProblem = { kind: 'residentId'; reason: ResidentIdFailure } | { kind: 'creditCode'; reason: CreditCodeFailure };

/**
 * The server's rule for the applicant's identifier: a resident ID number or a unified social
 * credit code. Digits (with a last X) read as an ID number, anything with other letters as a
 * credit code, so the message names the mistake the user most likely made.
 */
export function idNumberProblem(value: string): IdNumberProblem | null {
  const id = normaliseIdentifier(value);
  const person = parseResidentId(id);
  if (person.ok) return null;
  const organisation = parseCreditCode(id);
  if (organisation.ok) return null;
  return /^\d*X?$/.test(id) ? { kind: 'residentId', reason: person.reason } : { kind: 'creditCode', reason: organisation.reason };
}
