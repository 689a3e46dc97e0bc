import { z } from 'zod';
import { parseCreditCode, parseResidentId, normaliseIdentifier } from '@tongban/domain';

export const uuidSchema = z.uuid();

/** Query parameters every list accepts. Lists always paginate. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(100).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** 公民身份号码 (GB 11643): normalised to upper-case ASCII, checked in full. */
export const residentIdSchema = z
  .string()
  .transform((s) => normaliseIdentifier(s))
  .superRefine((s, ctx) => {
    const r = parseResidentId(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: `residentId.${r.reason}` });
  });

/** 统一社会信用代码 (GB 32100): normalised, with both embedded checks. */
export const creditCodeSchema = z
  .string()
  .transform((s) => normaliseIdentifier(s))
  .superRefine((s, ctx) => {
    const r = parseCreditCode(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: `creditCode.${r.reason}` });
  });

export const mobilePhoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { message: 'phone.format' });

export const okSchema = z.object({ ok: z.literal(true) });
