/** A centre admin maintains the organisation in the admin console; a wrong credit code is caught beside its field. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, login, newContext, screenshot } from './browser.ts';

describe('admin console', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser.close());

  it('edits a department: a bad credit code is refused beside the field, a good edit is confirmed and shown', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'admin');
    await page.goto('/admin/departments');
    const row = page.locator('tr', { hasText: '巴中市生态环境局' });
    await row.getByRole('button', { name: /编\s*辑/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
    await dialog.getByLabel('联系电话').fill('0827-5260000');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => dialog.innerText()).toContain('校验位不正确');
    await screenshot(page, 'admin-department-error-zh-CN');

    const valid = await page.evaluate(async () => {
      const r = await fetch('/api/org/departments?q=巴中市生态环境局');
      return ((await r.json()) as { items: { creditCode: string }[] }).items[0]?.creditCode ?? '';
    });
    await dialog.getByLabel('统一社会信用代码').fill(valid);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('已保存部门“巴中市生态环境局”');
    await expect.poll(() => row.innerText()).toContain('0827-5260000');
    const saved = await page.evaluate(async () => {
      const r = await fetch('/api/org/departments?q=巴中市生态环境局');
      return ((await r.json()) as { items: { phone: string; version: number }[] }).items[0];
    });
    expect(saved).toMatchObject({ phone: '0827-5260000', version: 2 });
    await context.close();
  });

  it('the public portal does not download the admin, workbench or supervision code', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto('/');
    await page.getByTestId('portal-search').waitFor();
    await page.waitForLoadState('networkidle');
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => /\/assets\/(admin|workbench|supervision)-/.test(s))).toEqual([]);
    // ...while opening the admin console does fetch its own chunk.
    await login(page, 'admin');
    await page.getByTestId('area-menu').waitFor();
    expect(scripts.some((s) => /\/assets\/admin-/.test(s))).toBe(true);
    await context.close();
  });
});
