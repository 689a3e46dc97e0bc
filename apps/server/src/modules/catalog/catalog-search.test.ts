import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemSummary, Page } from '@tongban/contracts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';

describe.each(engines())('catalog search on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const search = async (query: string) => {
    const res = await t.anonymous.get(`/api/catalog/items?${query}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json<Page<ItemSummary>>();
  };
  const names = async (q: string, extra = '') => (await search(`q=${encodeURIComponent(q)}&pageSize=5${extra}`)).items.map((i) => i.name);

  it('ranks the item whose name holds every word first, and the more asked-for of two equal matches above the other', async () => {
    expect((await names('开饭店'))[0]).toBe('食品经营许可（新办）');
    expect((await names('公积金 退休'))[0]).toBe('住房公积金提取（离休、退休）');
  });

  it('tolerates a homophone typo (同音错字) through the sound of the query', async () => {
    expect((await names('营业执招')).slice(0, 3).some((n) => n.includes('营业执照'))).toBe(true);
    expect((await names('结婚登纪'))[0]).toBe('内地居民结婚登记');
  });

  it('finds items by pinyin and by pinyin initials', async () => {
    expect((await names('jiehundengji'))[0]).toBe('内地居民结婚登记');
    expect((await names('gjjtq')).every((n) => n.startsWith('住房公积金提取'))).toBe(true);
    expect(await names('gjjtq')).toHaveLength(3);
  });

  it('finds nothing for gibberish, with an empty page rather than an error', async () => {
    const page = await search(`q=${encodeURIComponent('㐀㐁㐂')}`);
    expect(page).toMatchObject({ items: [], total: 0 });
  });

  it('ranks items for the preferred audience first without filtering the others', async () => {
    const asPerson = await search(`q=${encodeURIComponent('登记')}&prefer=1&pageSize=50`);
    const asBusiness = await search(`q=${encodeURIComponent('登记')}&prefer=2&pageSize=50`);
    expect(asPerson.total).toBe(asBusiness.total);
    expect(asPerson.items[0]!.serviceObjects).toContain('1');
    expect(asBusiness.items[0]!.serviceObjects).toContain('2');
    expect(asPerson.items.map((i) => i.implCode)).not.toEqual(asBusiness.items.map((i) => i.implCode));
  });

  it('counts every match on each page, also on a page past the end', async () => {
    const first = await search('q=登记&pageSize=2');
    expect(first.total).toBeGreaterThan(4);
    const second = await search('q=登记&pageSize=2&page=2');
    expect(second.total).toBe(first.total);
    expect(second.items.map((i) => i.implCode)).not.toEqual(first.items.map((i) => i.implCode));
    const beyond = await search('q=登记&pageSize=2&page=500');
    expect(beyond).toMatchObject({ items: [], total: first.total, page: 500 });
  });

  it('pages through a query in a stable order, every item exactly once', async () => {
    const all = await search('q=许可&pageSize=100');
    const paged: string[] = [];
    for (let page = 1; paged.length < all.total; page++) paged.push(...(await search(`q=许可&pageSize=3&page=${page}`)).items.map((i) => i.implCode));
    expect(paged).toEqual(all.items.map((i) => i.implCode));
  });
});
