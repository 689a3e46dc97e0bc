import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleDetail, BundleSummary, ItemVersion } from '@tongban/contracts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { expectError } from '../../../test/http.ts';

describe.each(engines())('一件事 bundles on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('lists the bundles of a region and of the regions above it, and filters by life event', async () => {
    const all = (await t.anonymous.get('/api/catalog/bundles')).json<BundleSummary[]>();
    expect(all.length).toBe(7);
    // A county (巴州区) sees its city's bundles.
    const county = (await t.anonymous.get('/api/catalog/bundles?region=511902')).json<BundleSummary[]>();
    expect(county.map((b) => b.key).sort()).toEqual(all.map((b) => b.key).sort());
    const births = (await t.anonymous.get(`/api/catalog/bundles?lifeEvent=${encodeURIComponent('出生')}`)).json<BundleSummary[]>();
    expect(births.map((b) => b.key)).toEqual(['newborn']);
    // Another province's region sees none of them.
    expect((await t.anonymous.get('/api/catalog/bundles?region=110000')).json<BundleSummary[]>()).toEqual([]);
  });

  it('merges the materials of its items: a material several items ask for is listed once, with every item that needs it', async () => {
    const res = await t.anonymous.get('/api/catalog/bundles/open-restaurant');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const bundle = res.json<BundleDetail>();
    expect(bundle.items.map((i) => i.baseCode)).toEqual(['51M010002001', '51M010003001', '51R200005001']);

    const guides = await Promise.all(bundle.items.map(async (i) => (await t.anonymous.get(`/api/catalog/items/${i.implCode}`)).json<ItemVersion>()));
    const asked = guides.reduce((n, g) => n + g.content.materials.length, 0);
    expect(bundle.materials.length + bundle.sparedSubmissions).toBe(asked);
    expect(bundle.sparedSubmissions).toBeGreaterThan(0);
    expect(new Set(bundle.materials.map((m) => m.key)).size).toBe(bundle.materials.length);

    // Every item's every material is covered by exactly one merged material that names the item.
    for (const g of guides) {
      for (const m of g.content.materials) {
        const key = m.source === 'licence_library' && m.licenceType ? `licence:${m.licenceType}` : `name:${m.name.replace(/\s+/g, '')}`;
        const merged = bundle.materials.find((x) => x.key === key);
        expect(merged, `${g.content.name}: ${m.name}`).toBeDefined();
        expect(merged!.usedBy.map((u) => u.implCode)).toContain(g.item.implCode);
      }
    }
    const idCard = bundle.materials.find((m) => m.key === 'licence:ID_CARD');
    expect(idCard?.usedBy.length).toBeGreaterThan(1);
  });

  it('answers 404 for an unknown bundle or one not offered in the region, and 400 for a malformed key', async () => {
    expectError(await t.anonymous.get('/api/catalog/bundles/no-such-bundle'), 'NOT_FOUND');
    expectError(await t.anonymous.get('/api/catalog/bundles/newborn?region=110000'), 'NOT_FOUND');
    expectError(await t.anonymous.get('/api/catalog/bundles/Bad_Key!'), 'VALIDATION_FAILED');
  });
});
