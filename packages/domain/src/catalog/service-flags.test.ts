import { describe, it, expect } from 'vitest';
import { catalogStats, serviceFlags, type ServiceFlags, type ServiceFlagsInput } from './service-flags.ts';
import type { TimeLimitInput } from './time-limit.ts';

const base: ServiceFlagsInput = {
  caseType: '2',
  channels: { online: false },
  onlineDepth: ['I'],
  visits: 2,
  exerciseLevels: ['3'],
  crossRegion: 'none',
};

const NONE: ServiceFlags = { immediate: false, online: false, oneVisit: false, zeroVisit: false, nearby: false };
const days = (value: number): TimeLimitInput => ({ value, unit: 'working_day' });

describe('serviceFlags', () => {
  it('sets no flag for a counter-only city item with two visits', () => {
    expect(serviceFlags(base)).toEqual(NONE);
  });

  it('马上办 follows the 即办件 case type', () => {
    expect(serviceFlags({ ...base, caseType: '1' }).immediate).toBe(true);
  });

  it('网上办 follows the online channel or depth III/IV', () => {
    expect(serviceFlags({ ...base, channels: { online: true } }).online).toBe(true);
    expect(serviceFlags({ ...base, onlineDepth: ['III'] }).online).toBe(true);
    expect(serviceFlags({ ...base, onlineDepth: ['IV'] }).online).toBe(true);
    expect(serviceFlags({ ...base, onlineDepth: ['I', 'II'] }).online).toBe(false);
  });

  it('一次办 and 跑零次 follow the visit count', () => {
    expect(serviceFlags({ ...base, visits: 1 })).toMatchObject({ oneVisit: true, zeroVisit: false });
    expect(serviceFlags({ ...base, visits: 0 })).toMatchObject({ oneVisit: true, zeroVisit: true });
  });

  it('就近办 follows township/village levels or a 通办 scope', () => {
    expect(serviceFlags({ ...base, exerciseLevels: ['4', '5'] }).nearby).toBe(true);
    expect(serviceFlags({ ...base, exerciseLevels: ['6'] }).nearby).toBe(true);
    expect(serviceFlags({ ...base, crossRegion: 'cross_province' }).nearby).toBe(true);
    expect(serviceFlags({ ...base, exerciseLevels: ['4', '7'] }).nearby).toBe(false);
  });
});

describe('catalogStats', () => {
  it('returns zeros for an empty catalog', () => {
    const zero = { count: 0, ratio: 0 };
    expect(catalogStats([])).toEqual({ total: 0, immediate: zero, online: zero, oneVisit: zero, zeroVisit: zero, nearby: zero, compressionRatio: 0 });
  });

  it('counts flags and computes ratios and the compression ratio', () => {
    const stats = catalogStats([
      { flags: { ...NONE, immediate: true, oneVisit: true, zeroVisit: true }, legalLimit: days(20), promisedLimit: { value: 0, unit: 'immediate' } },
      { flags: { ...NONE, online: true, oneVisit: true }, legalLimit: days(20), promisedLimit: days(5) },
      { flags: { ...NONE, nearby: true }, legalLimit: { value: 0, unit: 'immediate' }, promisedLimit: { value: 0, unit: 'immediate' } },
      { flags: NONE, legalLimit: { value: 1, unit: 'month' }, promisedLimit: days(21) },
    ]);
    expect(stats.total).toBe(4);
    expect(stats.immediate).toEqual({ count: 1, ratio: 0.25 });
    expect(stats.online).toEqual({ count: 1, ratio: 0.25 });
    expect(stats.oneVisit).toEqual({ count: 2, ratio: 0.5 });
    expect(stats.zeroVisit).toEqual({ count: 1, ratio: 0.25 });
    expect(stats.nearby).toEqual({ count: 1, ratio: 0.25 });
    // Σlegal = 20 + 20 + 21 = 61 (the immediate legal item is left out), Σpromised = 0 + 5 + 21 = 26.
    expect(stats.compressionRatio).toBe(0.5738);
  });

  it('is 0 when no item has a legal limit above zero', () => {
    const stats = catalogStats([{ flags: NONE, legalLimit: { value: 0, unit: 'immediate' }, promisedLimit: { value: 0, unit: 'immediate' } }]);
    expect(stats.compressionRatio).toBe(0);
  });

  it('rounds the compression ratio to 4 decimals', () => {
    const stats = catalogStats([{ flags: NONE, legalLimit: days(3), promisedLimit: days(1) }]);
    expect(stats.compressionRatio).toBe(0.6667);
  });
});
