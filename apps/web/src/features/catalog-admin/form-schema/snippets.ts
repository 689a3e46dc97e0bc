import type { TFunction } from 'i18next';
import { formatSchema } from './formatSchema.ts';
import { isObject, type JsonObject } from './parseSchema.ts';

export const snippetKinds = ['text', 'idNumber', 'date', 'select', 'address'] as const;
export type SnippetKind = (typeof snippetKinds)[number];

interface Snippet {
  key: string;
  schema: JsonObject;
  ui?: JsonObject;
  required: boolean;
}

/** The starter fields, titled in the editor's language (the admin renames them afterwards). */
function snippet(kind: SnippetKind, t: TFunction): Snippet {
  switch (kind) {
    case 'text':
      return { key: 'text', schema: { type: 'string', title: t('catalogAdmin.form.snippetTitles.text'), minLength: 1, maxLength: 100 }, required: true };
    case 'idNumber':
      return {
        key: 'idNumber',
        schema: { type: 'string', title: t('catalogAdmin.form.snippetTitles.idNumber'), pattern: '^[1-9]\\d{16}[0-9X]$' },
        ui: { 'ui:placeholder': t('catalogAdmin.form.snippetTitles.idNumberHint') },
        required: true,
      };
    case 'date':
      return {
        key: 'date',
        schema: { type: 'string', title: t('catalogAdmin.form.snippetTitles.date'), format: 'date' },
        ui: { 'ui:widget': 'date' },
        required: true,
      };
    case 'select':
      return {
        key: 'choice',
        schema: {
          type: 'string',
          title: t('catalogAdmin.form.snippetTitles.select'),
          enum: [t('catalogAdmin.form.snippetTitles.option1'), t('catalogAdmin.form.snippetTitles.option2')],
        },
        ui: { 'ui:widget': 'select' },
        required: true,
      };
    case 'address':
      return {
        key: 'address',
        schema: {
          type: 'object',
          title: t('catalogAdmin.form.snippetTitles.address'),
          required: ['region', 'detail'],
          properties: {
            region: { type: 'string', title: t('catalogAdmin.form.snippetTitles.region'), minLength: 2, maxLength: 50 },
            detail: { type: 'string', title: t('catalogAdmin.form.snippetTitles.detail'), minLength: 2, maxLength: 200 },
          },
        },
        required: true,
      };
  }
}

/**
 * Adds a starter field to the schema text: a key not yet used, listed in `required` and at the
 * end of `ui:order` (created when missing, because the database does not keep key order).
 * Null when the text is not a JSON object yet.
 */
export function insertSnippet(text: string, kind: SnippetKind, t: TFunction): string | null {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(root)) return null;
  const s = snippet(kind, t);
  const properties: JsonObject = isObject(root.properties) ? { ...root.properties } : {};
  let key = s.key;
  for (let n = 2; key in properties; n += 1) key = `${s.key}${n}`;
  const existing = Object.keys(properties);
  properties[key] = s.schema;
  const ui: JsonObject = isObject(root['ui:schema']) ? { ...root['ui:schema'] } : {};
  const order = Array.isArray(ui['ui:order']) ? (ui['ui:order'] as unknown[]) : existing;
  ui['ui:order'] = order.includes('*') ? [...order.filter((k) => k !== '*'), key, '*'] : [...order, key];
  if (s.ui) ui[key] = s.ui;
  const required = Array.isArray(root.required) ? (root.required as unknown[]) : [];
  const next: JsonObject = {
    ...root,
    type: 'object',
    required: s.required ? [...required, key] : required,
    properties,
    'ui:schema': ui,
  };
  return formatSchema(next);
}
