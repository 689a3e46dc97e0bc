/** axe-core checks (UX.md: semantic HTML, labels on every field, contrast) on the pages people use most. */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, login, newContext } from './browser.ts';

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

describe('accessibility', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser.close());

  const pages = [
    { name: 'login', user: null, path: '/login', ready: 'login-submit' },
    { name: 'portal home', user: null, path: '/', ready: 'portal-search' },
    { name: 'admin staff list', user: 'admin', path: '/admin/staff', ready: 'area-menu' },
    { name: 'workbench inbox', user: 'window01', path: '/workbench', ready: 'area-menu' },
  ] as const;

  it.each(pages)('$name has no serious or critical axe violations', async ({ user, path, ready }) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    if (user) await login(page, user);
    await page.goto(path);
    await page.getByTestId(ready).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
