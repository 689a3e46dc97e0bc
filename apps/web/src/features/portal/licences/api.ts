import type { LicenceDetail, LicenceFace, LicenceSpared, LicenceStatusName, LicenceVerification } from '@tongban/contracts';
import { normaliseIdentifier } from '@tongban/domain';
import { api } from '../../../app/api.ts';

export const licenceKeys = {
  mine: ['licences', 'mine'] as const,
  detail: (identifier: string) => ['licences', 'mine', identifier] as const,
  verify: (identifier: string) => ['licences', 'verify', identifier] as const,
  spared: ['licences', 'spared'] as const,
};

/** The longest identifier the server accepts (`licenceIdentifierParamsSchema`). */
export const IDENTIFIER_MAX_LENGTH = 200;

/** GET /api/licenses/mine: 我的证照, newest first. */
export const listMyLicences = (signal?: AbortSignal) => api.get<LicenceFace[]>('/api/licenses/mine', undefined, signal);

/** GET /api/licenses/:identifier: one of mine with its history (404 for anybody else's). */
export const getLicence = (identifier: string, signal?: AbortSignal) =>
  api.get<LicenceDetail>(`/api/licenses/${encodeURIComponent(identifier)}`, undefined, signal);

/** GET /api/licenses/spared: 免提交 — submissions the library spared, overall and per item (public). */
export const getSpared = (signal?: AbortSignal) => api.get<LicenceSpared>('/api/licenses/spared', undefined, signal);

/** GET /api/licenses/verify/:identifier: public, no login. */
export const verifyLicence = (identifier: string, signal?: AbortSignal) =>
  api.get<LicenceVerification>(`/api/licenses/verify/${encodeURIComponent(identifier)}`, undefined, signal);

/** The printable face (证照照面), an A4 PDF for the holder. */
export const licenceFacePdfUrl = (identifier: string) => `/api/licenses/${encodeURIComponent(identifier)}/face.pdf`;

/*
 * Identifiers contain dots (1.2.156.3005.2.….001.K): in a path the server would take the last
 * part for a file extension, so pages carry them in the query.
 */

/** One licence in the wallet. */
export const licencePath = (identifier: string) => `/portal/licences/view?id=${encodeURIComponent(identifier)}`;

/** The public verify page, which the QR code on a printed face opens (server: `licenceVerifyPageUrl`). */
export const verifyPath = (identifier?: string) => (identifier ? `/verify/licence?id=${encodeURIComponent(identifier)}` : '/verify/licence');

/** An identifier as typed at a kiosk: full-width letters, digits and stops, spaces, lower case. */
export const normaliseLicenceIdentifier = (value: string) => normaliseIdentifier(value.replace(/[．。]/gu, '.'));

/** The colour of a status tag (the words always say it too). */
export function licenceStatusColor(status: LicenceStatusName): string {
  if (status === 'valid') return 'success';
  if (status === 'suspended') return 'warning';
  return 'error';
}
