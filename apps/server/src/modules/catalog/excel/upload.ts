/**
 * The raw body of an import: an .xlsx up to CATALOG_IMPORT_MAX_BYTES, read into memory. A larger
 * one is refused with 413 FILE_TOO_LARGE as soon as its size is known.
 */
import type { FastifyInstance } from 'fastify';
import { CATALOG_IMPORT_MAX_BYTES, XLSX_MIME } from '@tongban/contracts';
import { AppError } from '../../../platform/errors.ts';

/**
 * The uploaded bytes. Kept in a private field so that hooks walking the body's properties (the
 * NUL check) do not walk every byte.
 */
export class Upload {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }
  get bytes(): Buffer {
    return this.#bytes;
  }
}

/** Registers the parser for `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (and octet-stream) in this plugin. */
export function acceptXlsxBodies(app: FastifyInstance, maxBytes = CATALOG_IMPORT_MAX_BYTES): void {
  app.addContentTypeParser([XLSX_MIME, 'application/octet-stream'], (req, payload, done) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      payload.resume();
      done(new AppError('FILE_TOO_LARGE'), undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    payload.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) {
        settled = true;
        chunks.length = 0;
        done(new AppError('FILE_TOO_LARGE'), undefined);
        return;
      }
      chunks.push(chunk);
    });
    payload.on('end', () => {
      if (settled) return;
      settled = true;
      done(null, new Upload(Buffer.concat(chunks)));
    });
    payload.on('error', (err) => {
      if (settled) return;
      settled = true;
      done(err, undefined);
    });
  });
}
