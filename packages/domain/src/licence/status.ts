// 证照状态 (licence status) and its lifecycle.
//
// Codes from the 住建部 安管人员 e-licence spec (STANDARDS §4.2 [O]): 01 有效, 02 暂扣, 03 撤销,
// 04 注销, 05 失效, 06 办理转出, 07 吊销, 99 其他. Articles below are recalled [I], not re-read: 撤销 voids a licence that should not have been
// granted (行政许可法 art. 69); 吊销 takes it away as a penalty (行政处罚法 art. 9); 注销 closes
// the record (行政许可法 art. 70, e.g. after expiry, 撤销 or 吊销, or the holder's death).
import { dayNumber, type IsoDate } from '../calendar/iso-date.ts';

export const LICENCE_STATUSES = [
  'valid', // 01 有效
  'suspended', // 02 暂扣
  'revoked', // 03 撤销
  'cancelled', // 04 注销
  'expired', // 05 失效: the validity period ended
  'superseded', // 05 失效: replaced by the next version (renewal 延续 or change 变更)
  'transferred_out', // 06 办理转出: moved to another province, which issues its own licence
  'penalty_revoked', // 07 吊销
  'other', // 99 其他: only for records imported with that code; no action leads to or from it
] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

export type LicenceStatusCode = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '99';

/** Exchange code and Chinese label of each status. 'expired' and 'superseded' share 05 失效. */
export const LICENCE_STATUS_CODES: Readonly<Record<LicenceStatus, { code: LicenceStatusCode; label: string }>> = {
  valid: { code: '01', label: '有效' },
  suspended: { code: '02', label: '暂扣' },
  revoked: { code: '03', label: '撤销' },
  cancelled: { code: '04', label: '注销' },
  expired: { code: '05', label: '失效' },
  superseded: { code: '05', label: '失效' },
  transferred_out: { code: '06', label: '办理转出' },
  penalty_revoked: { code: '07', label: '吊销' },
  other: { code: '99', label: '其他' },
};

/** The status of an exchange code; 05 reads as 'expired' (the code does not say whether a newer version exists). Null for unknown codes. */
export function licenceStatusFromCode(code: string): LicenceStatus | null {
  if (code === '05') return 'expired';
  const entry = Object.entries(LICENCE_STATUS_CODES).find(([, v]) => v.code === code);
  return entry ? (entry[0] as LicenceStatus) : null;
}

export const LICENCE_ACTIONS = [
  'issue', // 办理新发
  'suspend', // 暂扣
  'restore', // 暂扣期满发还
  'revoke', // 撤销
  'penalty_revoke', // 吊销
  'cancel', // 注销
  'expire', // 过期失效
  'renew', // 延续: the next version is issued, this one is superseded
  'change', // 变更: likewise
  'transfer_out', // 办理转出
] as const;
export type LicenceAction = (typeof LICENCE_ACTIONS)[number];

/** The statuses each action may follow (null = no licence yet) and the status it leads to. */
const TRANSITIONS: Readonly<Record<LicenceAction, { from: readonly (LicenceStatus | null)[]; to: LicenceStatus }>> = {
  issue: { from: [null], to: 'valid' },
  suspend: { from: ['valid'], to: 'suspended' },
  restore: { from: ['suspended'], to: 'valid' },
  revoke: { from: ['valid', 'suspended'], to: 'revoked' },
  penalty_revoke: { from: ['valid', 'suspended'], to: 'penalty_revoked' },
  cancel: { from: ['valid', 'suspended', 'expired', 'revoked', 'penalty_revoked'], to: 'cancelled' },
  expire: { from: ['valid', 'suspended'], to: 'expired' },
  renew: { from: ['valid'], to: 'superseded' },
  change: { from: ['valid'], to: 'superseded' },
  transfer_out: { from: ['valid'], to: 'transferred_out' },
};

export class LicenceTransitionError extends Error {
  constructor(
    readonly action: LicenceAction,
    readonly status: LicenceStatus | null,
  ) {
    super(`licence action ${action} is not possible from status ${status ?? '(none)'}`);
    this.name = 'LicenceTransitionError';
  }
}

export function canApplyLicenceAction(status: LicenceStatus | null, action: LicenceAction): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/**
 * The status after `action`. `status` is null before the licence exists. Pass the effective
 * status (`effectiveStatus`), so that a licence past its end date cannot be renewed or suspended.
 * Throws `LicenceTransitionError` on a forbidden transition.
 */
export function applyLicenceAction(status: LicenceStatus | null, action: LicenceAction): LicenceStatus {
  if (!canApplyLicenceAction(status, action)) throw new LicenceTransitionError(action, status);
  return TRANSITIONS[action].to;
}

/** Renewal or change: the old version becomes superseded and the new one starts valid with the next version number, naming the old one. */
export function nextLicenceVersion(
  previous: { identifier: string; status: LicenceStatus; version: number },
  action: 'renew' | 'change',
): { previousStatus: LicenceStatus; status: LicenceStatus; version: number; previousIdentifier: string } {
  const previousStatus = applyLicenceAction(previous.status, action);
  if (!Number.isInteger(previous.version) || previous.version < 1 || previous.version >= 999) {
    throw new RangeError(`no version after ${previous.version} (版本号 has 3 digits)`);
  }
  return { previousStatus, status: applyLicenceAction(null, 'issue'), version: previous.version + 1, previousIdentifier: previous.identifier };
}

/**
 * The status as of `today` (YYYY-MM-DD, China time): a valid or suspended licence whose last day
 * (`validUntil`, inclusive; null = 长期有效) is before today reports 'expired', even while the
 * stored status has not been updated yet. Every other status is reported as stored.
 */
export function effectiveStatus(licence: { status: LicenceStatus; validUntil: IsoDate | null }, today: IsoDate): LicenceStatus {
  const { status, validUntil } = licence;
  if ((status === 'valid' || status === 'suspended') && validUntil !== null && dayNumber(validUntil) < dayNumber(today)) return 'expired';
  return status;
}

/** In force on `today`: effectively valid and on or after the start date (verification step 2, STANDARDS §4.2). */
export function isLicenceInForce(licence: { status: LicenceStatus; validFrom: IsoDate; validUntil: IsoDate | null }, today: IsoDate): boolean {
  return effectiveStatus(licence, today) === 'valid' && dayNumber(licence.validFrom) <= dayNumber(today);
}
