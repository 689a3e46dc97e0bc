/**
 * A department admin edits an item's process definition (办理流程, issue 4 §2): opens it from the
 * item editor, reads the diagram of the demo parallel process (并联审批), adds a review step,
 * sees the share rule broken, fixes it, saves version n+1 after a confirmation naming it, finds
 * it in the version history and through the API, and views the old version read-only. Also:
 * the page at 1366 px and 768 px (the diagram turns top to bottom), glyphs and axe.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ProcessRecord, ProcessVersionSummary } from '@tongban/contracts';
import { launch, login, newContext, screenshot, tofuCharacters } from './browser.ts';

const ITEM = '食品经营许可（新办）';
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

function watchConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    // 401: the session check on the login page.
    if (/status of 401/.test(m.text())) return;
    messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  return messages;
}

const eventually = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 15_000 });

describe('process editor (办理流程)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser.close());

  it('a department admin adds a review step to a parallel process, fixes the shares, saves version n+1 and the server returns it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const consoleMessages = watchConsole(page);
    await login(page, 'deptadmin');

    // From the catalog list to the item editor, then its process.
    await page.goto('/admin/catalog');
    await page.getByTestId('catalog-admin-search').locator('input').fill('食品经营许可');
    await page.getByTestId('catalog-admin-search').locator('input').press('Enter');
    const row = page.getByTestId('catalog-admin-table').locator('tr', { hasText: ITEM });
    await row.getByRole('button', { name: `编辑“${ITEM}”` }).click();
    await page.waitForURL(/\/admin\/catalog\/items\/[0-9a-f-]+$/);
    await page.getByTestId('open-process').click();
    await page.waitForURL(/\/admin\/catalog\/items\/[0-9a-f-]+\/process$/);
    const itemId = /items\/([0-9a-f-]+)\/process/.exec(page.url())![1]!;

    // The version new cases pin now, as the server says.
    const before = (await (await page.request.get(`/api/processes/${itemId}`)).json()) as ProcessRecord;
    expect(before.version).not.toBeNull();
    const n = before.version!;

    // The diagram of the demo process: 受理 → 材料审查 → 并联 (three departments) → 决定 → 送达.
    const diagram = page.getByTestId('process-diagram');
    await diagram.waitFor();
    await eventually(() => diagram.innerText()).toContain('市卫健委');
    const diagramText = await diagram.innerText();
    for (const text of ['受理', '材料审查', '联合现场核查', '食品安全现场核查', '从业人员健康核验', '油烟排放核验', '市生态环境局', '审查人员', '决定', '送达'])
      expect(diagramText).toContain(text);
    expect(await diagram.getByTestId('diagram-parallel').count()).toBe(1);
    expect(await diagram.getByTestId('diagram-parallel').getByTestId('diagram-step').count()).toBe(3);
    expect(await diagram.getByTestId('diagram-join').innerText()).toContain('汇合：所有部门办完后汇合');
    // The item's promised limit is 3 working days: 材料审查's 30% is 0.9 of them.
    expect(await diagram.locator('[data-key="review"]').innerText()).toMatch(/30%[\s\S]*0\.9 个工作日/);
    await expect.poll(() => page.getByTestId('process-current-version').innerText()).toContain(`第 ${n} 版`);
    expect(await page.getByTestId('share-total').innerText()).toContain('时限占比合计 80%');
    await page.waitForLoadState('networkidle');
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'process-editor-1366');

    // Add a review step: it goes before 决定 with the share left (20%), and the cursor in its name.
    await page.getByTestId('add-review-step').click();
    const stages = page.getByTestId('edit-stage');
    await eventually(() => stages.count()).toBe(6);
    const name = page.locator('#pe-stages-3-step-name');
    await eventually(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await name.fill('合规复核');
    expect(await page.locator('#pe-stages-3-step-sharePercent').inputValue()).toBe('20');
    expect(await stages.nth(4).innerText()).toContain('决定');

    // 40% breaks the rule: the problem shows at the top, beside the total, and saving is held back.
    const share = page.locator('#pe-stages-3-step-sharePercent');
    await share.fill('40');
    const problems = page.getByTestId('process-problems');
    await eventually(() => problems.innerText()).toContain('各环节时限占比之和不能超过100%');
    expect(await page.getByTestId('share-total').innerText()).toContain('超出 20%');
    expect(await page.getByTestId('process-check').innerText()).toContain('1 个问题待修改');
    await page.getByTestId('process-save').click();
    expect(await page.locator('.ant-modal-confirm').count()).toBe(0);
    await eventually(() => page.locator('#pe-stages').evaluate((el) => el === document.activeElement)).toBe(true);
    await eventually(() => diagram.innerText()).toContain('合规复核');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await screenshot(page, 'process-editor-problem-1366');

    // Fixed: 20% fills the limit exactly.
    await share.fill('20');
    await eventually(() => problems.count()).toBe(0);
    expect(await page.getByTestId('share-total').innerText()).toContain('已全部分配');
    expect(await page.getByTestId('process-check').innerText()).toContain('检查通过');

    // Save: the confirmation names the version.
    await page.getByTestId('process-save').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(`保存为第 ${n + 1} 版？`);
    await page.getByTestId('process-save-confirm').click();
    await eventually(() => page.getByTestId('process-saved').innerText()).toContain(`已保存为第 ${n + 1} 版`);
    await eventually(() => page.getByTestId('process-current-version').innerText()).toContain(`第 ${n + 1} 版 · 刘洋`);
    const versions = page.getByTestId('process-versions-table');
    await eventually(() => versions.innerText()).toContain(`第 ${n + 1} 版`);
    const newRow = versions.locator('tr', { hasText: `第 ${n + 1} 版` });
    expect(await newRow.innerText()).toMatch(/管理员保存[\s\S]*刘洋/);

    // The server runs the new version for new cases.
    const after = (await (await page.request.get(`/api/processes/${itemId}`)).json()) as ProcessRecord;
    expect(after.version).toBe(n + 1);
    expect(after.createdByName).toBe('刘洋');
    const added = after.definition.stages[3];
    expect(added?.type === 'step' ? added.step : null).toMatchObject({
      name: '合规复核',
      kind: 'review',
      role: 'reviewer',
      departmentId: null,
      sharePercent: 20,
    });
    expect(after.definition.stages.map((s) => (s.type === 'step' ? s.step.kind : 'parallel'))).toEqual([
      'accept',
      'review',
      'parallel',
      'review',
      'decide',
      'deliver',
    ]);
    const list = (await (await page.request.get(`/api/processes/${itemId}/versions`)).json()) as ProcessVersionSummary[];
    expect(list.find((v) => v.version === n + 1)?.origin).toBe('saved');

    // The old version, read-only: the same diagram without the new step.
    await page.getByTestId(`view-version-${n}`).click();
    const old = page.getByTestId('version-diagram');
    await old.waitFor();
    await eventually(() => old.innerText()).toContain('联合现场核查');
    expect(await old.innerText()).not.toContain('合规复核');
    expect(await page.getByTestId('version-view').locator('input').count()).toBe(0);
    await screenshot(page, 'process-editor-version-1366');
    await page.keyboard.press('Escape');
    await eventually(() => old.count()).toBe(0);

    // 768 px: the diagram runs top to bottom and nothing overflows the page.
    await page.setViewportSize({ width: 768, height: 1024 });
    await eventually(() =>
      page
        .locator('.tb-pe-flow')
        .first()
        .evaluate((el) => getComputedStyle(el).flexDirection),
    ).toBe('column');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await screenshot(page, 'process-editor-768');

    expect(consoleMessages).toEqual([]);
    await context.close();
  });
});
