/**
 * Application forms are JSON Schema (draft 2020-12) objects with the rendering hints of
 * react-jsonschema-form in a top-level `ui:schema`. Ajv checks that a form is a valid schema
 * before it is saved, and validates what applicants fill in with the same schema the browser
 * rendered. Compiled validators are kept per schema text.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { LRUCache } from 'lru-cache';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export interface FormProblem {
  /** Dotted path inside the schema or the filled-in data ('' for the root). */
  path: string;
  /** Ajv's keyword (type, required, pattern …). */
  keyword: string;
  message: string;
}

function createAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
  addFormats(ajv);
  // Rendering hints are annotations, not validation keywords.
  ajv.addKeyword({ keyword: 'ui:schema', schemaType: 'object' });
  return ajv;
}

const ajv = createAjv();
const validators = new LRUCache<string, ValidateFunction>({ max: 500 });

const toPath = (pointer: string) =>
  pointer
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');

function problemsOf(errors: ErrorObject[] | null | undefined): FormProblem[] {
  return (errors ?? []).map((e) => {
    const missing = e.keyword === 'required' ? (e.params as { missingProperty?: string }).missingProperty : undefined;
    const path = [toPath(e.instancePath), missing].filter(Boolean).join('.');
    return { path, keyword: e.keyword, message: e.message ?? e.keyword };
  });
}

/** Why `schema` cannot be an application form (empty when it can): a valid 2020-12 schema of an object that compiles. */
export function checkFormSchema(schema: Record<string, unknown>): FormProblem[] {
  if (schema.type !== 'object') return [{ path: 'type', keyword: 'type', message: 'the form must be an object schema ("type": "object")' }];
  if (!ajv.validateSchema(schema)) return problemsOf(ajv.errors);
  try {
    validatorFor(schema);
    return [];
  } catch (err) {
    return [{ path: '', keyword: 'compile', message: err instanceof Error ? err.message : String(err) }];
  }
}

function validatorFor(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    const { $id: _ignored, ...anonymous } = schema; // two versions may share an $id; the cache key is the text
    validate = ajv.compile(anonymous);
    validators.set(key, validate);
  }
  return validate;
}

/** What is wrong with the data an applicant filled in (empty when it satisfies the form). */
export function validateFormData(schema: Record<string, unknown>, data: unknown): FormProblem[] {
  const validate = validatorFor(schema);
  return validate(data) ? [] : problemsOf(validate.errors);
}
