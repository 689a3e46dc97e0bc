/**
 * 电子证照 in the browser: the enterprise user opens 我的证照 and the business licence's face and
 * downloads its printable PDF; a stranger (no session) opens the link of the PDF's QR code and
 * sees 有效; a 食品经营许可（新办） granted through the API issues a licence whose link says 有效,
 * and after the case is revoked the same link says 已撤销. At 1366 px and at 360 px.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import type { CaseDetail, ItemSummary, LicenceFace, Page as ListPage } from '@tongban/contracts';
import { demoEnterprise } from '../apps/server/db/seed/demo-data.ts';
import { pdfBytes } from '../apps/server/src/modules/files/sample-files.ts';
import { launch, login, newContext, screenshot, tofuCharacters } from './browser.ts';

const run = promisify(execFile);
// jsqr is a UMD bundle whose module.exports is the function, but its types declare an ES default export.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const foodItem = '食品经营许可（新办）';
const certificateNo = 'JY25119020777';

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

/** The URL of the QR code on page 1 of a PDF (rendered with pdftoppm, read with jsQR). */
async function qrOfPdf(bytes: Buffer, name: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-e2e-licence-'));
  try {
    const file = path.join(dir, `${name}.pdf`);
    fs.writeFileSync(file, bytes);
    await run('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', file, path.join(dir, name)]);
    const png = PNG.sync.read(fs.readFileSync(path.join(dir, `${name}.png`)));
    const url = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data;
    if (!url) throw new Error(`no QR code on ${name}.pdf`);
    return url;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A user signed in through the API in its own browser context, with the CSRF token for writes. */
async function apiUser(browser: Browser, identifier: string) {
  const context = await newContext(browser);
  const res = await context.request.post('/api/auth/login', { data: { identifier, password: 'Tongban@2026' } });
  expect(res.status(), `login ${identifier}: ${await res.text()}`).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const request: APIRequestContext = context.request;
  const post = async <T>(url: string, data: unknown, status = 200): Promise<T> => {
    const r = await request.post(url, { headers: { 'x-csrf-token': csrfToken }, data });
    expect(r.status(), `${identifier} ${url}: ${await r.text()}`).toBe(status);
    return (await r.json()) as T;
  };
  return { request, csrfToken, post, close: () => context.close() };
}

/** A reviewer of a department the demo has no staff in, created through the admin API (as `staff(...)` in cases.testkit.ts). */
async function reviewerOf(browser: Browser, username: string, departmentName: string) {
  const admin = await apiUser(browser, 'admin');
  const found = await admin.request.get(`/api/org/departments?q=${encodeURIComponent(departmentName)}`);
  const department = ((await found.json()) as { items: { id: string; name: string }[] }).items.find((d) => d.name === departmentName);
  expect(department, departmentName).toBeDefined();
  await admin.post(
    '/api/staff',
    {
      username,
      password: 'Tongban@2026',
      displayName: username,
      roles: ['reviewer'],
      departmentId: department!.id,
      regionCode: '511900',
      includeSubRegions: false,
      windowId: null,
    },
    201,
  );
  await admin.close();
  return apiUser(browser, username);
}

/** A 食品经营许可（新办） of the demo enterprise carried to 准予 through the API: the library issues a 食品经营许可证. */
async function grantedFoodLicence(browser: Browser) {
  const enterprise = await apiUser(browser, 'bashufood');
  const items = await enterprise.request.get(`/api/catalog/items?q=${encodeURIComponent(foodItem)}`);
  const item = ((await items.json()) as ListPage<ItemSummary>).items.find((i) => i.name === foodItem);
  expect(item, foodItem).toBeDefined();
  const upload = async (name: string) => {
    const res = await enterprise.request.post(`/api/files?name=${name}.pdf`, {
      headers: { 'x-csrf-token': enterprise.csrfToken, 'content-type': 'application/pdf' },
      data: pdfBytes(name),
    });
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const made = await enterprise.post<CaseDetail>(
    '/api/cases',
    {
      implCode: item!.implCode,
      channel: 'online',
      formData: {
        operatorName: demoEnterprise.organisationName,
        creditCode: demoEnterprise.creditCode,
        premises: '巴中市巴州区江北大道东段88号',
        businessType: '餐饮服务经营者',
        categories: ['热食类食品制售'],
        safetyManager: '李娜',
        mobile: '13800000002',
      },
      materials: [
        { materialKey: 'business_licence', provided: 'licence' },
        { materialKey: 'id_card', provided: 'licence' },
        { materialKey: 'layout', provided: 'upload', files: [await upload('layout')] },
        { materialKey: 'food_safety_rules', provided: 'upload', files: [await upload('food_safety_rules')] },
      ],
      delivery: { method: 'electronic' },
      // The business licence and the ID card come from the library (免提交).
      licenceConsent: true,
      idempotencyKey: `e2e-licence-${Date.now()}`,
    },
    201,
  );
  const caseNo = made.caseNo;
  const act = async (who: { post: (url: string, data: unknown) => Promise<unknown> }, body: Record<string, unknown>) =>
    who.post(`/api/cases/${caseNo}/actions`, body);

  const window01 = await apiUser(browser, 'window01');
  await act(window01, { action: 'accept' });
  const reviewer = await apiUser(browser, 'reviewer01');
  await act(reviewer, { action: 'approve', step: 'review', opinion: '通过' });
  await act(reviewer, { action: 'approve', step: 'market_site', opinion: '通过' });
  const health = await reviewerOf(browser, 'e2e_lic_health', '巴中市卫生健康委员会');
  await act(health, { action: 'approve', step: 'health_check', opinion: '通过' });
  const ecology = await reviewerOf(browser, 'e2e_lic_ecology', '巴中市生态环境局');
  await act(ecology, { action: 'approve', step: 'fume_check', opinion: '通过' });
  const approver = await apiUser(browser, 'approver01');
  await act(approver, { action: 'decide', decision: 'approve', opinion: '准予许可', resultName: '食品经营许可证', resultNo: certificateNo });

  const wallet = (await (await enterprise.request.get('/api/licenses/mine')).json()) as LicenceFace[];
  const licence = wallet.find((l) => l.fields.some((f) => f.value === certificateNo));
  expect(licence, `the 食品经营许可证 ${certificateNo} in the wallet`).toBeDefined();
  const face = await enterprise.request.get(`/api/licenses/${encodeURIComponent(licence!.identifier)}/face.pdf`);
  expect(face.status()).toBe(200);
  const verifyUrl = await qrOfPdf(await face.body(), 'food-licence');

  for (const who of [enterprise, window01, reviewer, health, ecology]) await who.close();
  return {
    licence: licence!,
    implCode: item!.implCode,
    verifyUrl,
    revoke: async () => {
      await act(approver, { action: 'revoke', reason: '以欺骗手段取得许可', legalBasis: '《中华人民共和国行政许可法》第六十九条第二款' });
      await approver.close();
    },
  };
}

describe('电子证照: wallet, printable face and public verification', () => {
  let browser: Browser;
  /** The verify link read from the business licence's face PDF. */
  let verifyUrl = '';
  let identifier = '';
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser.close());

  it('the enterprise user opens 我的证照, the business licence and its face, and downloads the face as a PDF', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page, 'bashufood');
    await page.goto('/');
    await page.getByTestId('area-menu').getByRole('link', { name: '我的证照' }).click();
    await page.waitForURL((url) => url.pathname === '/portal/licences');
    const card = page.getByTestId('licence-card').filter({ hasText: '营业执照' });
    await card.waitFor();
    expect(await page.locator('h1').innerText()).toBe('我的证照');
    const text = await card.innerText();
    expect(text).toContain('有效');
    expect(text).toContain(demoEnterprise.organisationName);
    expect(text).toContain('巴中市市场监督管理局');
    expect(text).toContain('长期有效');
    identifier = (await card.getAttribute('data-identifier'))!;
    await screenshot(page, 'portal-licences-wallet-zh-CN');
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    await card.getByRole('button', { name: '查看证照：营业执照' }).click();
    await page.waitForURL((url) => url.pathname === '/portal/licences/view');
    const face = page.getByTestId('licence-face');
    await face.waitFor();
    expect(await page.getByTestId('licence-title').innerText()).toBe('营业执照');
    expect(await page.getByTestId('licence-identifier').innerText()).toBe(identifier);
    expect(await page.getByTestId('licence-status').innerText()).toBe('有效');
    // The holder's own wallet shows the credit code in full, and every field of the face.
    expect(await page.getByTestId('licence-holder-id').innerText()).toContain(demoEnterprise.creditCode);
    const fields = await page.getByTestId('licence-fields').innerText();
    for (const label of ['名称', '类型', '法定代表人（经营者）', '住所（经营场所）', '经营范围']) expect(fields).toContain(label);
    expect(fields).toContain('餐饮服务；食品销售；外卖递送服务');
    const history = page.getByTestId('licence-event');
    expect(await history.count()).toBe(1);
    expect(await history.first().innerText()).toContain('签发');
    expect(await history.first().innerText()).toContain('证照归集');
    await screenshot(page, 'portal-licence-face-zh-CN');
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    // 打印 opens the PDF in a new tab; 下载 saves it, and its QR code holds the public verify link.
    const print = page.getByTestId('licence-pdf-print');
    expect(await print.getAttribute('target')).toBe('_blank');
    expect(await print.getAttribute('href')).toBe(`/api/licenses/${encodeURIComponent(identifier)}/face.pdf`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('licence-pdf-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^营业执照-[0-9A-Z]+\.pdf$/);
    const bytes = fs.readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    verifyUrl = await qrOfPdf(bytes, 'business-licence');
    const base = new URL(page.url()).origin;
    expect(verifyUrl).toBe(`${base}/verify/licence?id=${identifier}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a stranger opens the link of the QR code without logging in and sees 有效, with the ID number masked', async () => {
    expect(verifyUrl, 'the first test read the QR code').not.toBe('');
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(verifyUrl);
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-verdict')).toBe('valid');
    expect(await page.getByTestId('verify-verdict').innerText()).toContain('有效');
    expect(await page.getByTestId('verify-type').innerText()).toBe('营业执照');
    expect(await page.getByTestId('verify-identifier').innerText()).toBe(identifier);
    expect(await page.getByTestId('verify-checked').innerText()).toMatch(/^核验日期：\d{4}年\d{1,2}月\d{1,2}日$/);
    const holderId = await page.getByTestId('licence-holder-id').innerText();
    expect(holderId).toContain('*');
    expect(holderId).not.toContain(demoEnterprise.creditCode);
    expect(await page.getByTestId('verify-face').innerText()).toContain(demoEnterprise.organisationName);
    // A stranger has no session: nothing of the wallet shows.
    expect(await page.getByTestId('portal-login').count()).toBe(1);
    await screenshot(page, 'verify-licence-valid-zh-CN');
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    // At a hall kiosk: a mistyped identifier (one character changed) is named as such.
    const typo = identifier.replace(/\.(\d)(\d*)\.001\./, (_m, d: string, rest: string) => `.${(Number(d) + 1) % 10}${rest}.001.`);
    expect(typo).not.toBe(identifier);
    await page.getByTestId('verify-clear').click();
    await result.waitFor({ state: 'detached' });
    await page.getByTestId('verify-input').fill(` ${typo.toLowerCase()} `);
    expect(await page.getByTestId('verify-input').inputValue()).toBe(` ${typo.toLowerCase()} `);
    await page.getByTestId('verify-submit').click();
    await expect.poll(() => result.getAttribute('data-verdict')).toBe('malformed');
    expect(await page.getByTestId('verify-verdict').innerText()).toContain('标识格式错误');
    expect(await page.getByTestId('verify-explain').innerText()).toContain('校验位');
    expect(new URL(page.url()).searchParams.get('id')).toBe(typo);
    // Typed again right, lower case and all: valid.
    await page.getByTestId('verify-input').fill(identifier.toLowerCase());
    await page.getByTestId('verify-input').press('Enter');
    await expect.poll(() => result.getAttribute('data-verdict')).toBe('valid');
    await context.close();
  });

  it('a licence granted by a case verifies as 有效, and after the case is revoked the same link says 已撤销', async () => {
    const food = await grantedFoodLicence(browser);
    expect(food.verifyUrl).toBe(`${new URL(verifyUrl).origin}/verify/licence?id=${food.licence.identifier}`);

    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(food.verifyUrl);
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-verdict')).toBe('valid');
    expect(await page.getByTestId('verify-type').innerText()).toBe('食品经营许可证');
    expect(await page.getByTestId('licence-fields').innerText()).toContain(certificateNo);

    // 证照管理: the issuing department's approver suspends it (the link says so), then restores it.
    const office = await newContext(browser);
    const approver = await office.newPage();
    await login(approver, 'approver01');
    await approver.goto(`/workbench/licences?id=${encodeURIComponent(food.licence.identifier)}`);
    await approver.getByTestId('manage-type').waitFor();
    const change = async (action: string, reason: string, legalBasis?: string) => {
      await approver.getByRole('button', { name: action, exact: true }).click();
      const dialog = approver.getByRole('dialog');
      await dialog.getByLabel('原因').fill(reason);
      if (legalBasis) await dialog.getByLabel('法律依据').fill(legalBasis);
      await dialog.getByRole('button', { name: '确认变更' }).click();
      await approver.getByText(`已${action}，证照现在的状态`).waitFor();
      await dialog.waitFor({ state: 'hidden' });
    };
    await change('暂扣', '责令停业整顿期间', '《中华人民共和国食品安全法》第一百二十六条');
    await screenshot(approver, 'workbench-licence-suspended-zh-CN');
    await page.reload();
    await result.waitFor();
    await expect.poll(() => result.getAttribute('data-status')).toBe('suspended');
    await change('发还', '整顿完毕');
    await page.reload();
    await result.waitFor();
    await expect.poll(() => result.getAttribute('data-verdict')).toBe('valid');
    await office.close();

    await food.revoke();
    await page.reload();
    await result.waitFor();
    await expect.poll(() => result.getAttribute('data-verdict')).toBe('not_in_force');
    expect(await result.getAttribute('data-status')).toBe('revoked');
    expect(await page.getByTestId('verify-verdict').innerText()).toContain('已撤销');
    expect(await page.getByTestId('verify-explain').innerText()).toContain('证照是真实的，但现在不能使用');
    expect(await page.getByTestId('licence-status').innerText()).toBe('已撤销');
    await screenshot(page, 'verify-licence-revoked-zh-CN');
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();

    // The holder's wallet says so too, with 撤销 in the licence's history.
    const holder = await newContext(browser);
    const wallet = await holder.newPage();
    await login(wallet, 'bashufood');
    await wallet.goto(`/portal/licences/view?id=${encodeURIComponent(food.licence.identifier)}`);
    await wallet.getByTestId('licence-face').waitFor();
    expect(await wallet.getByTestId('licence-status').innerText()).toBe('已撤销');
    expect(await wallet.getByTestId('licence-not-in-force').innerText()).toContain('已撤销');
    const events = wallet.getByTestId('licence-event');
    expect(await events.count()).toBe(4);
    expect(await events.nth(1).innerText()).toContain('暂扣');
    expect(await events.nth(3).innerText()).toContain('撤销');
    expect(await events.nth(3).innerText()).toContain('以欺骗手段取得许可');
    await screenshot(wallet, 'portal-licence-revoked-zh-CN');

    // 免提交: the application took two licences instead of uploads; the wallet and the guide say so.
    await wallet.goto('/portal/licences');
    await expect.poll(() => wallet.getByTestId('spared-note').innerText()).toMatch(/免提交材料\d+份/);
    await wallet.goto(`/portal/items/${food.implCode}`);
    await expect.poll(() => wallet.getByTestId('spared-note').innerText()).toMatch(/本事项.*免提交材料[1-9]\d*份/);
    await holder.close();
  });

  it('works on a 360 px phone: the wallet, the face and the verify page fit the width', async () => {
    const context = await newContext(browser, { mobile: true });
    const page = await context.newPage();
    await login(page, 'bashufood');
    await page.goto('/portal/licences');
    await page.getByTestId('licence-card').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'portal-licences-wallet-360-zh-CN');

    await page.goto(`/portal/licences/view?id=${encodeURIComponent(identifier)}`);
    await page.getByTestId('licence-face').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    const download = page.getByTestId('licence-pdf-download');
    expect((await download.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'portal-licence-face-360-zh-CN');
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    await context.close();

    const stranger = await newContext(browser, { mobile: true });
    const verify = await stranger.newPage();
    await verify.goto(verifyUrl);
    await verify.getByTestId('verify-result').waitFor();
    expect(await verify.getByTestId('verify-verdict').innerText()).toContain('有效');
    expect(await horizontalOverflow(verify)).toBe(0);
    await screenshot(verify, 'verify-licence-valid-360-zh-CN');
    await stranger.close();
  });
});
