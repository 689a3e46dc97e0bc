/** The demo service catalog (实施清单) of 巴中市 and its 一件事 bundles. */
import type { DemoBundle, DemoItem } from './types.ts';
import { bundles } from './bundles.ts';
import { items as civil } from './civil.ts';
import { items as ecology } from './ecology.ts';
import { items as education } from './education.ts';
import { items as fund } from './fund.ts';
import { items as health } from './health.ts';
import { items as housing } from './housing.ts';
import { items as hrss } from './hrss.ts';
import { items as land } from './land.ts';
import { items as market } from './market.ts';
import { items as medical } from './medical.ts';
import { items as police } from './police.ts';
import { items as transport } from './transport.ts';

export type { DemoBundle, DemoDepartmentKey, DemoItem } from './types.ts';

export const demoCatalog: DemoItem[] = [
  ...market,
  ...police,
  ...hrss,
  ...fund,
  ...land,
  ...medical,
  ...civil,
  ...health,
  ...housing,
  ...transport,
  ...education,
  ...ecology,
];

export const demoBundles: DemoBundle[] = bundles;
