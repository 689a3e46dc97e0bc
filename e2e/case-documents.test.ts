/**
 * 办件文书 in the browser: the window officer opens a case on the workbench and downloads its
 * receipt (收件凭证) with the 下载 button; the applicant sees the same documents on the progress page.
 */
import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CaseDetail, ItemSummary, Page as ListPage, SessionUser } from '@tongban/contracts';
import { launch, login, newContext, screenshot, tofuCharacters } from './browser.ts';

const itemName = '药品零售企业许可';

/** Submits a case as the logged-in enterprise through the API; the documents to upload are left for the window to ask for. */
async function submitCase(page: Page): Promise<CaseDetail> {
  const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as SessionUser;
  const items = await page.request.get(`/api/catalog/items?q=${encodeURIComponent(itemName)}`);
  const item = ((await items.json()) as ListPage<ItemSummary>).items.find((i) => i.name === itemName);
  expect(item, itemName).toBeDefined();
  const res = await page.request.post('/api/cases', {
    headers: { 'x-csrf-token': csrfToken },
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
      ],
      delivery: { method: 'window' },
      idempotencyKey: `e2e-case-documents-${Date.now()}`,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as CaseDetail;
}

describe('case documents (办件文书)', () => {
  let browser: Browser;
  let caseNo: string;
  beforeAll(async () => {
    browser = await launch();
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'bashufood');
    caseNo = (await submitCase(page)).caseNo;
    await context.close();
  });
  afterAll(async () => browser.close());

  it('the window officer downloads the receipt from the case page with the 下载 button', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page, 'window01');
    await page.goto(`/workbench/cases/${caseNo}`);
    const receipt = page.getByTestId('case-document-receipt');
    await receipt.waitFor();
    expect(await receipt.innerText()).toContain('收件凭证');
    expect(await receipt.innerText()).toContain(`${caseNo}-SJ`);
    // Only documents the case has now: no decision before the decision.
    expect(await page.getByTestId('case-documents').locator('li').count()).toBe(1);

    const print = receipt.getByRole('link', { name: '打印收件凭证（在新标签页中打开）' });
    expect(await print.getAttribute('target')).toBe('_blank');
    expect(await print.getAttribute('href')).toBe(`/api/cases/${caseNo}/documents/receipt.pdf`);

    const [download] = await Promise.all([page.waitForEvent('download'), receipt.getByRole('link', { name: '下载收件凭证' }).click()]);
    expect(download.suggestedFilename()).toBe(`${caseNo}-收件凭证.pdf`);
    const file = await download.path();
    const bytes = await fs.readFile(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);

    await page.getByTestId('case-documents').scrollIntoViewIfNeeded();
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    await screenshot(page, 'case-documents-workbench');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the applicant sees the same documents on the progress page, on a phone too', async () => {
    const context = await newContext(browser, { mobile: true });
    const page = await context.newPage();
    await login(page, 'bashufood');
    await page.goto(`/portal/cases/${caseNo}`);
    const receipt = page.getByTestId('case-document-receipt');
    await receipt.waitFor();
    expect(await receipt.innerText()).toContain('收件凭证');
    expect(await receipt.getByRole('link', { name: '下载收件凭证' }).getAttribute('href')).toBe(`/api/cases/${caseNo}/documents/receipt.pdf`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'case-documents-portal-mobile');
    await context.close();
  });
});
