import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemSummary, ItemVersion, Page } from '@tongban/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { decodeQr, readPdf, squeeze } from '../../../test/pdf.ts';
import { expectError } from '../../../test/http.ts';
import { publicBaseUrl } from '../../platform/documents/links.ts';
import { guidePageUrl } from './guide-pdf.ts';

describe.each(engines())('printable guide and notice on %s', (engine) => {
  let t: TestApp;
  let tmp: string;
  const pdfOf = (res: LightMyRequestResponse, name: string) => readPdf(res, path.join(tmp, `${name}-${engine}.pdf`), { personal: false });
  let guide: ItemVersion;
  let code: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tongban-guide-pdf-'));
    // 食品经营许可（新办） has every kind of material: 容缺后补, 告知承诺, from the licence library, filled online.
    const found = (await t.anonymous.get(`/api/catalog/items?q=${encodeURIComponent('开饭店')}&pageSize=5`)).json<Page<ItemSummary>>();
    const item = found.items.find((i) => i.name === '食品经营许可（新办）');
    if (!item) throw new Error(`食品经营许可（新办） not found: ${JSON.stringify(found.items.map((i) => i.name))}`);
    code = item.implCode;
    guide = (await t.anonymous.get(`/api/catalog/items/${code}`)).json<ItemVersion>();
  });
  afterAll(async () => {
    await t.close();
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('serves the guide (办事指南) as an A4 PDF whose Chinese text is extractable and whose QR code opens the online guide', async () => {
    const { text, squeezed, png, fileName } = await pdfOf(await t.anonymous.get(`/api/catalog/items/${code}/guide.pdf`), 'guide');
    const c = guide.content;
    expect(fileName).toBe(`${c.name}-办事指南.pdf`);
    expect(text).toContain('办事指南');
    expect(squeezed).toContain(squeeze(c.name));
    expect(squeezed).toContain(code);
    expect(squeezed).toContain(squeeze(guide.item.departmentName));
    expect(squeezed).toContain(squeeze(c.legalBasis.slice(0, 20)));
    expect(squeezed).toContain(squeeze(c.materials[0]!.name));
    expect(text).toContain('承诺');
    expect(squeezed).toContain(squeeze(c.consultationPhone));
    expect(squeezed).toContain('容缺后补');
    expect(squeezed).toContain('可告知承诺');
    expect(squeezed).toContain('12345');
    expect(squeezed).toContain('不收费');
    expect(squeezed).toContain(squeeze(c.faq[0]!.question));
    expect(text).toMatch(/第 1 页 \/ 共 \d+ 页/);
    // A4 at 100 dpi: 827 × 1169 pixels.
    expect(png.width).toBe(827);
    expect(Math.abs(png.height - 1169.3)).toBeLessThan(1);
    // light-my-request sends `host: localhost:80` over plain HTTP: the same rule as the route.
    expect(decodeQr(png)).toBe(guidePageUrl(publicBaseUrl(undefined, { protocol: 'http', host: 'localhost:80' }), code));
    expect(decodeQr(png)).toBe(`http://localhost:80/portal/items/${code}`);
  });

  it('renders a published version once: a second request gets the same bytes', async () => {
    const first = await t.anonymous.get(`/api/catalog/items/${code}/notice.pdf`);
    const second = await t.anonymous.get(`/api/catalog/items/${code}/notice.pdf`);
    expect(second.statusCode).toBe(200);
    // pdfkit stamps a creation date and a random document id: equal bytes mean one rendering.
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
  });

  it('prints links on the host the request came to', async () => {
    const res = await t.anonymous.request({ method: 'GET', url: `/api/catalog/items/${code}/guide.pdf`, headers: { host: 'zwfw.bazhong.example:8443' } });
    const { png, squeezed } = await pdfOf(res, 'guide-host');
    expect(decodeQr(png)).toBe(`http://zwfw.bazhong.example:8443/portal/items/${code}`);
    expect(squeezed).toContain(`http://zwfw.bazhong.example:8443/portal/items/${code}`);
  });

  it('serves the one-time notice (一次性告知书) with every material, the conditions, phones, a seal area and the same QR code', async () => {
    const { text, squeezed, png, fileName } = await pdfOf(await t.anonymous.get(`/api/catalog/items/${code}/notice.pdf`), 'notice');
    const c = guide.content;
    expect(fileName).toBe(`${c.name}-一次性告知书.pdf`);
    expect(text).toContain('一次性告知');
    expect(squeezed).toContain(squeeze(c.name));
    for (const m of c.materials) expect(squeezed).toContain(squeeze(m.name));
    for (const m of c.materials.filter((x) => x.fillingNotes.trim() !== '')) expect(squeezed).toContain(squeeze(m.fillingNotes.slice(0, 15)));
    expect(squeezed).toContain(squeeze(c.acceptanceConditions.slice(0, 20)));
    expect(squeezed).toContain(squeeze(c.consultationPhone));
    expect(squeezed).toContain(squeeze(c.supervisionPhone));
    expect(squeezed).toContain(squeeze(c.place));
    expect(squeezed).toContain('本告知书一次性告知您办理该事项所需的全部材料。');
    expect(squeezed).toContain('经办人');
    expect(squeezed).toContain('窗口（盖章）');
    expect(decodeQr(png)).toBe(`http://localhost:80/portal/items/${code}`);
  });

  it('prints the fees of a charged item', async () => {
    const found = (await t.anonymous.get(`/api/catalog/items?q=${encodeURIComponent('二手房')}&pageSize=10`)).json<Page<ItemSummary>>();
    const charged = (await Promise.all(found.items.map(async (i) => (await t.anonymous.get(`/api/catalog/items/${i.implCode}`)).json<ItemVersion>()))).find(
      (v) => v.content.charged && v.content.fees.length > 0,
    );
    expect(charged, JSON.stringify(found.items.map((i) => i.name))).toBeDefined();
    const { squeezed } = await pdfOf(await t.anonymous.get(`/api/catalog/items/${charged!.item.implCode}/guide.pdf`), 'charged');
    for (const fee of charged!.content.fees) expect(squeezed).toContain(squeeze(fee.standard));
    expect(squeezed).not.toContain('不收费');
  });

  it('answers an unknown or malformed code with a catalogue JSON error', async () => {
    expectError(await t.anonymous.get('/api/catalog/items/11511900008700000X3511A99999999/guide.pdf'), 'NOT_FOUND');
    expectError(await t.anonymous.get('/api/catalog/items/11511900008700000X3511A99999999/notice.pdf'), 'NOT_FOUND');
    expectError(await t.anonymous.get('/api/catalog/items/not-a-code/guide.pdf'), 'VALIDATION_FAILED');
  });
});
