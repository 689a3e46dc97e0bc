/** Transport only: the documents of a case (办件文书) as a list and as PDFs. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseDocumentKinds, caseDocumentListSchema, caseNoParamsSchema, errorBodySchema, type CaseDocumentKind } from '@tongban/contracts';
import { contentDisposition, publicBaseUrl } from '../../platform/documents/links.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, policies } from '../../platform/http/policy.ts';
import type { CaseDocuments } from './case-documents.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const pdfResponse = {
  description: 'PDF document (application/pdf), shown inline',
  content: { 'application/pdf': { schema: z.any().meta({ type: 'string', format: 'binary', description: 'PDF' }) } },
};

const fileParams = caseNoParamsSchema.extend({
  file: z
    .string()
    .max(100)
    .meta({ description: `\`<kind>.pdf\`, the kind one of ${caseDocumentKinds.map((k) => `\`${k}\``).join(', ')}`, examples: ['receipt.pdf'] }),
});

/** `receipt.pdf` → `receipt`; null for any other name. */
function kindOf(file: string): CaseDocumentKind | null {
  const kind = file.endsWith('.pdf') ? file.slice(0, -4) : '';
  return (caseDocumentKinds as readonly string[]).includes(kind) ? (kind as CaseDocumentKind) : null;
}

export interface CaseDocumentRouteOptions {
  /** PUBLIC_URL: the base of the progress link in the QR code; the request's own origin otherwise. */
  publicUrl?: string | undefined;
}

export function caseDocumentsRoutes(documents: CaseDocuments, { publicUrl }: CaseDocumentRouteOptions = {}): FastifyPluginAsyncZod {
  return async (app) => {
    // Documents carry personal data: never kept by a shared cache or on disk, errors included.
    app.addHook('onRequest', (_req, reply, done) => {
      void reply.header('cache-control', 'private, no-store');
      done();
    });

    app.get(
      '/cases/:caseNo/documents',
      {
        schema: {
          tags: ['cases'],
          summary: 'The documents of a case (办件文书): each kind, its title, number and whether it exists now',
          params: caseNoParamsSchema,
          response: { 200: caseDocumentListSchema, ...errors },
        },
        config: { policy: policies.authenticated },
      },
      async (req) => documents.list(actorOf(req), req.params.caseNo),
    );

    app.get(
      '/cases/:caseNo/documents/:file',
      {
        schema: {
          tags: ['cases'],
          summary: 'One document of a case as an A4 PDF with a QR code of the public progress page (办件文书)',
          description: [
            '`receipt.pdf`: 收件凭证 before acceptance (`<caseNo>-SJ`), 受理通知书 after it (`<caseNo>-SL`).',
            '`refusal.pdf`: 不予受理决定书 with the reason, the legal basis and the right to review and litigation (`<caseNo>-BSL`).',
            '`supplement-notice.pdf`: 一次性告知书 of the latest 补正 request, every missing material once with its note (`<caseNo>-BZ`).',
            '`decision.pdf`: 准予（不予）行政许可决定书, or 办结通知书 for other items (`<caseNo>-JD`).',
            'Readable by whoever may read the case (404 otherwise); 409 `INVALID_STATE` when the case does not have that document (yet);',
            '404 `NOT_FOUND` with `details.kinds` for any other name. Produces `application/pdf` (`content-disposition: inline`,',
            '`cache-control: private, no-store`); errors are JSON.',
          ].join(' '),
          params: fileParams,
          response: { 200: pdfResponse, ...errors },
        },
        config: { policy: policies.authenticated },
      },
      async (req, reply) => {
        const kind = kindOf(req.params.file);
        if (!kind) throw new AppError('NOT_FOUND', { what: 'document', kinds: caseDocumentKinds });
        const { pdf, fileName, asciiName } = await documents.render(actorOf(req), req.params.caseNo, kind, publicBaseUrl(publicUrl, req));
        return reply.type('application/pdf').header('content-disposition', contentDisposition(fileName, asciiName)).send(pdf);
      },
    );
  };
}
