// 三办 / 马上办·网上办·就近办·一次办 lists, derived from item elements, and the
// catalog-level metrics of STANDARDS §5.
import { toWorkingDays, type TimeLimitInput } from './time-limit.ts';

/** Structural view of the item elements the flags read; the contract `ItemContent` fits it. */
export interface ServiceFlagsInput {
  /** 办件类型 (A.6) */
  caseType: string;
  channels: { online: boolean };
  /** 网上办理深度 I-IV */
  onlineDepth: readonly string[];
  /** 到办事现场次数 */
  visits: number;
  /** 行使层级 (A.2) */
  exerciseLevels: readonly string[];
  /** 通办范围 */
  crossRegion: string;
}

export interface ServiceFlags {
  /** 马上办: 办件类型 = 即办件 ('1'). */
  immediate: boolean;
  /** 网上办: 是否网办, or 网办深度 Ⅲ/Ⅳ. */
  online: boolean;
  /** 一次办 (最多跑一次): visits ≤ 1. */
  oneVisit: boolean;
  /** 跑零次: visits = 0. */
  zeroVisit: boolean;
  /** 就近办: 镇(乡、街道)级 '5' or 村(社区)级 '6' level, or any 通办 scope. */
  nearby: boolean;
}

export function serviceFlags(item: ServiceFlagsInput): ServiceFlags {
  return {
    immediate: item.caseType === '1',
    online: item.channels.online || item.onlineDepth.includes('III') || item.onlineDepth.includes('IV'),
    oneVisit: item.visits <= 1,
    zeroVisit: item.visits === 0,
    nearby: item.exerciseLevels.includes('5') || item.exerciseLevels.includes('6') || item.crossRegion !== 'none',
  };
}

export interface CatalogStatsInput {
  flags: ServiceFlags;
  legalLimit: TimeLimitInput;
  promisedLimit: TimeLimitInput;
}

export interface FlagStat {
  count: number;
  /** count / total; 0 when total is 0. */
  ratio: number;
}

export interface CatalogStats {
  total: number;
  immediate: FlagStat;
  online: FlagStat;
  oneVisit: FlagStat;
  zeroVisit: FlagStat;
  nearby: FlagStat;
  /**
   * 承诺时限压缩比 (STANDARDS §5): (Σ法定 − Σ承诺) / Σ法定 in working days, over items
   * whose legal limit is > 0 working days; rounded to 4 decimals, 0 when there are none.
   */
  compressionRatio: number;
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** Item-based (事项口径) catalog metrics: 即办件占比, 网上可办率, 最多跑一次率, 跑零次率, 就近办, 压缩比. */
export function catalogStats(items: readonly CatalogStatsInput[]): CatalogStats {
  const total = items.length;
  const stat = (flag: keyof ServiceFlags): FlagStat => {
    const count = items.filter((i) => i.flags[flag]).length;
    return { count, ratio: total === 0 ? 0 : count / total };
  };
  let legalSum = 0;
  let promisedSum = 0;
  for (const item of items) {
    const legal = toWorkingDays(item.legalLimit);
    if (legal <= 0) continue;
    legalSum += legal;
    promisedSum += toWorkingDays(item.promisedLimit);
  }
  return {
    total,
    immediate: stat('immediate'),
    online: stat('online'),
    oneVisit: stat('oneVisit'),
    zeroVisit: stat('zeroVisit'),
    nearby: stat('nearby'),
    compressionRatio: legalSum === 0 ? 0 : round4((legalSum - promisedSum) / legalSum),
  };
}
