/**
 * A department admin maintains a catalog item (issue 3, admin side): edits a published item so a
 * publishing rule breaks, sees the refusal listing that rule, fixes it, publishes, and the public
 * guide shows the new version. Also: the form-schema editor's live preview, the version diff, the
 * list at 360 px, glyphs and axe.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, login, newContext, screenshot, tofuCharacters } from './browser.ts';

const ITEM = '特种设备使用登记';
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/** Console errors and warnings, except the failed responses the journey provokes on purpose (422). */
function watchConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    // 401: the session check on the login page; 422: the refusal the journey provokes.
    if (/status of (401|422)/.test(m.text())) return;
    messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  return messages;
}

/** Picks an option of the antd Select whose accessible name is `label`. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
}

const bodyText = (page: Page) => page.locator('body').innerText();
/** Polls with room for a save and a publish on the embedded database. */
const eventually = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 15_000 });

describe('catalog maintenance console', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser.close());

  it('a department admin breaks a publishing rule, sees it refused, fixes it, publishes, and the public guide shows version 2', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const consoleMessages = watchConsole(page);
    await login(page, 'deptadmin');

    // The list: the department's items, found by name.
    await page.getByTestId('area-menu').getByRole('link', { name: '事项管理' }).click();
    await page.waitForURL(/\/admin\/catalog$/);
    await page.getByTestId('catalog-admin-search').locator('input').fill('特种设备');
    await page.getByTestId('catalog-admin-search').locator('input').press('Enter');
    const row = page.getByTestId('catalog-admin-table').locator('tr', { hasText: ITEM });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/已发布[\s\S]*公众看到：第 1 版/);
    await row.getByRole('button', { name: `编辑“${ITEM}”` }).click();
    await page.waitForURL(/\/admin\/catalog\/items\//);

    // The editor says what saving a published version does.
    const implCode = (await page.getByTestId('item-impl-code').innerText()).trim();
    expect(implCode).toMatch(/^[0-9A-Z]{31}$/);
    await eventually(() => bodyText(page)).toContain('保存修改会生成第 2 版草稿；在第 2 版发布之前，公众仍看到第 1 版');
    await page.waitForLoadState('networkidle');
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'catalog-admin-editor-zh-CN');

    // Promise 20 working days where the law allows 15: the case type follows the unit.
    await page.getByRole('tab', { name: '时限与办理' }).click();
    await choose(page, '承诺办结时限：单位', '工作日');
    await page.getByLabel('承诺办结时限：数值').fill('20');
    expect(await page.getByRole('radio', { name: '承诺件' }).isChecked()).toBe(true);
    await eventually(() => page.getByTestId('live-check').innerText()).toContain('1 条规则未满足');
    await screenshot(page, 'catalog-admin-time-zh-CN');

    await page.getByTestId('action-save').click();
    await eventually(() => bodyText(page)).toContain('已保存为第 2 版草稿。公众仍看到第 1 版');
    await eventually(() => page.getByTestId('item-versions-text').innerText()).toContain('第 2 版待发布');

    // Publishing is refused, with the rule in plain words and a link to the field.
    await page.getByTestId('action-publish').click();
    const refusal = page.getByTestId('publish-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('未能发布第 2 版');
    expect(await refusal.innerText()).toContain('承诺办结时限不能超过法定办结时限');
    await screenshot(page, 'catalog-admin-refusal-zh-CN');

    await refusal.getByRole('link', { name: /去修改：承诺办结时限/ }).click();
    const promised = page.getByLabel('承诺办结时限：数值');
    await eventually(() => promised.evaluate((el) => el === document.activeElement)).toBe(true);
    await promised.fill('10');
    await page.locator('#item_promisedLimit_note').fill('资料齐全的，10个工作日内办结');
    await eventually(() => refusal.innerText()).toContain('已修改，待重新发布');
    await eventually(() => page.getByTestId('live-check').innerText()).toContain('发布检查通过');

    // "保存并发布": saves the fix, then publishes.
    await page.getByTestId('action-publish').click();
    await eventually(() => bodyText(page)).toContain('已发布第 2 版，公众页面已更新');
    await page.getByTestId('published-notice').waitFor();
    expect(await refusal.count()).toBe(0);
    await screenshot(page, 'catalog-admin-published-zh-CN');

    // The version history and a readable diff of 1 → 2.
    await page.getByTestId('open-versions').click();
    const diff = page.getByTestId('version-diff');
    await diff.waitFor();
    const diffText = await diff.innerText();
    expect(diffText).toContain('第 1 版 → 第 2 版');
    expect(diffText).toContain('承诺办结时限');
    expect(diffText).toMatch(/即办[\s\S]*工作日/);
    expect(diffText).toContain('办件类型');
    expect(await page.getByTestId('versions-table').innerText()).toMatch(/第 2 版\s+已发布/);
    await screenshot(page, 'catalog-admin-versions-zh-CN');
    await page.keyboard.press('Escape');

    // The form-schema editor: the live preview renders the form and a starter field.
    await page.getByRole('tab', { name: '申请表单' }).click();
    const preview = page.getByTestId('form-preview');
    await eventually(() => preview.innerText()).toContain('使用单位名称');
    await page.getByTestId('snippet-idNumber').click();
    await eventually(() => preview.innerText()).toContain('公民身份号码');
    expect(await preview.locator('input').count()).toBeGreaterThan(5);
    await screenshot(page, 'catalog-admin-form-zh-CN');
    // A JSON mistake is reported with its line, and the preview keeps the last good form.
    await page.getByTestId('form-schema-text').fill('{\n  "type": "object",\n  "properties": {\n    "a": { "type": "string" },\n  }\n}');
    await eventually(() => bodyText(page)).toMatch(/第 \d+ 行第 \d+ 列附近的 JSON 格式不正确/);
    await eventually(() => preview.innerText()).toContain('JSON 有错误');

    // The public guide shows version 2's promise.
    const guide = await page.request.get(`/api/catalog/items/${implCode}`);
    expect(guide.status()).toBe(200);
    const published = (await guide.json()) as { version: number; content: { promisedLimit: { value: number; unit: string }; caseType: string } };
    expect(published.version).toBe(2);
    expect(published.content.promisedLimit).toMatchObject({ value: 10, unit: 'working_day' });
    expect(published.content.caseType).toBe('2');
    await page.goto(`/portal/items/${implCode}`);
    await eventually(() => page.getByTestId('guide-title').innerText()).toContain(ITEM);
    await eventually(() => bodyText(page)).toContain('承诺10个工作日内办结');
    expect(await page.getByTestId('guide-edition').innerText()).toMatch(/^第 2 版 · \d{4}年\d{1,2}月\d{1,2}日 发布$/);
    expect(await bodyText(page)).toContain('资料齐全的，10个工作日内办结');
    await screenshot(page, 'catalog-admin-public-guide-zh-CN');

    expect(consoleMessages).toEqual([]);
    await context.close();
  });

  it('the item list works at 360 px, without tofu and without serious axe violations', async () => {
    const context = await newContext(browser, { mobile: true });
    const page = await context.newPage();
    await login(page, 'deptadmin');
    await page.goto('/admin/catalog');
    await page.getByTestId('catalog-admin-table').locator('tr.ant-table-row').first().waitFor();
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'catalog-admin-list-mobile-zh-CN');
    await context.close();
  });
});
