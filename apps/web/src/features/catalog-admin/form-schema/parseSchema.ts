/**
 * Checks of the application form (JSON Schema draft 2020-12 with `ui:*` hints, docs/catalog.md):
 * first that it is JSON (with the line and column of the mistake), then that it is the kind of
 * schema the platform renders: an object with properties, each a schema, `required` naming them
 * and a `ui:order` that lists them.
 */

export type SchemaProblemKey =
  | 'catalogAdmin.form.problems.json'
  | 'catalogAdmin.form.problems.notObject'
  | 'catalogAdmin.form.problems.rootType'
  | 'catalogAdmin.form.problems.properties'
  | 'catalogAdmin.form.problems.property'
  | 'catalogAdmin.form.problems.propertyType'
  | 'catalogAdmin.form.problems.required'
  | 'catalogAdmin.form.problems.orderMissing'
  | 'catalogAdmin.form.problems.orderUnknown';

export interface SchemaProblem {
  key: SchemaProblemKey;
  params: Record<string, string | number>;
  /** 1-based position of a JSON syntax error. */
  line?: number;
  column?: number;
}

export type JsonObject = Record<string, unknown>;

const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'];

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Line and column (1-based) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** Where JSON.parse stopped: engines say "at position N", some add "(line L column C)". */
function syntaxProblem(text: string, error: unknown): SchemaProblem {
  const message = error instanceof Error ? error.message : String(error);
  const lc = /line (\d+) column (\d+)/.exec(message);
  const pos = /position (\d+)/.exec(message);
  const { line, column } = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : lineAndColumn(text, pos ? Number(pos[1]) : text.length);
  return { key: 'catalogAdmin.form.problems.json', params: { line, column, detail: message }, line, column };
}

export type ParseResult = { ok: true; schema: JsonObject } | { ok: false; problem: SchemaProblem };

function hasType(s: JsonObject): boolean {
  if ('enum' in s || 'const' in s || '$ref' in s || 'oneOf' in s || 'anyOf' in s || 'allOf' in s) return true;
  const type = s.type;
  if (typeof type === 'string') return JSON_TYPES.includes(type);
  return Array.isArray(type) && type.length > 0 && type.every((x) => typeof x === 'string' && JSON_TYPES.includes(x));
}

export function parseFormSchema(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: syntaxProblem(text, error) };
  }
  const fail = (key: SchemaProblemKey, params: Record<string, string | number> = {}): ParseResult => ({ ok: false, problem: { key, params } });
  if (!isObject(value)) return fail('catalogAdmin.form.problems.notObject');
  if (value.type !== 'object') return fail('catalogAdmin.form.problems.rootType');
  const properties = value.properties;
  if (!isObject(properties)) return fail('catalogAdmin.form.problems.properties');
  for (const [key, prop] of Object.entries(properties)) {
    if (!isObject(prop)) return fail('catalogAdmin.form.problems.property', { key });
    if (!hasType(prop)) return fail('catalogAdmin.form.problems.propertyType', { key });
  }
  const required = value.required ?? [];
  if (!Array.isArray(required)) return fail('catalogAdmin.form.problems.required', { key: JSON.stringify(required) });
  for (const r of required as unknown[])
    if (typeof r !== 'string' || !(r in properties)) return fail('catalogAdmin.form.problems.required', { key: JSON.stringify(r) });
  const ui = value['ui:schema'];
  const order = isObject(ui) ? ui['ui:order'] : undefined;
  if (Array.isArray(order) && !order.includes('*')) {
    const missing = Object.keys(properties).find((k) => !order.includes(k));
    if (missing) return fail('catalogAdmin.form.problems.orderMissing', { key: missing });
  }
  if (Array.isArray(order)) {
    const unknown = (order as unknown[]).find((k) => typeof k !== 'string' || (k !== '*' && !(k in properties)));
    if (unknown !== undefined) return fail('catalogAdmin.form.problems.orderUnknown', { key: typeof unknown === 'string' ? unknown : JSON.stringify(unknown) });
  }
  return { ok: true, schema: value };
}

export function checkFormSchemaText(text: string): SchemaProblem | null {
  const result = parseFormSchema(text);
  return result.ok ? null : result.problem;
}

/**
 * What the form renderer takes: the schema without `$schema` (the renderer speaks draft-07) and
 * without `ui:*` keys, and the `ui:*` hints gathered into a uiSchema (the top-level 'ui:schema'
 * plus any `ui:*` key written on a property).
 */
export function splitUi(schema: JsonObject): { schema: JsonObject; uiSchema: JsonObject } {
  const uiSchema: JsonObject = isObject(schema['ui:schema']) ? { ...schema['ui:schema'] } : {};
  const strip = (node: JsonObject, ui: JsonObject): JsonObject => {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$schema' || k === 'ui:schema') continue;
      if (k.startsWith('ui:')) {
        ui[k] = v;
        continue;
      }
      if (k === 'properties' && isObject(v)) {
        out.properties = Object.fromEntries(
          Object.entries(v).map(([name, prop]) => {
            if (!isObject(prop)) return [name, prop];
            const child: JsonObject = isObject(ui[name]) ? { ...ui[name] } : {};
            const stripped = strip(prop, child);
            if (Object.keys(child).length > 0) ui[name] = child;
            return [name, stripped];
          }),
        );
        continue;
      }
      out[k] = v;
    }
    return out;
  };
  const cleaned = strip(schema, uiSchema);
  return { schema: cleaned, uiSchema };
}
