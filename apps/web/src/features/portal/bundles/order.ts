import type { BundleSummary } from '@tongban/contracts';
import { eventOfTheme, themeWords, type EventKey } from '../catalog/vocab.ts';

const eventOrder = Object.keys(themeWords) as EventKey[];

/** Where a bundle's life event stands among the home page tiles (出生, 入学 … 企业注销); other themes last. */
function rank(b: BundleSummary): number {
  const event = eventOfTheme(b.lifeEvent);
  return event ? eventOrder.indexOf(event) : eventOrder.length;
}

/** Bundles in the order of the life-event tiles above them, the server's order within one event. */
export function sortBundles(bundles: readonly BundleSummary[]): BundleSummary[] {
  return bundles
    .map((b, i) => ({ b, i }))
    .sort((x, y) => rank(x.b) - rank(y.b) || x.i - y.i)
    .map(({ b }) => b);
}
