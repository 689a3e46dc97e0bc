/** Transport only: upload a file (raw body), read the limits, download one's own upload. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema, fileIdParamsSchema, uploadLimitsSchema, uploadQuerySchema, uploadedFileSchema } from '@tongban/contracts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, policies } from '../../platform/http/policy.ts';
import { acceptRawBodies, fileResponse, RawFile, sendStoredFile } from './file-body.ts';
import type { FilesService } from './files.service.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const meta = (req: { id: string; ip: string }) => ({ requestId: req.id, ip: req.ip });

export function filesRoutes(service: FilesService, maxBytes: number): FastifyPluginAsyncZod {
  return async (app) => {
    acceptRawBodies(app, maxBytes);

    app.post(
      '/files',
      {
        schema: {
          tags: ['files'],
          summary: 'Upload a file for a material (材料上传): the raw file is the body',
          description:
            'Body: the file itself; its type is decided from its first bytes (PDF, JPEG, PNG or OFD), not from the name or the ' +
            '`content-type` header: anything else answers 400 UPLOAD_TYPE_NOT_ALLOWED. Larger than UPLOAD_MAX_BYTES: 413 ' +
            'UPLOAD_TOO_LARGE. More than UPLOAD_DAILY_LIMIT uploads in 24 hours: 429 UPLOAD_QUOTA_EXCEEDED. `name` is only a display ' +
            'name: folders, control and bidi characters are removed and the extension of the real type is added when missing.',
          querystring: uploadQuerySchema,
          response: { 201: uploadedFileSchema, ...errors, 413: errorBodySchema, 429: errorBodySchema },
        },
        config: { policy: policies.authenticated },
      },
      async (req, reply) => {
        const body: unknown = req.body;
        const bytes = body instanceof RawFile ? body.bytes : Buffer.alloc(0);
        if (body !== undefined && body !== null && !(body instanceof RawFile)) throw new AppError('UPLOAD_TYPE_NOT_ALLOWED');
        return reply.status(201).send(await service.upload(actorOf(req), req.query.name, bytes, meta(req)));
      },
    );

    app.get(
      '/files/limits',
      {
        schema: {
          tags: ['files'],
          summary: 'What may be uploaded: types, largest size, uploads per 24 hours',
          response: { 200: uploadLimitsSchema, ...errors },
        },
        config: { policy: policies.authenticated },
      },
      async () => service.limits(),
    );

    app.get(
      '/files/:id',
      {
        schema: {
          tags: ['files'],
          summary: 'Download one of my uploads (404 for anyone else’s)',
          description: 'An attachment with `x-content-type-options: nosniff` and `content-security-policy: sandbox`.',
          params: fileIdParamsSchema,
          response: { 200: fileResponse, ...errors },
        },
        config: { policy: policies.authenticated },
      },
      async (req, reply) => sendStoredFile(reply, await service.download(actorOf(req), req.params.id)),
    );
  };
}
