/**
 * What an uploaded file is, decided from its first bytes (magic numbers), and the name it is
 * shown under. Pure: no I/O. The name a user gives is only ever a display name: it never
 * becomes part of a path or a key.
 */
import { UPLOAD_EXTENSIONS, type UploadContentType } from '@tongban/contracts';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];

/** The type of a file from its content, or null when it is none of the types an applicant may upload. */
export function sniffContentType(bytes: Uint8Array): UploadContentType | null {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, ZIP_LOCAL) && zipEntryNames(bytes).includes('OFD.xml')) return 'application/ofd';
  return null;
}

/**
 * The entry names of a ZIP archive, read from its central directory (an OFD document, GB/T
 * 33190, is a ZIP whose root holds `OFD.xml`). A damaged archive gives the names read so far.
 */
export function zipEntryNames(bytes: Uint8Array, max = 1000): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: in the last 22 + 65,535 (comment) bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return [];
  const count = Math.min(view.getUint16(end + 10, true), max);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) break;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) break;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Longest stem kept (code points); with the extension the name stays well under the column's 200. */
const MAX_STEM = 100;

/**
 * The display name of an upload: the last segment of whatever path was given (both separators),
 * without control, format (bidi overrides such as U+202E, zero-width characters) or line
 * separator characters, without characters Windows refuses, without leading dots, at most 100
 * characters before the extension, and ending in an extension of the sniffed type (added when
 * missing or different). Chinese and other letters are kept. Never empty.
 */
export function cleanFileName(raw: string, type: UploadContentType): string {
  const lastSegment = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const name = lastSegment
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+/u, '')
    .replace(/[\s.]+$/u, '');
  const extensions = UPLOAD_EXTENSIONS[type];
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  const given = match?.[1]?.toLowerCase();
  const keeps = given !== undefined && extensions.includes(given);
  const stem = (keeps ? name.slice(0, -(given.length + 1)) : name).replace(/[\s.]+$/u, '');
  const short = Array.from(stem).slice(0, MAX_STEM).join('').trim();
  return `${short || 'file'}.${keeps ? given : extensions[0]}`;
}
