import { describe, expect, it } from 'vitest';
import {
  LICENCE_ACTIONS,
  LICENCE_STATUSES,
  LICENCE_STATUS_CODES,
  LicenceTransitionError,
  applyLicenceAction,
  canApplyLicenceAction,
  effectiveStatus,
  isLicenceInForce,
  licenceStatusFromCode,
  nextLicenceVersion,
  type LicenceAction,
  type LicenceStatus,
} from './status.ts';

/** Every allowed transition: [from, action, to]. */
const ALLOWED: [LicenceStatus | null, LicenceAction, LicenceStatus][] = [
  [null, 'issue', 'valid'],
  ['valid', 'suspend', 'suspended'],
  ['suspended', 'restore', 'valid'],
  ['valid', 'revoke', 'revoked'],
  ['suspended', 'revoke', 'revoked'],
  ['valid', 'penalty_revoke', 'penalty_revoked'],
  ['suspended', 'penalty_revoke', 'penalty_revoked'],
  ['valid', 'cancel', 'cancelled'],
  ['suspended', 'cancel', 'cancelled'],
  ['expired', 'cancel', 'cancelled'],
  ['revoked', 'cancel', 'cancelled'],
  ['penalty_revoked', 'cancel', 'cancelled'],
  ['valid', 'expire', 'expired'],
  ['suspended', 'expire', 'expired'],
  ['valid', 'renew', 'superseded'],
  ['valid', 'change', 'superseded'],
  ['valid', 'transfer_out', 'transferred_out'],
];

const FORBIDDEN: [LicenceStatus | null, LicenceAction][] = [
  [null, 'suspend'],
  ['valid', 'issue'],
  ['valid', 'restore'],
  ['suspended', 'suspend'],
  ['suspended', 'renew'],
  ['suspended', 'change'],
  ['suspended', 'transfer_out'],
  ['expired', 'renew'],
  ['expired', 'restore'],
  ['revoked', 'restore'],
  ['revoked', 'penalty_revoke'],
  ['penalty_revoked', 'restore'],
  ['cancelled', 'cancel'],
  ['cancelled', 'issue'],
  ['superseded', 'renew'],
  ['superseded', 'suspend'],
  ['superseded', 'cancel'],
  ['transferred_out', 'suspend'],
  ['other', 'cancel'],
  ['other', 'restore'],
];

describe('licence status codes (证照状态)', () => {
  it('maps every status to the code and label of STANDARDS §4.2', () => {
    expect(LICENCE_STATUSES.map((s) => `${LICENCE_STATUS_CODES[s].code} ${LICENCE_STATUS_CODES[s].label}`)).toEqual([
      '01 有效',
      '02 暂扣',
      '03 撤销',
      '04 注销',
      '05 失效',
      '05 失效',
      '06 办理转出',
      '07 吊销',
      '99 其他',
    ]);
  });

  it('reads codes back, 05 as expired', () => {
    expect(licenceStatusFromCode('01')).toBe('valid');
    expect(licenceStatusFromCode('03')).toBe('revoked');
    expect(licenceStatusFromCode('05')).toBe('expired');
    expect(licenceStatusFromCode('07')).toBe('penalty_revoked');
    expect(licenceStatusFromCode('99')).toBe('other');
    expect(licenceStatusFromCode('08')).toBeNull();
    expect(licenceStatusFromCode('1')).toBeNull();
    for (const s of LICENCE_STATUSES) {
      if (s !== 'superseded') expect(licenceStatusFromCode(LICENCE_STATUS_CODES[s].code)).toBe(s);
    }
  });
});

describe('applyLicenceAction', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, action, to) => {
    expect(canApplyLicenceAction(from, action)).toBe(true);
    expect(applyLicenceAction(from, action)).toBe(to);
  });

  it.each(FORBIDDEN)('forbids %s --%s-->', (from, action) => {
    expect(canApplyLicenceAction(from, action)).toBe(false);
    expect(() => applyLicenceAction(from, action)).toThrow(LicenceTransitionError);
    try {
      applyLicenceAction(from, action);
    } catch (err) {
      expect(err).toMatchObject({ action, status: from, name: 'LicenceTransitionError' });
    }
  });

  it('allows nothing beyond the listed transitions', () => {
    const allowed = new Set(ALLOWED.map(([from, action]) => `${from}/${action}`));
    for (const from of [null, ...LICENCE_STATUSES]) {
      for (const action of LICENCE_ACTIONS) {
        expect(canApplyLicenceAction(from, action), `${from}/${action}`).toBe(allowed.has(`${from}/${action}`));
      }
    }
  });

  it('leaves the terminal statuses only through 注销 (expired, revoked, penalty_revoked) or not at all', () => {
    for (const status of ['cancelled', 'superseded', 'transferred_out', 'other'] as const) {
      expect(LICENCE_ACTIONS.filter((a) => canApplyLicenceAction(status, a))).toEqual([]);
    }
  });
});

describe('nextLicenceVersion (延续 / 变更)', () => {
  const previous = { identifier: '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U', status: 'valid' as const, version: 1 };

  it('supersedes the previous version and issues the next one, naming the previous', () => {
    expect(nextLicenceVersion(previous, 'renew')).toEqual({
      previousStatus: 'superseded',
      status: 'valid',
      version: 2,
      previousIdentifier: previous.identifier,
    });
    expect(nextLicenceVersion(previous, 'change').previousStatus).toBe('superseded');
  });

  it('refuses a licence that is not valid, and a version beyond 999', () => {
    expect(() => nextLicenceVersion({ ...previous, status: 'suspended' }, 'renew')).toThrow(LicenceTransitionError);
    expect(() => nextLicenceVersion({ ...previous, status: 'superseded' }, 'change')).toThrow(LicenceTransitionError);
    expect(() => nextLicenceVersion({ ...previous, version: 999 }, 'renew')).toThrow(RangeError);
    expect(nextLicenceVersion({ ...previous, version: 998 }, 'renew').version).toBe(999);
  });
});

describe('effectiveStatus', () => {
  const licence = (status: LicenceStatus, validUntil: string | null) => ({ status, validFrom: '2026-01-01', validUntil });

  it('reports a valid licence as expired after its last day, not on it', () => {
    expect(effectiveStatus(licence('valid', '2026-12-31'), '2026-12-31')).toBe('valid');
    expect(effectiveStatus(licence('valid', '2026-12-31'), '2027-01-01')).toBe('expired');
    expect(effectiveStatus(licence('suspended', '2026-12-31'), '2027-01-01')).toBe('expired');
    expect(effectiveStatus(licence('suspended', '2026-12-31'), '2026-06-01')).toBe('suspended');
  });

  it('never expires a 长期有效 licence and keeps every other status as stored', () => {
    expect(effectiveStatus(licence('valid', null), '2999-12-31')).toBe('valid');
    for (const status of ['revoked', 'cancelled', 'expired', 'superseded', 'transferred_out', 'penalty_revoked', 'other'] as const) {
      expect(effectiveStatus(licence(status, '2026-12-31'), '2027-06-01')).toBe(status);
    }
  });

  it('rejects malformed dates', () => {
    expect(() => effectiveStatus(licence('valid', '2026-02-30'), '2026-01-01')).toThrow(RangeError);
    expect(() => effectiveStatus(licence('valid', '2026-12-31'), '20260101')).toThrow(RangeError);
  });

  it('is in force only while effectively valid and started', () => {
    expect(isLicenceInForce(licence('valid', '2026-12-31'), '2026-01-01')).toBe(true);
    expect(isLicenceInForce(licence('valid', '2026-12-31'), '2025-12-31')).toBe(false);
    expect(isLicenceInForce(licence('valid', '2026-12-31'), '2027-01-01')).toBe(false);
    expect(isLicenceInForce(licence('suspended', '2026-12-31'), '2026-06-01')).toBe(false);
    expect(isLicenceInForce(licence('valid', null), '2040-01-01')).toBe(true);
  });
});
