/**
 * The staff workbench's cases (办件): a citizen submits through the API, the window officer finds
 * the case in the inbox with its light, opens it, accepts it and sees the timeline grow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pdfBytes } from '../apps/server/src/modules/files/sample-files.ts';
import { launch, login, newContext, screenshot, tofuCharacters } from './browser.ts';

const ITEM = '药品零售企业许可';

/** Submits a case as zhangsan (a citizen) through the API; returns its number. */
async function submitAsCitizen(page: Page): Promise<string> {
  const loginRes = await page.request.post('/api/auth/login', { data: { identifier: 'zhangsan', password: 'Tongban@2026' } });
  expect(loginRes.status(), await loginRes.text()).toBe(200);
  const { csrfToken } = (await loginRes.json()) as { csrfToken: string };
  const search = await page.request.get(`/api/catalog/items?q=${encodeURIComponent(ITEM)}`);
  const items = ((await search.json()) as { items: { name: string; implCode: string }[] }).items;
  const implCode = items.find((i) => i.name === ITEM)?.implCode;
  expect(implCode, ITEM).toBeTruthy();
  // Online, a material provided by upload carries an uploaded file.
  const uploaded = await page.request.post(`/api/files?name=${encodeURIComponent('材料.pdf')}`, {
    headers: { 'x-csrf-token': csrfToken, 'content-type': 'application/pdf' },
    data: pdfBytes('workbench cases'),
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const files = [((await uploaded.json()) as { id: string }).id];
  const res = await page.request.post('/api/cases', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      implCode,
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
      idempotencyKey: `e2e-workbench-${Date.now()}`,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  await page.request.post('/api/auth/logout', { headers: { 'x-csrf-token': csrfToken } });
  return ((await res.json()) as { caseNo: string }).caseNo;
}

describe('workbench cases', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser.close());

  it('the window officer finds a new case in the inbox, opens it, accepts it and the timeline grows', async () => {
    const citizen = await newContext(browser);
    const caseNo = await submitAsCitizen(await citizen.newPage());
    await citizen.close();

    const context = await newContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await login(page, 'window01');
    await page.goto('/workbench?pageSize=100');
    const row = page.getByTestId('inbox-table').locator('tr', { hasText: caseNo });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/未计时[\s\S]*药品零售企业许可[\s\S]*受理[\s\S]*尚未受理/);
    await screenshot(page, 'workbench-inbox');

    await row.getByRole('link', { name: caseNo }).click();
    await page.waitForURL(new RegExp(`/workbench/cases/${caseNo}$`));
    await page.getByTestId('case-timeline').waitFor();
    // The application form of an online submission is the form itself: shown as filled in online, not as missing.
    expect(await page.locator('tr', { hasText: '药品经营许可证申请表' }).innerText()).toContain('在线填报');
    const timeline = page.getByTestId('case-timeline').locator('.ant-timeline-item');
    expect(await timeline.count()).toBe(1);
    expect(await page.getByTestId('case-status').innerText()).toBe('已提交待受理');
    // Only the 受理 step's actions: the window holds no review step here.
    expect(await page.getByTestId('case-action-approve').count()).toBe(0);
    expect(await page.locator('body').innerText()).toMatch(/电子证照库调取[\s\S]*申请人上传/);

    await page.getByTestId('case-action-accept').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('意见').fill('材料齐全，予以受理');
    await dialog.getByRole('button', { name: '确认' }).click();
    await page.getByText(`已受理办件 ${caseNo}`).waitFor();
    await expect.poll(() => page.getByTestId('case-status').innerText()).toBe('办理中');
    expect(await timeline.count()).toBe(2);
    expect(await page.getByTestId('case-timeline').innerText()).toMatch(/受理[\s\S]*意见：材料齐全，予以受理/);
    expect(await page.getByTestId('case-clock').innerText()).toMatch(/剩余\d+个工作日/);
    // The window holds no step of 审查 (reviewer): nothing more to do.
    expect(await page.getByTestId('case-action-accept').count()).toBe(0);
    await screenshot(page, 'workbench-case');
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
