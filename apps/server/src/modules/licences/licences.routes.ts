/** Transport only: contract in, policy, one service call. Verification is public; the wallet is the holder's own. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorBodySchema,
  licenceDetailSchema,
  licenceFaceSchema,
  licenceIdentifierParamsSchema,
  licenceSparedSchema,
  licenceStaffActionSchema,
  licenceTypeSchema,
  licenceVerificationSchema,
} from '@tongban/contracts';
import { actorOf, policies } from '../../platform/http/policy.ts';
import { contentDisposition, publicBaseUrl } from '../../platform/documents/links.ts';
import { createLicenceFaces } from './licence-face-pdf.ts';
import type { LicencesService } from './licences.service.ts';

const tags = ['licences'];

/** Verifications per minute from one address: a hall's scanner is well below it. */
export const VERIFY_RATE_LIMIT_PER_MINUTE = 120;

export interface LicenceRouteOptions {
  /** PUBLIC_URL: the base of the verify link in a face's QR code; the request's own origin otherwise. */
  publicUrl?: string | undefined;
}

const pdfResponse = {
  description: 'PDF document (application/pdf), shown inline',
  content: { 'application/pdf': { schema: z.any().meta({ type: 'string', format: 'binary', description: 'PDF' }) } },
};

export function licencesRoutes(service: LicencesService, { publicUrl }: LicenceRouteOptions = {}): FastifyPluginAsyncZod {
  const faces = createLicenceFaces();
  return async (app) => {
    app.get(
      '/licenses/types',
      {
        schema: { tags, summary: 'Licence types of the library (证照目录)', response: { 200: z.array(licenceTypeSchema) } },
        config: { policy: policies.public },
      },
      async () => service.types(),
    );
    app.get(
      '/licenses/verify/:identifier',
      {
        schema: {
          tags,
          summary:
            'Verify a licence by its identifier (证照核验): well formed, known, signature, in force today; the face without more personal data than it prints',
          params: licenceIdentifierParamsSchema,
          response: { 200: licenceVerificationSchema, 400: errorBodySchema, 429: errorBodySchema },
        },
        config: { policy: policies.public, rateLimit: { max: VERIFY_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        void reply.header('cache-control', 'no-store');
        return service.verify(req.params.identifier);
      },
    );
    app.get(
      '/licenses/spared',
      {
        schema: { tags, summary: 'Submissions spared by the library (免提交), overall and per item', response: { 200: licenceSparedSchema } },
        config: { policy: policies.public },
      },
      async () => service.spared(),
    );
    app.get(
      '/licenses/mine',
      {
        schema: { tags, summary: 'My licences (我的证照), newest first', response: { 200: z.array(licenceFaceSchema), 401: errorBodySchema } },
        config: { policy: policies.authenticated },
      },
      async (req) => service.mine(actorOf(req)),
    );
    app.get(
      '/licenses/:identifier',
      {
        schema: {
          tags,
          summary: 'One of my licences with its history (another holder’s is 404)',
          params: licenceIdentifierParamsSchema,
          response: { 200: licenceDetailSchema, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
        config: { policy: policies.authenticated },
      },
      async (req) => service.detail(actorOf(req), req.params.identifier),
    );
    app.get(
      '/licenses/:identifier/face.pdf',
      {
        schema: {
          tags,
          summary: 'One of my licences as a printable A4 face (证照照面), with a QR code of the public verify page (another holder’s is 404)',
          description:
            'The holder’s copy: full ID number, every data field, the history, and a QR code of `<PUBLIC_URL or request origin>/verify/licence?id=<identifier>`. `content-disposition: inline`, `cache-control: private, no-store`.',
          params: licenceIdentifierParamsSchema,
          response: { 200: pdfResponse, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
        config: { policy: policies.authenticated },
      },
      async (req, reply) => {
        void reply.header('cache-control', 'private, no-store');
        const detail = await service.detail(actorOf(req), req.params.identifier);
        const { pdf, fileName, asciiName } = await faces.render(detail, publicBaseUrl(publicUrl, req));
        return reply.type('application/pdf').header('content-disposition', contentDisposition(fileName, asciiName)).send(pdf);
      },
    );
    app.post(
      '/licenses/keys/rotate',
      {
        schema: {
          tags,
          summary: 'Rotate the signing key (密钥轮换): licences signed before keep verifying',
          response: { 200: z.object({ keyId: z.string() }), 401: errorBodySchema, 403: errorBodySchema },
        },
        config: { policy: policies.roles('centre_admin') },
      },
      async (req) => service.rotateKey(actorOf(req), { requestId: req.id, ip: req.ip }),
    );
    app.post(
      '/licenses/:identifier/actions',
      {
        schema: {
          tags,
          summary: '暂扣 / 发还 / 吊销 / 注销 a licence, by its issuing department (approver or department admin); recorded and audited',
          params: licenceIdentifierParamsSchema,
          body: licenceStaffActionSchema,
          response: { 200: licenceFaceSchema, 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema },
        },
        config: { policy: policies.roles('approver', 'dept_admin') },
      },
      async (req) => service.act(actorOf(req), req.params.identifier, req.body, { requestId: req.id, ip: req.ip }),
    );
  };
}
