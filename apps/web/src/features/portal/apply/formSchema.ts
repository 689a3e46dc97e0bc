/**
 * The application form's JSON Schema carries `ui:*` hints (docs/catalog.md) beside the schema
 * keywords; react-jsonschema-form wants them apart. Pure.
 */
export type JsonObject = Record<string, unknown>;

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schema without `ui:*` keys, and the uiSchema they make (a `ui:schema` object is its start). */
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
  return { schema: strip(schema, uiSchema), uiSchema };
}

/** The fields of the form in display order, with their titles (for the summary before submitting). */
export function formFields(schema: JsonObject): { key: string; title: string }[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const ui = isObject(schema['ui:schema']) ? schema['ui:schema'] : {};
  const order = Array.isArray(ui['ui:order']) ? ui['ui:order'].filter((k): k is string => typeof k === 'string' && k in properties) : [];
  const keys = [...order, ...Object.keys(properties).filter((k) => !order.includes(k))];
  return keys.map((key) => {
    const prop = properties[key];
    return { key, title: isObject(prop) && typeof prop.title === 'string' ? prop.title : key };
  });
}

/** A form value in words: lists joined, booleans as yes/no, nothing as an empty string. */
export function valueText(value: unknown, yes: string, no: string, separator: string): string {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) return value.map((v) => valueText(v, yes, no, separator)).join(separator);
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'object') return JSON.stringify(value);
  return typeof value === 'number' ? String(value) : (value as string);
}
