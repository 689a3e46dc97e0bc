/** A citizen finds an item by search, opens its guide and gets the printable PDF (issue 3, portal side). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, newContext, screenshot, tofuCharacters } from './browser.ts';

describe('catalog in the portal', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser.close());

  it('search "开饭店" → the food-business licence guide with its materials → the guide PDF', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByTestId('portal-search').locator('input').fill('开饭店');
    await page.getByTestId('portal-search').locator('input').press('Enter');
    await page.waitForURL(/\/portal\/search\?.*q=/);
    const first = page.getByTestId('search-result').filter({ hasText: '食品经营许可' }).first();
    await first.waitFor();
    await screenshot(page, 'portal-search-zh-CN');
    await first.click();
    await page.waitForURL(/\/portal\/items\//);
    await expect.poll(() => page.getByTestId('guide-title').innerText()).toContain('食品经营许可');
    const materials = page.getByTestId('guide-materials');
    await materials.waitFor();
    expect(await materials.innerText()).toMatch(/营业执照|身份证/);
    await page.waitForLoadState('networkidle');
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    await screenshot(page, 'portal-guide-zh-CN');

    const href = await page.getByTestId('guide-pdf').getAttribute('href');
    expect(href).toMatch(/guide\.pdf$/);
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');
    await context.close();
  });

  it('the guide page works on a 360 px phone', async () => {
    const context = await newContext(browser, { mobile: true });
    const page = await context.newPage();
    await page.goto(`/portal/search?q=${encodeURIComponent('退休')}`);
    await page.getByTestId('search-result').first().click();
    await page.getByTestId('guide-title').waitFor();
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'portal-guide-mobile-zh-CN');
    await context.close();
  });
});
