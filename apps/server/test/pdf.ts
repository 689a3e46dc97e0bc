/**
 * Reading the PDFs the server answers with, as the tests check them: the HTTP side, the text
 * (pdftotext, from poppler-utils), page 1 rendered (pdftoppm) and the QR code on it (jsqr).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { promisify } from 'node:util';
import type { LightMyRequestResponse } from 'fastify';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { expect } from 'vitest';

const run = promisify(execFile);
// jsqr is a UMD bundle whose module.exports is the function, but its types declare an ES default export.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

/** Text without white space: pdftotext breaks lines where the layout does. */
export const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * The QR code on a rendered page: anywhere, or in its top-right quarter (where document headers
 * put it; decoding a crop is much faster at a high resolution).
 */
export function decodeQr(png: PNG, where: 'page' | 'top-right' = 'page'): string | undefined {
  if (where === 'page') return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data;
  const x0 = Math.floor(png.width / 2);
  const width = png.width - x0;
  const height = Math.floor(png.height / 4);
  const crop = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) crop.set(png.data.subarray((y * png.width + x0) * 4, (y * png.width + png.width) * 4), y * width * 4);
  return jsQR(crop, width, height)?.data;
}

/**
 * Checks the HTTP side of a PDF answer (200, the type, an inline file name in ASCII and UTF-8,
 * `private, no-store` when `personal`) and writes it to `file` (….pdf). Returns its text, the
 * squeezed text, page 1 as a PNG at `dpi`, the QR code found on it and the file name.
 */
export async function readPdf(res: LightMyRequestResponse, file: string, o: { personal: boolean; dpi?: number; qrIn?: 'page' | 'top-right' }) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/pdf/);
  if (o.personal) expect(res.headers['cache-control']).toBe('private, no-store');
  const disposition = String(res.headers['content-disposition']);
  expect(disposition).toMatch(/^inline; filename="[A-Za-z0-9._-]+\.pdf"; filename\*=UTF-8''/);
  const pdf = res.rawPayload;
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await fs.writeFile(file, pdf);
  const { stdout: text } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
  const stem = file.replace(/\.pdf$/, '');
  await run('pdftoppm', ['-png', '-r', String(o.dpi ?? 100), '-f', '1', '-l', '1', '-singlefile', file, stem]);
  const png = PNG.sync.read(await fs.readFile(`${stem}.png`));
  return { text, squeezed: squeeze(text), png, qr: decodeQr(png, o.qrIn), fileName: decodeURIComponent(disposition.split("UTF-8''")[1]!) };
}
