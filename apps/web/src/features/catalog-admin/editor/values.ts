import type { ItemContent } from '@tongban/contracts';
import { formatSchema } from '../form-schema/formatSchema.ts';
import type { ExerciseLevel } from '../vocab.ts';

/**
 * What the editor's form holds: the item content, with the nullable texts as '' and the
 * application form as the JSON text being typed. `departmentId`, `level` and `implCode` are
 * asked only when creating an item.
 */
export interface EditorValues extends Omit<ItemContent, 'formSchema' | 'resultSample' | 'resultLicenceType'> {
  resultSample: string;
  resultLicenceType: string;
  formSchemaText: string;
  departmentId?: string | null;
  level?: ExerciseLevel;
  implCode?: string;
}

export const EMPTY_FORM_SCHEMA: Record<string, unknown> = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: [],
  properties: {},
};

/** A new item: the contract's defaults, nothing chosen yet. */
export function emptyContent(): ItemContent {
  return {
    name: '',
    baseCode: '',
    itemType: '01',
    exerciseLevels: [],
    legalBasis: '',
    powerSource: 'statutory',
    bodyNature: '1',
    jointDepartments: [],
    acceptanceConditions: '',
    procedure: [],
    legalLimit: { value: 20, unit: 'working_day', note: '' },
    promisedLimit: { value: 10, unit: 'working_day', note: '' },
    caseType: '2',
    visits: 1,
    visitsReason: '',
    onlineDepth: [],
    serviceObjects: [],
    personThemes: [],
    businessThemes: [],
    crossRegion: 'none',
    channels: { appointment: false, onlinePayment: false, express: false, kiosk: false, inHall: true, online: false },
    place: '',
    hours: '',
    consultationPhone: '',
    supervisionPhone: '',
    resultName: '',
    resultSample: null,
    resultLicenceType: null,
    charged: false,
    fees: [],
    faq: [],
    intermediaryServices: '',
    specialProcedures: '',
    quantityLimit: '',
    keywords: [],
    materials: [],
    formSchema: EMPTY_FORM_SCHEMA,
  };
}

export function toValues(content: ItemContent): EditorValues {
  const { formSchema, resultSample, resultLicenceType, ...rest } = content;
  return { ...rest, resultSample: resultSample ?? '', resultLicenceType: resultLicenceType ?? '', formSchemaText: formatSchema(formSchema) };
}

const orNull = (s: string | null | undefined): string | null => (s && s.trim() !== '' ? s : null);
const numberOr = (n: number | null | undefined, fallback: number): number => (typeof n === 'number' && Number.isFinite(n) ? n : fallback);

function parseObject(text: string | undefined, fallback: Record<string, unknown>): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text ?? '');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : fallback;
  } catch {
    return fallback;
  }
}

/**
 * The content to send, built key by key in one order (so two results compare as JSON). A value
 * the form does not hold (yet) comes from `base`; an unparsable form text keeps `base`'s form.
 */
export function toContent(values: Partial<EditorValues>, base: ItemContent): ItemContent {
  const v = { ...toValues(base), ...values };
  const limit = (l: ItemContent['legalLimit'] | undefined, b: ItemContent['legalLimit']) => ({
    value: l?.unit === 'immediate' ? 0 : numberOr(l?.value, b.value),
    unit: l?.unit ?? b.unit,
    note: l?.note ?? '',
  });
  return {
    name: v.name,
    baseCode: v.baseCode,
    itemType: v.itemType,
    exerciseLevels: v.exerciseLevels,
    legalBasis: v.legalBasis,
    powerSource: v.powerSource,
    bodyNature: v.bodyNature,
    jointDepartments: v.jointDepartments,
    acceptanceConditions: v.acceptanceConditions ?? '',
    procedure: (v.procedure ?? []).map((p) => ({ step: p?.step ?? '', description: p?.description ?? '' })),
    legalLimit: limit(v.legalLimit, base.legalLimit),
    promisedLimit: limit(v.promisedLimit, base.promisedLimit),
    caseType: v.caseType,
    visits: numberOr(v.visits, base.visits),
    visitsReason: v.visitsReason ?? '',
    onlineDepth: v.onlineDepth,
    serviceObjects: v.serviceObjects,
    personThemes: v.personThemes,
    businessThemes: v.businessThemes,
    crossRegion: v.crossRegion,
    channels: {
      appointment: Boolean(v.channels?.appointment),
      onlinePayment: Boolean(v.channels?.onlinePayment),
      express: Boolean(v.channels?.express),
      kiosk: Boolean(v.channels?.kiosk),
      inHall: Boolean(v.channels?.inHall),
      online: Boolean(v.channels?.online),
    },
    place: v.place ?? '',
    hours: v.hours ?? '',
    consultationPhone: v.consultationPhone ?? '',
    supervisionPhone: v.supervisionPhone ?? '',
    resultName: v.resultName ?? '',
    resultSample: orNull(v.resultSample),
    resultLicenceType: orNull(v.resultLicenceType),
    charged: Boolean(v.charged),
    fees: v.fees,
    faq: v.faq,
    intermediaryServices: v.intermediaryServices ?? '',
    specialProcedures: v.specialProcedures ?? '',
    quantityLimit: v.quantityLimit ?? '',
    keywords: v.keywords,
    materials: v.materials,
    formSchema: parseObject(v.formSchemaText, base.formSchema),
  };
}

/** JSON with object keys sorted, so the database's key order does not count as a change. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Same content, whatever the key order? */
export function sameContent(a: ItemContent, b: ItemContent): boolean {
  return stableJson(a) === stableJson(b);
}
