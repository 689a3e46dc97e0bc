/** 一件事一次办 in the portal: from the home page to a bundle, its items and its merged materials; the search's `prefer`. */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, login, newContext, screenshot, tofuCharacters } from './browser.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const restaurant = '开办餐饮店一件事';

async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<Result> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The catalog search request the page sends next, as the URL's query parameters. */
async function nextSearchParams(page: Page, go: () => Promise<unknown>): Promise<URLSearchParams> {
  const [request] = await Promise.all([page.waitForRequest((r) => new URL(r.url()).pathname === '/api/catalog/items'), go()]);
  return new URL(request.url()).searchParams;
}

describe('一件事 in the portal', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser.close());

  it('home → 开办餐饮店一件事: three items in order, one merged list with the licence-library badge, the spared count → an item guide and back', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/');
    const section = page.getByTestId('home-bundles');
    await section.getByTestId('home-bundle').first().waitFor();
    const card = section.getByTestId('home-bundle').filter({ hasText: restaurant });
    if ((await card.count()) === 0) {
      // More bundles than the first cards: the toggle says how many, and says it is open afterwards.
      const more = section.locator('button[aria-controls]');
      expect(await more.innerText()).toMatch(/查看全部\d+个/);
      expect(await more.getAttribute('aria-expanded')).toBe('false');
      await more.click();
      expect(await more.getAttribute('aria-expanded')).toBe('true');
      expect(await more.innerText()).toContain('收起');
    }
    expect(await section.innerText()).toContain('3个事项');
    await screenshot(page, 'portal-home-bundles-zh-CN');
    await card.click();
    await page.waitForURL(/\/portal\/bundles\/open-restaurant$/);

    await expect.poll(() => page.getByTestId('bundle-title').innerText()).toBe(restaurant);
    const items = page.getByTestId('bundle-item');
    expect(await items.allInnerTexts()).toEqual(['个体工商户设立登记', '食品经营许可（新办）', '灵活就业人员参保登记']);

    const materials = page.getByTestId('bundle-materials');
    const text = await materials.innerText();
    expect(text).toContain('免提交，系统调取');
    expect(text).toContain('电子证照库自动调取，无需提交');
    // The ID card is asked for by all three items and listed once, naming them.
    expect(text.match(/经营者居民身份证/g)).toHaveLength(1);
    const idCard = materials.locator('li.tb-material').filter({ hasText: '经营者居民身份证' });
    expect(await idCard.innerText()).toContain('3个事项共用，只交一次');
    expect(await idCard.locator('.tb-used-by li').count()).toBe(3);
    expect(await page.getByTestId('bundle-spared').innerText()).toMatch(/合并后少交[1-9]\d*份材料/);
    expect(await page.getByTestId('bundle-how').innerText()).toContain('将随网上申请一起开放');

    await page.waitForLoadState('networkidle');
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'portal-bundle-zh-CN');

    await items.filter({ hasText: '食品经营许可' }).click();
    await page.waitForURL(/\/portal\/items\//);
    await expect.poll(() => page.getByTestId('guide-title').innerText()).toContain('食品经营许可');
    await page.getByRole('link', { name: '返回一件事' }).click();
    await page.waitForURL(/\/portal\/bundles\/open-restaurant$/);
    await page.getByTestId('bundle-title').waitFor();
    await context.close();
  });

  it('the bundle page works on a 360 px phone, also in elder mode', async () => {
    for (const elder of [false, true]) {
      const context = await newContext(browser, { mobile: true });
      if (elder) await context.addInitScript(() => localStorage.setItem('tb.elder', '1'));
      const page = await context.newPage();
      await page.goto('/');
      await page.getByTestId('home-bundle').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `portal-home-bundles-mobile${elder ? '-elder' : ''}-zh-CN`);

      await page.goto('/portal/bundles/open-restaurant');
      await page.getByTestId('bundle-title').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `portal-bundle-mobile${elder ? '-elder' : ''}-zh-CN`);
      await context.close();
    }
  });

  it('speaks English too, still without sideways scrolling at 360 px', async () => {
    const context = await newContext(browser, { mobile: true });
    const page = await context.newPage();
    await page.goto('/portal/bundles/open-restaurant');
    await page.getByTestId('bundle-title').waitFor();
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('bundle-items').innerText()).toContain('What you get done at once');
    expect(await page.getByTestId('bundle-spared').innerText()).toMatch(/\d+ fewer documents? to hand in/);
    await page.waitForLoadState('networkidle');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'portal-bundle-mobile-en');
    await context.close();
  });

  it('an unknown or malformed bundle gets a friendly not-found page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const key of ['no-such-bundle', 'Bad_Key!']) {
      await page.goto(`/portal/bundles/${encodeURIComponent(key)}`);
      const notFound = page.getByTestId('bundle-not-found');
      await notFound.waitFor();
      expect(await notFound.innerText()).toContain('没有找到这个“一件事”');
    }
    await screenshot(page, 'portal-bundle-not-found-zh-CN');
    await context.close();
  });

  it('the search ranks the signed-in applicant’s own kind of items first (prefer), and sends nothing when anonymous', async () => {
    const cases = [
      { user: null, prefer: null },
      { user: 'zhangsan', prefer: '1' },
      { user: 'bashufood', prefer: '2' },
    ] as const;
    for (const { user, prefer } of cases) {
      const context = await newContext(browser);
      const page = await context.newPage();
      if (user) await login(page, user);
      const params = await nextSearchParams(page, () => page.goto(`/portal/search?q=${encodeURIComponent('登记')}`));
      expect(params.get('q')).toBe('登记');
      expect(params.get('prefer'), user ?? 'anonymous').toBe(prefer);
      await page.getByTestId('search-result').first().waitFor();
      await context.close();
    }
  });
});
