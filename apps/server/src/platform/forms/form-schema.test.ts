import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../../db/seed/catalog/index.ts';
import { checkFormSchema, validateFormData } from './form-schema.ts';

const form = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['name', 'idNumber'],
  properties: {
    name: { type: 'string', minLength: 2 },
    idNumber: { type: 'string', pattern: '^[1-9]\\d{16}[0-9X]$' },
    birthday: { type: 'string', format: 'date' },
  },
  additionalProperties: false,
  'ui:schema': { 'ui:order': ['name', 'idNumber', 'birthday'] },
};

describe('application form schemas', () => {
  it('accepts every demo form and a form with rendering hints', () => {
    expect(checkFormSchema(form)).toEqual([]);
    for (const item of demoCatalog) expect(checkFormSchema(item.content.formSchema as Record<string, unknown>), item.content.name).toEqual([]);
  });

  it('refuses a form that is not an object, has a wrong keyword value, a broken pattern or an unresolved reference', () => {
    expect(checkFormSchema({ type: 'string' })).toMatchObject([{ path: 'type' }]);
    expect(checkFormSchema({ type: 'object', properties: { a: { type: 'strin' } } })[0]).toMatchObject({ path: 'properties.a.type' });
    expect(checkFormSchema({ type: 'object', properties: { a: { type: 'string', pattern: '([' } } })[0]).toMatchObject({ keyword: 'compile' });
    expect(checkFormSchema({ type: 'object', $ref: '#/$defs/none' })[0]).toMatchObject({ keyword: 'compile' });
    expect(checkFormSchema({ type: 'object', madeUpKeyword: true })).not.toEqual([]);
  });

  it('validates filled-in data with the form: every problem with its field', () => {
    expect(validateFormData(form, { name: '张三', idNumber: '11010519491231002X', birthday: '1949-12-31' })).toEqual([]);
    const problems = validateFormData(form, { name: '张', birthday: '1949-13-45', extra: 1 });
    expect(problems.map((p) => [p.path, p.keyword]).sort()).toEqual([
      ['', 'additionalProperties'],
      ['birthday', 'format'],
      ['idNumber', 'required'],
      ['name', 'minLength'],
    ]);
  });
});
