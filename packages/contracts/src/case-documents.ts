/**
 * Documents of a case (办件文书) as printable A4 PDFs: the receipt (收件凭证, then 受理通知书),
 * the refusal (不予受理决定书), the one-time supplement notice (一次性告知书) and the decision
 * (准予 / 不予行政许可决定书, 办结通知书).
 */
import { z } from 'zod';

/** The kinds, as they appear in `GET /api/cases/{caseNo}/documents/{kind}.pdf`. */
export const caseDocumentKinds = ['receipt', 'refusal', 'supplement-notice', 'decision'] as const;
export const caseDocumentKindSchema = z.enum(caseDocumentKinds);
export type CaseDocumentKind = z.infer<typeof caseDocumentKindSchema>;

export const caseDocumentSchema = z
  .object({
    kind: caseDocumentKindSchema,
    /** The title printed on the document (e.g. 受理通知书), or the one it will have. */
    title: z.string(),
    /** Whether the document exists for the case now. */
    available: z.boolean(),
    /** 文书编号, derived from the case number (e.g. `<caseNo>-SL`); null while not available. */
    docNo: z.string().nullable(),
    /** The day it was issued (YYYY-MM-DD, China time); null while not available. */
    issuedOn: z.string().nullable(),
    /** The path of the PDF under the site's origin. */
    url: z.string(),
  })
  .meta({ id: 'CaseDocument' });
export type CaseDocument = z.infer<typeof caseDocumentSchema>;

/** Every kind of document once (a fixed set of four, so not paginated). */
export const caseDocumentListSchema = z.object({ caseNo: z.string(), documents: z.array(caseDocumentSchema) }).meta({ id: 'CaseDocumentList' });
export type CaseDocumentList = z.infer<typeof caseDocumentListSchema>;
