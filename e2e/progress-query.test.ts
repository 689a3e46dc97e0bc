/**
 * 办件进度查询 without login: a case zhangsan submitted (and the window accepted) is found by its
 * number and his ID number from a browser with no session, at 1366 px and at 360 px; a wrong ID
 * number gets a clear message; the QR-code link fills in the case number; the home page links here.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import type { CaseDetail, ItemSummary, Page as ListPage, SessionUser } from '@tongban/contracts';
import { residentIdCheckChar } from '@tongban/domain';
import { launch, login, newContext, screenshot, tofuCharacters } from './browser.ts';

const itemName = '药品零售企业许可';
/** zhangsan's resident ID (apps/server/db/seed/demo-data.ts). */
const zhangsanId = `51190219900101123${residentIdCheckChar('51190219900101123')}`;
/** Another valid ID number: the enterprise user's, not the applicant's. */
const otherId = `51190219880315242${residentIdCheckChar('51190219880315242')}`;
const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious or critical axe-core (WCAG 2.1 A/AA) violations on the page, as in accessibility.test.ts. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
const minimalPdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

async function csrfOf(request: APIRequestContext): Promise<string> {
  const me = await request.get('/api/auth/me');
  expect(me.status()).toBe(200);
  return ((await me.json()) as SessionUser).csrfToken;
}

/** zhangsan submits online (uploading a file for each uploaded material), and window01 accepts it: both through the API. */
async function acceptedCase(browser: Browser): Promise<CaseDetail> {
  const citizen = await newContext(browser);
  const page = await citizen.newPage();
  await login(page, 'zhangsan');
  const csrf = await csrfOf(page.request);
  const items = await page.request.get(`/api/catalog/items?q=${encodeURIComponent(itemName)}`);
  const item = ((await items.json()) as ListPage<ItemSummary>).items.find((i) => i.name === itemName);
  expect(item, itemName).toBeDefined();
  const upload = async (name: string) => {
    const res = await page.request.post(`/api/files?name=${name}.pdf`, {
      headers: { 'x-csrf-token': csrf, 'content-type': 'application/pdf' },
      data: minimalPdf,
    });
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const uploaded = ['pharmacist_cert', 'premises', 'quality_docs'];
  const res = await page.request.post('/api/cases', {
    headers: { 'x-csrf-token': csrf },
    data: {
      implCode: item!.implCode,
      channel: 'online',
      formData: {
        enterpriseName: '巴中市巴蜀味道餐饮有限公司',
        creditCode: '91511902MA6BJ001XU',
        premises: '巴中市巴州区江北大道东段90号',
        scope: '单体药店',
        categories: ['中成药'],
        qualityManager: '李娜',
        mobile: '13800000002',
      },
      materials: [
        { materialKey: 'business_licence', provided: 'licence' },
        { materialKey: 'id_card', provided: 'licence' },
        ...(await Promise.all(uploaded.map(async (key) => ({ materialKey: key, provided: 'upload', files: [await upload(key)] })))),
      ],
      delivery: { method: 'window' },
      idempotencyKey: `e2e-progress-${Date.now()}`,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const made = (await res.json()) as CaseDetail;
  await citizen.close();

  const office = await newContext(browser);
  const windowPage = await office.newPage();
  await login(windowPage, 'window01');
  const accepted = await windowPage.request.post(`/api/cases/${made.caseNo}/actions`, {
    headers: { 'x-csrf-token': await csrfOf(windowPage.request) },
    data: { action: 'accept', opinion: '窗口内部意见：材料齐全' },
  });
  expect(accepted.status(), await accepted.text()).toBe(200);
  await office.close();
  return made;
}

describe('办件进度查询 without login', () => {
  let browser: Browser;
  let made: CaseDetail;
  beforeAll(async () => {
    browser = await launch();
    made = await acceptedCase(browser);
  });
  afterAll(async () => browser.close());

  it('finds the case by its number and the applicant’s ID number, and says clearly when the pair is wrong', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();

    // The home page leads here.
    await page.goto('/');
    await page.getByTestId('home-progress-entry').waitFor();
    expect(await page.getByTestId('home-progress-entry').innerText()).toContain('办件查询');
    await page.getByTestId('home-progress-entry').click();
    await page.waitForURL((url) => url.pathname === '/portal/progress');
    await page.getByTestId('progress-form').waitFor();

    // Checked in the browser before sending: a mistyped ID number is named beside the field.
    await page.getByTestId('progress-case-no').fill(made.caseNo);
    await page.getByTestId('progress-id-number').fill(`${zhangsanId.slice(0, 17)}${zhangsanId.endsWith('1') ? '2' : '1'}`);
    await page.getByTestId('progress-submit').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').first().innerText()).toContain('校验位不正确');
    expect(await page.getByTestId('form-error-summary').innerText()).toContain('申请人证件号码');

    // A well-formed but wrong ID number: the server says no, and the page says what to check.
    await page.getByTestId('progress-id-number').fill(otherId);
    await page.getByTestId('progress-submit').click();
    const notFound = page.getByTestId('progress-not-found');
    await notFound.waitFor();
    expect(await notFound.innerText()).toContain('没有查到这件办件');
    expect(await notFound.innerText()).toContain('请核对办件编号和证件号码是否与受理回执一致');
    expect(await page.getByTestId('progress-result').count()).toBe(0);
    await screenshot(page, 'portal-progress-not-found-zh-CN');
    expect(await seriousViolations(page)).toEqual([]);

    // The right pair, with a lower-case case number: the timeline, the masked name and no staff names.
    await page.getByTestId('progress-case-no').fill(made.caseNo.toLowerCase());
    await page.getByTestId('progress-id-number').fill(zhangsanId.toLowerCase());
    await page.getByTestId('progress-submit').click();
    const result = page.getByTestId('progress-result');
    await result.waitFor();
    expect(await page.getByTestId('progress-not-found').count()).toBe(0);
    expect(await page.getByTestId('progress-item').innerText()).toBe(itemName);
    expect(await page.getByTestId('progress-applicant').innerText()).toBe('张*');
    expect(await page.getByTestId('case-status').getAttribute('data-status')).toBe('processing');
    const events = page.getByTestId('case-event');
    expect(await events.nth(0).innerText()).toContain('您提交了申请');
    expect(await events.nth(1).innerText()).toContain('申请已接收，开始办理');
    expect(await events.nth(1).getByTestId('case-event-step').innerText()).toContain('受理 · ');
    expect(await page.getByTestId('progress-current').innerText()).toContain('审查');
    expect(await page.getByTestId('case-remaining').innerText()).toMatch(/还剩\d+个工作日|今天是最后一个工作日/);
    const text = await result.innerText();
    for (const secret of ['张三', '陈静', '窗口内部意见', zhangsanId]) expect(text).not.toContain(secret);
    // The address bar keeps the case number for a reload, never the ID number.
    expect(new URL(page.url()).searchParams.get('caseNo')).toBe(made.caseNo);
    expect(page.url()).not.toContain(zhangsanId);
    await page.waitForLoadState('networkidle');
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    await screenshot(page, 'portal-progress-result-zh-CN');
    expect(await seriousViolations(page)).toEqual([]);

    // 清除 at a kiosk leaves nothing for the next person.
    await page.getByTestId('progress-clear').click();
    expect(await page.getByTestId('progress-result').count()).toBe(0);
    expect(await page.getByTestId('progress-id-number').inputValue()).toBe('');
    expect(await page.getByTestId('progress-case-no').inputValue()).toBe('');
    await context.close();
  });

  it('the receipt’s QR link fills in the case number, and the page fits a 360 px phone', async () => {
    const context = await newContext(browser, { mobile: true });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByTestId('home-progress-entry').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'portal-home-progress-entry-mobile-zh-CN');

    await page.goto(`/portal/progress?caseNo=${encodeURIComponent(made.caseNo)}`);
    const caseNo = page.getByTestId('progress-case-no');
    await caseNo.waitFor();
    expect(await caseNo.inputValue()).toBe(made.caseNo);
    // The ID number is what is left to type: it has the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('progress-id-number');
    await page.waitForLoadState('networkidle');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'portal-progress-form-mobile-zh-CN');

    await page.getByTestId('progress-id-number').fill(zhangsanId);
    await page.getByTestId('progress-submit').tap();
    await page.getByTestId('progress-result').waitFor();
    expect(await page.getByTestId('case-event').count()).toBeGreaterThanOrEqual(2);
    await page.waitForLoadState('networkidle');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const box = await page.getByTestId('progress-submit').boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'portal-progress-result-mobile-zh-CN');
    await context.close();
  });
});
