// 脱敏: masking helpers for display and logs. Never throw, whatever the input.
import { normaliseIdentifier } from './resident-id.ts';

/**
 * Keeps `keepStart` leading and `keepEnd` trailing characters and replaces
 * each character between them by `*`. A value too short to keep both ends
 * with at least one masked character is masked entirely.
 */
function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = Array.from(value);
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length);
  const middle = chars.length - keepStart - keepEnd;
  return chars.slice(0, keepStart).join('') + '*'.repeat(middle) + chars.slice(chars.length - keepEnd).join('');
}

/** `11010519491231002X` → `110105********002X`. */
export function maskResidentId(id: string): string {
  return maskMiddle(normaliseIdentifier(id), 6, 4);
}

/** `91350100M000100Y43` → `91350100********43`. */
export function maskCreditCode(code: string): string {
  return maskMiddle(normaliseIdentifier(code), 8, 2);
}

/** `13812341234` → `138****1234`; other values keep the first 3 and last 2. */
export function maskPhone(phone: string): string {
  const value = phone.trim();
  if (/^1\d{10}$/.test(value)) return maskMiddle(value, 3, 4);
  return maskMiddle(value, 3, 2);
}

/** `张三` → `张*`, `欧阳娜` → `欧**`; a single character is unchanged. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  const first = chars[0];
  if (first === undefined) return '';
  return first + '*'.repeat(chars.length - 1);
}

/** `zhang@example.com` → `z***@example.com`. */
export function maskEmail(email: string): string {
  const value = email.trim();
  const at = value.lastIndexOf('@');
  const local = at < 0 ? value : value.slice(0, at);
  const domain = at < 0 ? '' : value.slice(at);
  const first = Array.from(local)[0] ?? '';
  if (first === '' && domain === '') return '';
  return `${first}***${domain}`;
}
