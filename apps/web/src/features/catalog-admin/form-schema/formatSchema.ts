import { isObject, type JsonObject } from './parseSchema.ts';

const TOP = ['$schema', 'title', 'description', 'type', 'required', 'properties', 'additionalProperties', 'ui:schema'];
const FIELD = ['title', 'description', 'type', 'format', 'pattern', 'enum', 'minLength', 'maxLength', 'minimum', 'maximum', 'items', 'required', 'properties'];

function ordered(obj: JsonObject, first: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const k of first) if (k in obj) out[k] = obj[k];
  for (const [k, v] of Object.entries(obj)) if (!(k in out)) out[k] = v;
  return out;
}

function orderField(field: unknown): unknown {
  if (!isObject(field)) return field;
  const out = ordered(field, FIELD);
  if (isObject(out.properties)) out.properties = Object.fromEntries(Object.entries(out.properties).map(([k, v]) => [k, orderField(v)]));
  return out;
}

/**
 * The form as text for people: the usual keys first, the fields in their `ui:order` (the
 * database keeps no key order, so the text would otherwise come back shuffled after saving).
 */
export function formatSchema(schema: unknown): string {
  if (!isObject(schema)) return JSON.stringify(schema, null, 2);
  const out = ordered(schema, TOP);
  const ui = isObject(out['ui:schema']) ? ordered(out['ui:schema'], ['ui:order']) : undefined;
  if (ui) out['ui:schema'] = ui;
  if (isObject(out.properties)) {
    const order = Array.isArray(ui?.['ui:order']) ? (ui['ui:order'] as unknown[]).filter((k): k is string => typeof k === 'string') : [];
    const props = ordered(out.properties, order);
    out.properties = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, orderField(v)]));
  }
  return JSON.stringify(out, null, 2);
}
