import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './apiError.ts';

export type FieldName = (string | number)[];

export interface SummaryItem {
  key: string;
  text: string;
  /** The form field the item points to, when it is one of this form's fields. */
  name?: FieldName;
}

export interface ErrorSummary {
  title: string;
  items: SummaryItem[];
}

/** 'members.0.name' → ['members', 0, 'name'] */
export function toFieldName(path: string): FieldName {
  return path.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

interface ClientFieldError {
  name: FieldName;
  errors: string[];
}

/**
 * Turns a failed submission into messages beside the fields (form.setFields) and a summary for
 * the top of the form. What the user typed stays in the form. `labels` maps a field path
 * ('regionCode') to its label, so the summary says which field is wrong and can focus it.
 */
export function useFormErrors(form: FormInstance, labels: Record<string, string>) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState<ErrorSummary | null>(null);

  const label = useCallback(
    (path: string, text: string) => {
      const l = labels[path];
      return l ? t('common.labelValue', { label: l, value: text }) : text;
    },
    [labels, t],
  );

  const showError = useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.code === 'VALIDATION_FAILED' && error.issues.length > 0) {
        const byPath = new Map<string, string[]>();
        for (const issue of error.issues) byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue.message]);
        form.setFields(
          [...byPath.entries()].filter(([path]) => path !== '' && labels[path] !== undefined).map(([path, errors]) => ({ name: toFieldName(path), errors })),
        );
        setSummary({
          title: error.message,
          items: error.issues.map((issue, i) => ({
            key: `${issue.path}-${i}`,
            text: label(issue.path, issue.message),
            ...(labels[issue.path] !== undefined ? { name: toFieldName(issue.path) } : {}),
          })),
        });
        return;
      }
      const items: SummaryItem[] = [];
      if (isApiError(error)) {
        switch (error.code) {
          case 'CONFLICT':
            items.push({ key: 'hint', text: t('errors.conflictAction') });
            break;
          case 'FORBIDDEN':
            items.push({ key: 'hint', text: t('errors.forbiddenAction') });
            break;
          case 'CSRF_FAILED':
            items.push({ key: 'hint', text: t('errors.csrfAction') });
            break;
          default:
            break;
        }
        if (error.requestId && error.status >= 500) {
          items.push({ key: 'rid', text: t('errors.requestId', { id: error.requestId }) });
        }
      }
      setSummary({ title: isApiError(error) ? error.message : t('errors.badResponse'), items });
    },
    [form, label, labels, t],
  );

  /** For antd's onFinishFailed: the same summary for problems found before sending. */
  const showClientErrors = useCallback(
    (fields: ClientFieldError[]) => {
      const items = fields
        .filter((f) => f.errors.length > 0)
        .map((f) => {
          const path = f.name.join('.');
          return { key: path, text: label(path, f.errors[0] ?? ''), name: f.name };
        });
      setSummary(items.length > 0 ? { title: t('errors.summaryTitle'), items } : null);
    },
    [label, t],
  );

  const clearErrors = useCallback(() => setSummary(null), []);

  return { summary, showError, showClientErrors, clearErrors };
}
