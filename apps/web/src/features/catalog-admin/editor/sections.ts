import type { ItemContent } from '@tongban/contracts';
import type { FieldName } from '../../../app/forms.ts';
import type { EditorValues } from './values.ts';

/** The editor's tabs, in order. */
export const sectionKeys = ['basic', 'process', 'time', 'materials', 'fees', 'faq', 'form', 'other'] as const;
export type SectionKey = (typeof sectionKeys)[number];

type FieldKey = keyof EditorValues;

// Every field of the form in exactly one tab (checked by the compiler).
const sectionOfField: Record<FieldKey, SectionKey> = {
  departmentId: 'basic',
  level: 'basic',
  implCode: 'basic',
  name: 'basic',
  baseCode: 'basic',
  itemType: 'basic',
  exerciseLevels: 'basic',
  legalBasis: 'basic',
  powerSource: 'basic',
  bodyNature: 'basic',
  jointDepartments: 'basic',
  serviceObjects: 'basic',
  personThemes: 'basic',
  businessThemes: 'basic',
  keywords: 'basic',
  acceptanceConditions: 'process',
  procedure: 'process',
  intermediaryServices: 'process',
  specialProcedures: 'process',
  quantityLimit: 'process',
  legalLimit: 'time',
  promisedLimit: 'time',
  caseType: 'time',
  visits: 'time',
  visitsReason: 'time',
  onlineDepth: 'time',
  crossRegion: 'time',
  channels: 'time',
  place: 'time',
  hours: 'time',
  materials: 'materials',
  charged: 'fees',
  fees: 'fees',
  faq: 'faq',
  formSchemaText: 'form',
  consultationPhone: 'other',
  supervisionPhone: 'other',
  resultName: 'other',
  resultSample: 'other',
  resultLicenceType: 'other',
};

/** Lists edited row by row in a drawer: a problem inside one opens that row. */
export type RowList = 'materials' | 'fees' | 'faq';
const rowLists: readonly string[] = ['materials', 'fees', 'faq'];
/** Lists of plain values edited as one field (tags, checkboxes). */
const valueLists: readonly string[] = ['exerciseLevels', 'jointDepartments', 'onlineDepth', 'serviceObjects', 'personThemes', 'businessThemes', 'keywords'];

/** Where a problem at a content path ('promisedLimit', 'materials.2.licenceType') is fixed. */
export interface FieldTarget {
  section: SectionKey;
  /** The form field to scroll to and focus. */
  name: FieldName;
  /** The top-level element ('materials'), for the label. */
  field: FieldKey;
  /** The row of a row list, when the problem is inside one. */
  row?: { list: RowList; index: number; field?: string };
}

const isFieldKey = (key: string): key is FieldKey => key in sectionOfField;

/**
 * Maps a path of the server (with or without the request's 'content.' prefix) or of the form to
 * the field that fixes it; null when the path is not a field of the editor.
 */
export function targetOf(rawPath: string, procedureLength = Number.POSITIVE_INFINITY): FieldTarget | null {
  const path = rawPath.replace(/^content\./, '');
  const [head = '', ...rest] = path.split('.');
  const top = head === 'formSchema' ? 'formSchemaText' : head;
  if (!isFieldKey(top)) return null;
  const section = sectionOfField[top];
  if (rowLists.includes(top)) {
    const index = Number(rest[0]);
    const list = top as RowList;
    return Number.isInteger(index)
      ? { section, name: [top], field: top, row: { list, index, ...(rest[1] ? { field: rest[1] } : {}) } }
      : { section, name: [top], field: top };
  }
  if (valueLists.includes(top) || top === 'formSchemaText') return { section, name: [top], field: top };
  if (top === 'legalLimit' || top === 'promisedLimit')
    return { section, name: [top, rest[0] === 'unit' || rest[0] === 'note' ? rest[0] : 'value'], field: top };
  if (top === 'channels') return { section, name: rest[0] ? [top, rest[0]] : [top, 'online'], field: top };
  if (top === 'procedure') {
    const index = Number(rest[0]);
    if (Number.isInteger(index) && index < procedureLength)
      return { section, name: [top, index, rest[1] === 'description' ? 'description' : 'step'], field: top };
    return { section, name: [top], field: top };
  }
  return { section, name: [top], field: top };
}

/** Sections of the content keys, for the version diff. */
export function sectionOfContentKey(key: keyof ItemContent): SectionKey {
  return key === 'formSchema' ? 'form' : sectionOfField[key];
}
