/** 我的办件 and the progress page: a case zhangsan submits shows up, its timeline reads plainly, and it can be withdrawn. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CaseDetail, ItemSummary, Page as ListPage, SessionUser } from '@tongban/contracts';
import { pdfBytes } from '../apps/server/src/modules/files/sample-files.ts';
import { launch, login, newContext, screenshot, tofuCharacters } from './browser.ts';

const itemName = '药品零售企业许可';
const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Submits a case as the logged-in user through the API (the same body the server's case tests use). */
async function submitCase(page: Page): Promise<CaseDetail> {
  const me = await page.request.get('/api/auth/me');
  expect(me.status()).toBe(200);
  const { csrfToken } = (await me.json()) as SessionUser;
  const items = await page.request.get(`/api/catalog/items?q=${encodeURIComponent(itemName)}`);
  const item = ((await items.json()) as ListPage<ItemSummary>).items.find((i) => i.name === itemName);
  expect(item, itemName).toBeDefined();
  // Online, a material provided by upload carries an uploaded file.
  const uploaded = await page.request.post(`/api/files?name=${encodeURIComponent('材料.pdf')}`, {
    headers: { 'x-csrf-token': csrfToken, 'content-type': 'application/pdf' },
    data: pdfBytes('portal cases'),
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const files = [((await uploaded.json()) as { id: string }).id];
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
        { materialKey: 'pharmacist_cert', provided: 'upload', files },
        { materialKey: 'premises', provided: 'upload', files },
        { materialKey: 'quality_docs', provided: 'upload', files },
      ],
      delivery: { method: 'window' },
      idempotencyKey: `e2e-portal-cases-${Date.now()}`,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as CaseDetail;
}

describe('我的办件 in the portal', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser.close());

  it('a submitted case appears in 我的办件, its progress reads as a timeline, and it can be withdrawn', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'zhangsan');
    const made = await submitCase(page);

    await page.goto('/portal/cases');
    const card = page.locator(`[data-testid="my-case"][data-case-no="${made.caseNo}"]`);
    await card.waitFor();
    const cardText = await card.innerText();
    expect(cardText).toContain(itemName);
    expect(cardText).toContain(made.caseNo);
    expect(cardText).toContain('已提交，等待审核材料');
    expect(cardText).toContain('（待受理）');
    expect(cardText).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    await page.waitForLoadState('networkidle');
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    await screenshot(page, 'portal-my-cases-zh-CN');

    await card.getByRole('link', { name: itemName }).click();
    await page.waitForURL((url) => url.pathname === `/portal/cases/${made.caseNo}`);
    await expect.poll(() => page.getByTestId('case-title').innerText()).toBe(itemName);
    const timeline = page.getByTestId('case-timeline');
    expect(await timeline.getByTestId('case-event').first().innerText()).toContain('您提交了申请');
    expect(await page.getByTestId('case-next').innerText()).toContain('工作人员会审核您的材料');
    expect(await page.getByTestId('case-summary').innerText()).toContain('受理后开始计算办理时间');
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'portal-case-progress-zh-CN');

    await page.getByTestId('case-withdraw').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('确定撤回这件申请吗？');
    await dialog.getByLabel('撤回原因（可不填）').fill('信息填错了，重新申请');
    await screenshot(page, 'portal-case-withdraw-confirm-zh-CN');
    await dialog.getByRole('button', { name: '确定撤回' }).click();
    await expect.poll(() => page.locator('.ant-message').innerText()).toContain(`已撤回申请，办件编号${made.caseNo}`);
    await expect.poll(() => page.getByTestId('case-status').getAttribute('data-status')).toBe('withdrawn');
    expect(await page.getByTestId('case-status').innerText()).toContain('您已撤回');
    expect(await page.locator('[data-testid="case-event"][data-type="withdrawn"]').innerText()).toContain('您撤回了申请');
    expect(await page.getByTestId('case-timeline').innerText()).toContain('信息填错了，重新申请');
    expect(await page.getByTestId('case-withdraw').count()).toBe(0);
    expect(await page.getByTestId('case-closed').innerText()).toContain('已撤回，这件事不会再办理');
    await screenshot(page, 'portal-case-withdrawn-zh-CN');

    await page.getByRole('link', { name: '返回我的办件' }).click();
    await expect.poll(() => card.getByTestId('case-status').getAttribute('data-status')).toBe('withdrawn');
    await context.close();
  });

  it('the progress page fits a 360 px phone, also in elder mode, and an unknown case gets a friendly not-found', async () => {
    for (const elder of [false, true]) {
      const context = await newContext(browser, { mobile: true });
      if (elder) await context.addInitScript(() => localStorage.setItem('tb.elder', '1'));
      const page = await context.newPage();
      await login(page, 'zhangsan');
      const made = await submitCase(page);
      await page.goto(`/portal/cases/${made.caseNo}`);
      await page.getByTestId('case-timeline').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `portal-case-progress-mobile${elder ? '-elder' : ''}-zh-CN`);

      await page.goto('/portal/cases');
      await page.getByTestId('my-case').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `portal-my-cases-mobile${elder ? '-elder' : ''}-zh-CN`);
      await context.close();
    }

    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'zhangsan');
    for (const caseNo of ['11511900MB1234567X351M010002001-20260302-000001', 'not-a-case']) {
      await page.goto(`/portal/cases/${caseNo}`);
      const notFound = page.getByTestId('case-not-found');
      await notFound.waitFor();
      expect(await notFound.innerText()).toContain('没有找到这件办件');
    }
    await screenshot(page, 'portal-case-not-found-zh-CN');
    await context.close();
  });
});
