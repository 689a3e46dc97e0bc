/**
 * 主体库 in the browser: a window clerk states a purpose and finds the demo citizen by ID number,
 * masked; opens the record and, after confirming, sees the full record; the centre admin adds an
 * organisation (a wrong check character is refused beside the field) and sees in the record who
 * looked it up and why. At 1366 px and at 360 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeCreditCode } from '@tongban/domain';
import { demoCitizen } from '../apps/server/db/seed/demo-data.ts';
import { launch, login, newContext, screenshot } from './browser.ts';

const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function searchFor(page: Page, purpose: string, q: string) {
  await page.goto('/workbench/subjects');
  await page.getByLabel('查询事由').fill(purpose);
  await page.getByLabel('身份证号码 / 统一社会信用代码 / 名称').fill(q);
  await page.getByRole('button', { name: /搜\s*索/ }).click();
}

describe('subject registry (主体库)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('lets a window clerk find a person masked and show the full record on purpose', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'window01');
    await page.getByRole('link', { name: '主体库查询' }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('主体库查询');
    // Without a purpose nothing is searched.
    await page.getByLabel('身份证号码 / 统一社会信用代码 / 名称').fill(demoCitizen.residentId);
    await page.getByRole('button', { name: /搜\s*索/ }).click();
    await page.getByText('请填写查询事由（至少2个字）').waitFor();

    await searchFor(page, '一窗受理核对申请人身份', demoCitizen.residentId);
    const row = page.getByRole('row', { name: /张\*/ });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain(`${demoCitizen.residentId.slice(0, 6)}********`);
    expect(await page.locator('.ant-table').textContent()).not.toContain(demoCitizen.residentId);
    await screenshot(page, 'subjects-search');

    await row.getByRole('button', { name: '张*' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('个人信息已脱敏显示').waitFor();
    await drawer.getByRole('button', { name: '查看完整信息' }).click();
    await page.getByRole('button', { name: '查看完整信息' }).last().click();
    await page.getByText('已显示完整信息，本次查看已记入审计日志').waitFor();
    await drawer.getByText(demoCitizen.residentId).waitFor();
    await drawer.getByText('张三', { exact: true }).waitFor();
    await screenshot(page, 'subjects-full');
    await context.close();
  });

  it('lets the centre admin add an organisation and see who looked it up', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'admin');
    await page.goto('/workbench/subjects');
    await page.getByRole('button', { name: '新增主体' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('主体类别').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '社会组织' }).first().click();
    const code = makeCreditCode('5', '1', '511902', 'MJ000077');
    await form.getByLabel('统一社会信用代码').fill(`${code.slice(0, 17)}${code.endsWith('0') ? '1' : '0'}`);
    await form.getByLabel('名称 / 姓名').fill('巴州区志愿者协会');
    await form.getByLabel('数据来源').fill('巴中市民政局（社会组织登记）');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.getByText('统一社会信用代码校验位不正确').first().waitFor();
    await form.getByLabel('统一社会信用代码').fill(code);
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已新增主体“巴州区志愿者协会”').waitFor();

    await searchFor(page, '维护主体库', '志愿者协会');
    await page.getByRole('button', { name: '巴州区志愿者协会' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('查询记录').waitFor();
    await drawer.getByText('事由：维护主体库').first().waitFor();
    await screenshot(page, 'subjects-admin-record');
    await context.close();
  });

  it('fits a phone screen', async () => {
    const context = await newContext(browser, { mobile: true });
    const page = await context.newPage();
    await login(page, 'window01');
    await searchFor(page, '核对身份', '巴蜀味道');
    await page.getByRole('button', { name: '巴中市巴蜀味道餐饮有限公司' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'subjects-mobile');
    // The menu opens from the header, over the page, and closes when a page is chosen.
    const menu = page.getByTestId('area-menu');
    expect(await menu.isVisible()).toBe(false);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await menu.getByRole('link', { name: '主体库查询' }).waitFor();
    await screenshot(page, 'staff-menu-mobile');
    await menu.getByRole('link', { name: '主体库查询' }).click();
    await page.getByRole('button', { name: '打开菜单' }).waitFor();
    await expect.poll(() => menu.isVisible()).toBe(false);
    await context.close();
  });
});
