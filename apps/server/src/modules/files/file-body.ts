/**
 * The raw body of an upload, and the answer that sends a stored file back. The body parser is
 * registered inside the files plugin only: every other route keeps JSON and the 1 MiB limit.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { UPLOAD_EXTENSIONS } from '@tongban/contracts';
import { contentDisposition } from '../../platform/documents/links.ts';
import { AppError } from '../../platform/errors.ts';
import type { FileContent } from './files.service.ts';

/**
 * The uploaded bytes. Kept in a private field so that hooks walking the body's properties (the
 * NUL check) do not walk every byte.
 */
export class RawFile {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }
  get bytes(): Buffer {
    return this.#bytes;
  }
}

/**
 * Reads any body, whatever its declared type (the type is sniffed from the content later), up
 * to `maxBytes`: 413 UPLOAD_TOO_LARGE as soon as the declared or the counted size passes it.
 */
export function acceptRawBodies(app: FastifyInstance, maxBytes: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (req, payload, done) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      payload.resume();
      done(new AppError('UPLOAD_TOO_LARGE', { maxBytes }), undefined);
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
        done(new AppError('UPLOAD_TOO_LARGE', { maxBytes }), undefined);
        return;
      }
      chunks.push(chunk);
    });
    payload.on('end', () => {
      if (settled) return;
      settled = true;
      done(null, new RawFile(Buffer.concat(chunks)));
    });
    payload.on('error', (err) => {
      if (settled) return;
      settled = true;
      done(err, undefined);
    });
  });
}

/** OpenAPI description of a file answer. */
export const fileResponse = {
  description: 'The file (PDF, JPEG, PNG or OFD) as an attachment',
  content: { 'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary', description: 'file' }) } },
};

/**
 * Sends a stored file so that no browser runs it: an attachment under its display name (RFC 5987
 * `filename*`, Chinese kept), the sniffed type with `nosniff`, a sandboxing CSP, and no caching
 * of what may be personal data.
 */
export function sendStoredFile(reply: FastifyReply, { meta, bytes }: FileContent) {
  const ascii = /^[A-Za-z0-9._-]+$/.test(meta.name) ? meta.name : `file.${UPLOAD_EXTENSIONS[meta.contentType][0]}`;
  return reply
    .type(meta.contentType)
    .header('content-disposition', contentDisposition(meta.name, ascii, 'attachment'))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'private, no-store')
    .send(bytes);
}
