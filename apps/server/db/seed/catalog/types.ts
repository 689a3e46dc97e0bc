/** Shapes of the demo catalog (实施清单) and its 一件事 bundles. */
import type { z } from 'zod';
import type { itemContentSchema } from '@tongban/contracts';

/** Keys of `demoDepartments` and `demoCountyDepartment` in ../demo-data.ts. */
export type DemoDepartmentKey =
  'centre' | 'market' | 'police' | 'hrss' | 'civil' | 'land' | 'housing' | 'health' | 'education' | 'transport' | 'ecology' | 'fund' | 'medical' | 'bzMarket';

/** One implementation item of a demo department: the level is the implementing body's 行使层级 (A.2). */
export type DemoItem = { department: DemoDepartmentKey; level: '3' | '4'; content: z.input<typeof itemContentSchema> };

/** 一件事 (one-thing) bundle: items referenced by base code (基本编码). */
export type DemoBundle = { key: string; name: string; description: string; lifeEvent: string; items: string[] /* baseCodes */ };
