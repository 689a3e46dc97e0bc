/** Renders every error as `{ error, message, details, requestId }` in the caller's language. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { errorCatalogue, errorMessage, fieldMessage, pickLanguage, type ErrorCode, type FieldIssue, type Language } from '@tongban/contracts';
import { AppError, fromDatabaseError } from '../errors.ts';

export function languageOf(req: FastifyRequest): Language {
  const cookie = (req.cookies as Record<string, string | undefined> | undefined)?.tb_lang;
  return pickLanguage(cookie ?? req.headers['accept-language']);
}

export function sendError(req: FastifyRequest, reply: FastifyReply, code: ErrorCode, details?: unknown) {
  return reply
    .status(errorCatalogue[code].status)
    .type('application/json; charset=utf-8')
    .send({ error: code, message: errorMessage(code, languageOf(req)), ...(details === undefined ? {} : { details }), requestId: req.id });
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const lang = languageOf(req);
  if (err instanceof AppError) return sendError(req, reply, err.code, translateIssues(err.details, lang));
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = err.validationContext && err.validationContext !== 'body' ? [err.validationContext] : [];
    const issues: FieldIssue[] = err.validation.map((v) => {
      const path = [...context, ...v.instancePath.split('/').filter(Boolean)].join('.');
      const message = fieldMessage(v.message ?? '', lang) ?? genericFieldMessage(v.keyword, v.message, lang);
      return { path, code: v.keyword, message };
    });
    return sendError(req, reply, 'VALIDATION_FAILED', { issues });
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err, issues: err.cause.issues }, 'response did not match its contract');
    return sendError(req, reply, 'INTERNAL');
  }
  const fromDb = fromDatabaseError(err);
  if (fromDb) return sendError(req, reply, fromDb.code, fromDb.details);
  const status = err.statusCode ?? 500;
  if (status === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(req, reply, 'PAYLOAD_TOO_LARGE');
  if (status === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendError(req, reply, 'UNSUPPORTED_MEDIA_TYPE');
  if (status === 429) return sendError(req, reply, 'RATE_LIMITED');
  if (status >= 400 && status < 500) return sendError(req, reply, 'BAD_REQUEST', { reason: err.code ?? err.message });
  req.log.error({ err }, 'unhandled error');
  return sendError(req, reply, 'INTERNAL');
}

function genericFieldMessage(code: string, raw: string | undefined, lang: Language): string {
  const key = code === 'invalid_type' && raw?.includes('received undefined') ? 'generic.required' : `generic.${code}`;
  return fieldMessage(key, lang) ?? fieldMessage('generic.invalid', lang) ?? 'invalid';
}

/** Field issues raised by services carry message keys: render them in the caller's language. */
function translateIssues(details: unknown, lang: Language): unknown {
  if (!details || typeof details !== 'object' || !Array.isArray((details as { issues?: unknown }).issues)) return details;
  const issues = (details as { issues: FieldIssue[] }).issues.map((i) => ({ ...i, message: fieldMessage(i.message, lang) ?? i.message }));
  return { ...details, issues };
}
