/**
 * A look at an upload before a spreadsheet library opens it: is it a ZIP archive at all, does it
 * hold a workbook (xl/workbook.xml), and does it unpack to a sane size (no zip bomb)? Reads
 * only the ZIP central directory.
 */

/** Declared unpacked size an import accepts: far above any real 8 MB workbook. */
export const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;

export type ZipCheck = 'ok' | 'notZip' | 'notWorkbook' | 'tooLarge';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const MAX_COMMENT = 0xffff;

export function checkWorkbookZip(buf: Buffer, maxUnpacked = MAX_UNPACKED_BYTES): ZipCheck {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return 'notZip';
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - MAX_COMMENT); i--) {
    if (buf.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return 'notZip';
  const entries = buf.readUInt16LE(end + 10);
  const size = buf.readUInt32LE(end + 12);
  const offset = buf.readUInt32LE(end + 16);
  if (offset + size > buf.length) return 'notZip';
  let p = offset;
  let unpacked = 0;
  let workbook = false;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL_FILE_HEADER) return 'notZip';
    const declared = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLength > buf.length) return 'notZip';
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    // 0xFFFFFFFF: the real size is in a ZIP64 record; no genuine workbook entry is that large.
    if (declared === 0xffffffff) return 'tooLarge';
    unpacked += declared;
    if (unpacked > maxUnpacked) return 'tooLarge';
    if (name === 'xl/workbook.xml') workbook = true;
    p += 46 + nameLength + extraLength + commentLength;
  }
  return workbook ? 'ok' : 'notWorkbook';
}
