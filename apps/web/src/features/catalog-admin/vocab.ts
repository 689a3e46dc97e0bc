import type { ItemContent, ItemStatus, Material } from '@tongban/contracts';

/*
 * The enumerations of an item (GB/T 39046 Appendix A and the platform's own). Values only:
 * every label comes from i18next. Complete lists, checked by the compiler: adding a value to
 * the contracts breaks the build here.
 */

export type ItemType = ItemContent['itemType'];
export type ExerciseLevel = ItemContent['exerciseLevels'][number];
export type BodyNature = ItemContent['bodyNature'];
export type PowerSource = ItemContent['powerSource'];
export type CaseType = ItemContent['caseType'];
export type TimeUnit = ItemContent['legalLimit']['unit'];
export type OnlineDepth = ItemContent['onlineDepth'][number];
export type CrossRegion = ItemContent['crossRegion'];
export type Channel = keyof ItemContent['channels'];
export type ServiceObject = ItemContent['serviceObjects'][number];
export type MaterialKind = Material['kind'];
export type MaterialForm = Material['form'];
export type Necessity = Material['necessity'];
export type MaterialSource = Material['source'];

const keys = <K extends string>(set: Record<K, true>): K[] => Object.keys(set) as K[];

export const itemTypes = keys<ItemType>({
  '00': true,
  '01': true,
  '02': true,
  '03': true,
  '04': true,
  '05': true,
  '06': true,
  '07': true,
  '08': true,
  '09': true,
  '10': true,
  '11': true,
  '20': true,
  '21': true,
});
export const exerciseLevels = keys<ExerciseLevel>({ '1': true, '2': true, '3': true, '4': true, '5': true, '6': true, '7': true });
export const bodyNatures = keys<BodyNature>({ '1': true, '2': true, '3': true, '9': true });
export const powerSources = keys<PowerSource>({ statutory: true, delegated: true, entrusted: true, other: true });
export const caseTypes = keys<CaseType>({ '1': true, '2': true, '9': true });
export const timeUnits = keys<TimeUnit>({ immediate: true, working_day: true, natural_day: true, month: true, year: true });
export const onlineDepths = keys<OnlineDepth>({ I: true, II: true, III: true, IV: true });
export const crossRegions = keys<CrossRegion>({ none: true, national: true, cross_province: true, cross_city: true, cross_county: true });
export const channels = keys<Channel>({ online: true, inHall: true, appointment: true, onlinePayment: true, express: true, kiosk: true });
export const serviceObjects = keys<ServiceObject>({ '1': true, '2': true, '3': true, '4': true, '5': true, '6': true });
export const materialKinds = keys<MaterialKind>({ original: true, copy: true, original_and_copy: true, original_or_copy: true });
export const materialForms = keys<MaterialForm>({ paper: true, electronic: true, paper_and_electronic: true });
export const necessities = keys<Necessity>({ required: true, optional: true, deferrable: true });
export const materialSources = keys<MaterialSource>({ applicant: true, government: true, licence_library: true, online_form: true });
export const itemStatuses = keys<ItemStatus>({ draft: true, submitted: true, published: true, retired: true });

export const isItemStatus = (value: string | null): value is ItemStatus => value !== null && (itemStatuses as string[]).includes(value);

/** What ends one tag and starts the next in tag inputs: the ASCII comma, and the Chinese comma and enumeration comma people type. */
export const TAG_SEPARATORS = [',', '\uFF0C', '\u3001'];
