/**
 * Where the server's field problems belong on the counter page: the applicant, the materials,
 * the delivery (antd fields), the application form (react-jsonschema-form errors) or the
 * action's own dialog (reason, legal basis, opinion).
 */
import type { ErrorSchema } from '@rjsf/utils';
import type { FieldIssue } from '@tongban/contracts';
import type { ApplicantKind, SentMaterial } from './walkIn.ts';

export type FieldName = (string | number)[];

export interface PlacedIssues {
  /** antd fields of the page's form. */
  page: { name: FieldName; errors: string[] }[];
  /** antd fields of the action dialog. */
  dialog: { name: FieldName; errors: string[] }[];
  /** Errors of the application form, by property. */
  form: ErrorSchema;
  /** Form property → message, to list in the summary with the field's title. */
  formMessages: { property: string; message: string }[];
  /** What has no field: shown in the summary only. */
  loose: string[];
}

const applicantField = (kind: ApplicantKind, key: string): string | null => {
  const person: Record<string, string> = { idNumber: 'idNumber', name: 'name', phone: 'phone' };
  const organisation: Record<string, string> = { idNumber: 'creditCode', name: 'orgName', phone: 'orgPhone', contactName: 'contactName' };
  return (kind === 'person' ? person : organisation)[key] ?? null;
};

export function placeIssues(
  issues: readonly FieldIssue[],
  ctx: { kind: ApplicantKind; sent: readonly SentMaterial[]; missing: readonly string[] },
): PlacedIssues {
  const out: PlacedIssues = { page: [], dialog: [], form: {}, formMessages: [], loose: [] };
  const add = (list: PlacedIssues['page'], name: FieldName, message: string) => {
    const at = list.find((f) => f.name.join('.') === name.join('.'));
    if (at) at.errors.push(message);
    else list.push({ name, errors: [message] });
  };
  for (const issue of issues) {
    const parts = issue.path.split('.');
    const [head, second, third] = parts;
    if (head === 'onBehalfOf' && second) {
      const field = applicantField(ctx.kind, second);
      if (field) add(out.page, ['applicant', field], issue.message);
      else out.loose.push(issue.message);
    } else if (head === 'delivery') {
      const leaf = parts[parts.length - 1];
      if (leaf && ['recipient', 'phone', 'address', 'postcode'].includes(leaf)) add(out.page, ['delivery', leaf], issue.message);
      else add(out.page, ['delivery', 'method'], issue.message);
    } else if (head === 'materials' && second !== undefined) {
      // `materials.<index>.<field>` of the list sent, or `materials.<key>` (受理: a material missing).
      const key = /^\d+$/.test(second) ? ctx.sent[Number(second)]?.materialKey : second;
      if (key) add(out.page, ['marks', key], issue.message);
      else out.loose.push(issue.message);
    } else if (head === 'missing' && second !== undefined && /^\d+$/.test(second)) {
      const key = ctx.missing[Number(second)];
      if (key) add(out.page, [third === 'note' ? 'notes' : 'marks', key], issue.message);
      else out.loose.push(issue.message);
    } else if (head === 'formData' && second) {
      const current = (out.form[second] as { __errors?: string[] } | undefined)?.__errors ?? [];
      out.form[second] = { __errors: [...current, issue.message] } as ErrorSchema;
      out.formMessages.push({ property: second, message: issue.message });
    } else if (head === 'reason' || head === 'legalBasis' || head === 'opinion') {
      add(out.dialog, [head], issue.message);
    } else {
      out.loose.push(issue.message);
    }
  }
  return out;
}
