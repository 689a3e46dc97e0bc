import { normaliseIdentifier, parseCreditCode, parseResidentId, type CreditCodeFailure, type ResidentIdFailure } from '@tongban/domain';
import type { FormRule } from 'antd';
import { useTranslation } from 'react-i18next';

type ValidationKey =
  | 'validation.residentIdLength'
  | 'validation.residentIdCharset'
  | 'validation.residentIdRegion'
  | 'validation.residentIdBirthDate'
  | 'validation.residentIdChecksum'
  | 'validation.creditCodeLength'
  | 'validation.creditCodeCharset'
  | 'validation.creditCodeAuthority'
  | 'validation.creditCodeRegion'
  | 'validation.creditCodeOrgCodeChecksum'
  | 'validation.creditCodeChecksum';

const residentIdMessages: Record<ResidentIdFailure, ValidationKey> = {
  length: 'validation.residentIdLength',
  charset: 'validation.residentIdCharset',
  region: 'validation.residentIdRegion',
  birthDate: 'validation.residentIdBirthDate',
  checksum: 'validation.residentIdChecksum',
};

const creditCodeMessages: Record<CreditCodeFailure, ValidationKey> = {
  length: 'validation.creditCodeLength',
  charset: 'validation.creditCodeCharset',
  authority: 'validation.creditCodeAuthority',
  region: 'validation.creditCodeRegion',
  orgCodeChecksum: 'validation.creditCodeOrgCodeChecksum',
  checksum: 'validation.creditCodeChecksum',
};

const USERNAME_RE = /^[A-Za-z0-9_.]{4,32}$/;
const PHONE_RE = /^1[3-9]\d{9}$/;

/** True for a value the user has not filled in (the `required` rule reports those). */
function blank(value: unknown): value is undefined | null | '' {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function isStrongPassword(value: string): boolean {
  return value.length >= 8 && value.length <= 128 && /[A-Za-z]/.test(value) && /\d/.test(value);
}

/**
 * Client-side checks that mirror the contracts (same rules, same wording), so most mistakes
 * are caught before sending. The server checks again and has the last word.
 */
export function useValidators() {
  const { t } = useTranslation();
  const required = (): FormRule => ({ required: true, whitespace: true, message: t('common.required') });
  const check = (test: (value: string) => string | null): FormRule => ({
    validator: async (_rule, value: unknown) => {
      if (blank(value) || typeof value !== 'string') return;
      const problem = test(value);
      if (problem) throw new Error(problem);
    },
  });
  return {
    required,
    residentId: () =>
      check((v) => {
        const r = parseResidentId(v);
        return r.ok ? null : t(residentIdMessages[r.reason]);
      }),
    creditCode: () =>
      check((v) => {
        const r = parseCreditCode(v);
        return r.ok ? null : t(creditCodeMessages[r.reason]);
      }),
    phone: () => check((v) => (PHONE_RE.test(v.trim()) ? null : t('validation.phone'))),
    username: () => check((v) => (USERNAME_RE.test(v.trim()) ? null : t('validation.username'))),
    password: () => check((v) => (isStrongPassword(v) ? null : t('validation.passwordWeak'))),
    length: (min: number, max: number) =>
      check((v) => {
        const n = Array.from(v.trim()).length;
        if (n < min) return t('validation.minLength', { min });
        if (n > max) return t('validation.maxLength', { max });
        return null;
      }),
    /** "Type it again": must equal the field `other`. */
    sameAs:
      (other: string): FormRule =>
      ({ getFieldValue }) => ({
        validator: async (_rule, value: unknown) => {
          if (blank(value)) return;
          if (value !== getFieldValue(other)) throw new Error(t('validation.passwordMismatch'));
        },
      }),
  };
}

export { normaliseIdentifier };
