import type { ItemContent, ItemSummary } from '@tongban/contracts';
import type { Messages } from '../../../i18n/zh-CN.ts';

/*
 * The catalog's vocabulary as the server speaks it. These are data values (query parameters
 * and codes), not text for people: every label comes from i18next.
 */

export type ServiceFlag = keyof ItemSummary['flags'];
export type ServiceObject = ItemContent['serviceObjects'][number];
export type TimeLimit = ItemContent['legalLimit'];
export type Material = ItemContent['materials'][number];
/** What a material card shows: a guide's material, or a bundle's merged one (which has no source note). */
export type MaterialView = Pick<
  Material,
  'name' | 'kind' | 'form' | 'originalCopies' | 'copyCopies' | 'necessity' | 'source' | 'commitmentAllowed' | 'fillingNotes' | 'acceptanceStandard'
> & { sourceNote?: string };
export type Fee = ItemContent['fees'][number];

// Complete lists, checked by the compiler: adding a value to the contracts breaks the build here.
const flagSet: Record<ServiceFlag, true> = { immediate: true, online: true, oneVisit: true, zeroVisit: true, nearby: true };
const serviceObjectSet: Record<ServiceObject, true> = { '1': true, '2': true, '3': true, '4': true, '5': true, '6': true };

/** 马上办 · 网上办 · 一次办 · 跑零次 · 就近办, in that order. */
export const serviceFlags = Object.keys(flagSet) as ServiceFlag[];
export const serviceObjects = Object.keys(serviceObjectSet) as ServiceObject[];

/** The two audiences the portal filters by: 个人 (自然人, A.4 code 1) and 法人 (企业法人, code 2). */
export type Audience = Extract<ServiceObject, '1' | '2'>;
export const audiences: readonly Audience[] = ['1', '2'];

export const isServiceFlag = (value: string | null): value is ServiceFlag => value !== null && value in flagSet;
export const isAudience = (value: string | null): value is Audience => value === '1' || value === '2';

export type EventKey = keyof Messages['portal']['events'];

/**
 * 服务主题: the theme word the catalog files each item under (the `theme` query parameter),
 * for every life-event and business-theme tile. The word is the same in every language.
 */
export const themeWords: Record<EventKey, string> = {
  birth: '出生',
  school: '入学',
  employment: '就业',
  marriage: '婚育',
  housing: '住房',
  socialSecurity: '社保',
  medical: '医疗',
  retirement: '退休',
  startBusiness: '开办企业',
  construction: '工程建设',
  permits: '经营许可',
  tax: '纳税缴费',
  talent: '人才引进',
  closeBusiness: '企业注销',
};

/** The tile a theme word belongs to, if any (to show the word in the user's language). */
export function eventOfTheme(word: string): EventKey | undefined {
  return (Object.keys(themeWords) as EventKey[]).find((key) => themeWords[key] === word);
}
