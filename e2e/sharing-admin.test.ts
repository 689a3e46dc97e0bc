/**
 * 数据共享 · 接入系统管理 in the browser: a centre admin registers a department system and sees its
 * secret once; the system (this test, over HTTP) gets a token and verifies a licence with a stated
 * purpose, and the call shows in the access log; the admin suspends the system, its next call is
 * refused and shows as refused. Screenshots of both pages at 1366 px and at 360 px (zh-CN).
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { LicenceFace } from '@tongban/contracts';
import { launch, login, newContext, tofuCharacters } from './browser.ts';

const shotsDir = '/tmp/shots';
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const systemName = '市场监管审批系统（浏览器测试）';
const purpose = '审查食品经营许可申请';
const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}

/** Serious or critical axe-core (WCAG 2.1 A/AA) violations on the page, as in accessibility.test.ts. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The department system: plain HTTP calls with its credentials, as its own server would make them. */
function departmentSystem(clientId: string, clientSecret: string) {
  const base = inject('baseUrl');
  return {
    token: () =>
      fetch(`${base}/api/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
      }),
    verify: (accessToken: string, identifier: string) =>
      fetch(`${base}/api/sharing/licences/verify/${encodeURIComponent(identifier)}`, {
        // Header values are bytes: a Chinese purpose goes percent-encoded (the server decodes it).
        headers: { authorization: `Bearer ${accessToken}`, 'x-purpose': encodeURIComponent(purpose) },
      }),
  };
}

describe('data-sharing admin', () => {
  let browser: Browser;
  let identifier: string;
  beforeAll(async () => {
    browser = await launch();
    // A licence to verify: the demo enterprise's business licence.
    const context = await newContext(browser);
    const res = await context.request.post('/api/auth/login', { data: { identifier: 'bashufood', password: 'Tongban@2026' } });
    expect(res.status()).toBe(200);
    const mine = (await (await context.request.get('/api/licenses/mine')).json()) as LicenceFace[];
    identifier = mine.find((l) => l.typeName === '营业执照')!.identifier;
    expect(identifier).toBeTruthy();
    await context.close();
  });
  afterAll(async () => browser.close());

  it('registers a system and shows its secret once; its calls show in the log; suspended, its next call is refused and logged as refused', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'admin');
    await page.getByTestId('area-menu').getByRole('link', { name: '接入系统管理' }).click();
    await page.waitForURL('**/admin/sharing');

    // Register: name, scopes from the grouped list, rate.
    await page.getByTestId('sharing-register').click();
    const form = page.getByRole('dialog');
    await form.getByRole('button', { name: '登记并生成密钥' }).click();
    await expect.poll(() => form.innerText()).toContain('请至少选择一项授权范围');
    await page.getByTestId('sharing-client-name').fill(systemName);
    await form.getByRole('group', { name: '授权范围' }).waitFor();
    await form.getByRole('checkbox', { name: /核验电子证照/ }).check();
    await form.getByRole('checkbox', { name: /营业执照/ }).check();
    await form.getByRole('checkbox', { name: /法人库基础信息/ }).check();
    await form.getByLabel('每分钟调用上限').fill('30');
    await shot(page, 'sharing-register-form-1366-zh-CN');
    await form.getByRole('button', { name: '登记并生成密钥' }).click();

    // The secret, once, with the warning.
    const secretBox = page.getByTestId('sharing-secret');
    await secretBox.waitFor();
    expect(await secretBox.innerText()).toContain('密钥只显示这一次');
    const clientId = (await page.getByTestId('sharing-secret-client-id').innerText()).trim();
    const clientSecret = (await page.getByTestId('sharing-secret-value').innerText()).trim();
    expect(clientId).toMatch(/^tb-[0-9a-f]{16}$/);
    expect(clientSecret.length).toBeGreaterThanOrEqual(40);
    await expect.poll(() => page.locator('body').innerText()).toContain(`已登记接入系统“${systemName}”`);
    await shot(page, 'sharing-secret-1366-zh-CN');
    await page.getByTestId('sharing-secret-done').click();
    await secretBox.waitFor({ state: 'detached' });
    const row = page.locator('tr', { hasText: systemName });
    await expect.poll(() => row.innerText()).toContain('启用中');
    expect(await row.innerText()).toContain('调取：营业执照');
    expect(await row.innerText()).toContain('30 次/分钟');
    expect(await row.innerText()).toContain('从未调用');
    expect(await page.locator('body').innerText()).not.toContain(clientSecret);

    // The system calls with a token and a purpose.
    const system = departmentSystem(clientId, clientSecret);
    const granted = await system.token();
    expect(granted.status).toBe(200);
    const { access_token: accessToken } = (await granted.json()) as { access_token: string };
    const verified = await system.verify(accessToken, identifier);
    expect(verified.status, await verified.clone().text()).toBe(200);
    expect(((await verified.json()) as { verdict: string }).verdict).toBe('valid');

    // The list counts it; the log shows it.
    await page.reload();
    await expect.poll(() => row.innerText()).not.toContain('从未调用');
    expect(await row.locator('td').nth(4).innerText()).toBe('1');
    await row.getByRole('button', { name: '调用记录' }).click();
    await page.waitForURL(`**/admin/sharing/log?clientId=${clientId}`);
    const logRow = page.locator('.tb-sa-log tbody tr', { hasText: purpose });
    await expect.poll(() => logRow.first().innerText()).toContain('200 成功');
    expect(await logRow.first().innerText()).toContain(systemName);
    await expect.poll(() => page.getByTestId('sharing-daily-chart').innerText()).toContain('合计：成功 1 次，被拒绝 0 次');

    // Suspend, with a reason.
    await page.getByRole('button', { name: /返回接入系统管理/ }).click();
    await page.waitForURL('**/admin/sharing');
    await row.getByRole('button', { name: /停\s*用/ }).click();
    const suspend = page.getByRole('dialog');
    await suspend.getByLabel('停用原因').fill('系统升级，暂停接入');
    await suspend.getByRole('button', { name: '确认停用' }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain(`已停用“${systemName}”`);
    await expect.poll(() => row.innerText()).toContain('已停用');
    expect(await row.innerText()).toContain('系统升级，暂停接入');

    // Its token stops working at once, and it gets no new one.
    expect((await system.verify(accessToken, identifier)).status).toBe(401);
    expect((await system.token()).status).toBe(401);

    // The log, refused calls of this system only.
    await page.goto(`/admin/sharing/log?clientId=${clientId}`);
    await page.getByTestId('sharing-log-result').click();
    await page.locator('.ant-select-item-option', { hasText: '被拒绝' }).click();
    await page.waitForURL(/result=refused/);
    const refusedRows = page.locator('.tb-sa-log tbody tr.ant-table-row');
    await expect.poll(() => refusedRows.count()).toBe(1);
    expect(await refusedRows.first().innerText()).toContain('401 凭证无效');
    expect(await refusedRows.first().innerText()).toContain(systemName);
    await expect.poll(() => page.getByTestId('sharing-daily-chart').innerText()).toContain('合计：成功 1 次，被拒绝 1 次');
    await shot(page, 'sharing-log-refused-1366-zh-CN');
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => page.url()).toMatch(/\/admin\/sharing\/log$/);
    await expect.poll(() => page.getByTestId('sharing-log-result').innerText()).toBe('全部结果');
    await expect.poll(() => page.getByTestId('sharing-daily-chart').innerText()).toContain('近14天调用量\n');
    await page.waitForLoadState('networkidle');
    await shot(page, 'sharing-log-1366-zh-CN');

    await page.goto('/admin/sharing');
    await expect.poll(() => row.innerText()).toContain('已停用');
    await shot(page, 'sharing-clients-1366-zh-CN');
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('works on a 360 px phone: both pages fit the width, systems and calls as cards', async () => {
    const context = await newContext(browser, { mobile: true });
    const page = await context.newPage();
    await login(page, 'admin');
    await page.goto('/admin/sharing');
    const card = page.getByTestId('sharing-client-card').filter({ hasText: systemName });
    await expect.poll(() => card.innerText()).toContain('已停用');
    expect(await card.innerText()).toContain('系统升级，暂停接入');
    expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, 'sharing-clients-360-zh-CN');

    await page.getByTestId('sharing-register').click();
    await page
      .getByRole('dialog')
      .getByRole('checkbox', { name: /核验电子证照/ })
      .waitFor();
    await shot(page, 'sharing-register-form-360-zh-CN');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();

    await page.goto('/admin/sharing/log');
    await expect.poll(() => page.locator('.tb-sa-log-card').first().innerText()).toContain('401 凭证无效');
    await page.getByTestId('sharing-daily-chart').getByText(/合计/).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, 'sharing-log-360-zh-CN');
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    await context.close();
  });

  it('is not offered to a department admin, who is told who manages it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'deptadmin');
    await page.getByTestId('area-menu').waitFor();
    expect(await page.getByTestId('area-menu').innerText()).not.toContain('接入系统管理');
    await page.goto('/admin/sharing');
    await expect.poll(() => page.locator('#main').innerText()).toContain('只有政务服务中心管理员可以管理数据共享');
    await context.close();
  });
});
