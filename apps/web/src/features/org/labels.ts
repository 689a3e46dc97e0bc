import type { HallKind, RegionLevel, WindowKind } from '@tongban/contracts';

// Complete lists, checked by the compiler: adding a kind to the contracts breaks the build here.
const hallKindSet: Record<HallKind, true> = { centre: true, township_centre: true, village_point: true };
const windowKindSet: Record<WindowKind, true> = {
  comprehensive: true,
  department: true,
  delivery: true,
  consultation: true,
  assistance: true,
  green_channel: true,
  self_service: true,
};
const regionLevelSet: Record<RegionLevel, true> = { province: true, city: true, county: true, township: true, village: true };

export const hallKinds = Object.keys(hallKindSet) as HallKind[];
export const windowKinds = Object.keys(windowKindSet) as WindowKind[];
export const regionLevels = Object.keys(regionLevelSet) as RegionLevel[];
