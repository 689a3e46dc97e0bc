/**
 * 消息中心: zhangsan submits through the API and the window accepts; the job worker of the
 * running server writes the messages; the bell in the portal header counts them, the message
 * centre lists them, one is marked read, another opens its case. The window officer finds the
 * new task in the workbench's centre and marks everything read. Desktop and 360 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import type { CaseDetail, ItemSummary, Page as ListPage, SessionUser, UnreadCount } from '@tongban/contracts';
import { launch, login, newContext, screenshot, tofuCharacters } from './browser.ts';

const itemName = '药品零售企业许可';
const minimalPdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
/** The server's worker runs the jobs within a second or so: wait for it, without asserting on time. */
const workerWait = { timeout: 20_000, interval: 250 };
/** The page fetches, re-renders and refetches after an action: wait for that too. */
const ui = { timeout: 15_000 };

async function csrfOf(request: APIRequestContext): Promise<string> {
  const me = await request.get('/api/auth/me');
  expect(me.status()).toBe(200);
  return ((await me.json()) as SessionUser).csrfToken;
}

const unreadOf = async (request: APIRequestContext) => ((await (await request.get('/api/messages/unread-count')).json()) as UnreadCount).unread;

/** Marks everything read through the API, so that the test starts from a known count. */
async function readAll(request: APIRequestContext) {
  const res = await request.post('/api/messages/read-all', { headers: { 'x-csrf-token': await csrfOf(request) } });
  expect(res.status(), await res.text()).toBe(200);
}

/** zhangsan applies online (uploading a file for each uploaded material), as the server's case tests do. */
async function submitCase(page: Page): Promise<CaseDetail> {
  const csrf = await csrfOf(page.request);
  const items = await page.request.get(`/api/catalog/items?q=${encodeURIComponent(itemName)}`);
  const item = ((await items.json()) as ListPage<ItemSummary>).items.find((i) => i.name === itemName);
  expect(item, itemName).toBeDefined();
  const upload = async (name: string) => {
    const res = await page.request.post(`/api/files?name=${name}.pdf`, {
      headers: { 'x-csrf-token': csrf, 'content-type': 'application/pdf' },
      data: minimalPdf,
    });
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const res = await page.request.post('/api/cases', {
    headers: { 'x-csrf-token': csrf },
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
        ...(await Promise.all(
          ['pharmacist_cert', 'premises', 'quality_docs'].map(async (key) => ({ materialKey: key, provided: 'upload', files: [await upload(key)] })),
        )),
      ],
      delivery: { method: 'window' },
      idempotencyKey: `e2e-messages-${Date.now()}`,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as CaseDetail;
}

describe('消息中心 in the portal and the workbench', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser.close());

  it('the bell counts the messages of a submitted and accepted case; the centre lists them, marks one read and opens the case', async () => {
    const office = await newContext(browser);
    const windowPage = await office.newPage();
    await login(windowPage, 'window01');
    await readAll(windowPage.request);

    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'zhangsan');
    await readAll(page.request);
    const made = await submitCase(page);
    const accepted = await windowPage.request.post(`/api/cases/${made.caseNo}/actions`, {
      headers: { 'x-csrf-token': await csrfOf(windowPage.request) },
      data: { action: 'accept', opinion: '材料齐全' },
    });
    expect(accepted.status(), await accepted.text()).toBe(200);
    await expect.poll(() => unreadOf(page.request), workerWait).toBe(2);

    // The bell in the portal header.
    await page.goto('/');
    const bell = page.getByTestId('message-bell');
    await expect.poll(() => bell.getAttribute('data-unread'), ui).toBe('2');
    expect(await bell.getAttribute('aria-label')).toBe('消息中心，2 条未读');
    expect(await bell.innerText()).toContain('2');
    await bell.click();
    await page.waitForURL((url) => url.pathname === '/portal/messages');

    const list = page.getByTestId('messages');
    await list.waitFor();
    const ofCase = page.locator('[data-testid="message"]', { hasText: made.caseNo });
    const acceptedMessage = page.locator(`[data-testid="message"][data-kind="case_accepted"]`, { hasText: made.caseNo });
    const submittedMessage = page.locator(`[data-testid="message"][data-kind="case_submitted"]`, { hasText: made.caseNo });
    await expect.poll(() => ofCase.count(), ui).toBe(2);
    // Newest first: the acceptance, with its due date in words, then the submission.
    expect(await page.getByTestId('message').first().getAttribute('data-kind')).toBe('case_accepted');
    const acceptedText = await acceptedMessage.innerText();
    expect(acceptedText).toContain('申请已受理');
    expect(acceptedText).toMatch(/「药品零售企业许可」已受理，承诺在 \d{4}年\d{1,2}月\d{1,2}日 前办结/);
    expect(acceptedText).toContain('未读');
    expect(await submittedMessage.innerText()).toContain(`办件编号 ${made.caseNo}`);
    await page.waitForLoadState('networkidle');
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    await screenshot(page, 'portal-messages-zh-CN');

    // The unread filter, then marking one read: it leaves the unread list and the bell counts one.
    await page.getByTestId('messages-filter-unread').click();
    await page.waitForURL((url) => url.search === '?unread=1');
    await expect.poll(() => page.getByTestId('message').count(), ui).toBe(2);
    await acceptedMessage.getByTestId('message-read').click();
    await expect.poll(() => page.getByTestId('message').count(), ui).toBe(1);
    await expect.poll(() => bell.getAttribute('data-unread'), ui).toBe('1');
    expect(await page.getByTestId('messages-filter-unread').innerText()).toBe('未读（1）');
    await page.getByText('全部', { exact: true }).click();
    await expect.poll(() => acceptedMessage.getAttribute('data-read'), ui).toBe('true');
    expect(await acceptedMessage.getByTestId('message-read').count()).toBe(0);

    // Opening the case from a message reads it too.
    await submittedMessage.getByTestId('message-case-link').click();
    await page.waitForURL((url) => url.pathname === `/portal/cases/${made.caseNo}`);
    await expect.poll(() => bell.getAttribute('data-unread'), ui).toBe('0');
    expect(await bell.getAttribute('aria-label')).toBe('消息中心');
    await context.close();

    // The officer's side: a new task in the workbench's centre, then everything marked read after confirming.
    await windowPage.goto('/workbench/messages');
    const task = windowPage.locator('[data-testid="message"][data-kind="task_new"]', { hasText: made.caseNo });
    await task.waitFor();
    expect(await task.innerText()).toContain('新待办');
    expect(await task.innerText()).toContain('「药品零售企业许可」的“受理”环节等待办理');
    const workbenchBell = windowPage.getByTestId('message-bell');
    await expect.poll(() => workbenchBell.getAttribute('data-unread'), ui).not.toBe('0');
    await windowPage.waitForLoadState('networkidle');
    await screenshot(windowPage, 'workbench-messages-zh-CN');
    expect(await task.getByTestId('message-case-link').getAttribute('href')).toBe(`/workbench/cases/${made.caseNo}`);
    await windowPage.getByTestId('messages-read-all').click();
    const confirm = windowPage.locator('.ant-popconfirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('标为已读吗？');
    await confirm.getByRole('button', { name: '全部标为已读' }).click();
    await expect.poll(() => windowPage.locator('.ant-message').innerText(), ui).toMatch(/已把 \d+ 条消息标为已读/);
    await expect.poll(() => workbenchBell.getAttribute('data-unread'), ui).toBe('0');
    await expect.poll(() => windowPage.locator('[data-testid="message"][data-read="false"]').count(), ui).toBe(0);
    await office.close();
  });

  it('the message centre fits a 360 px phone, and says so when nothing is unread', async () => {
    const context = await newContext(browser, { mobile: true });
    const page = await context.newPage();
    await login(page, 'zhangsan');
    await page.goto('/portal/messages');
    await page.getByTestId('messages').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'portal-messages-mobile-zh-CN');

    await readAll(page.request);
    await page.goto('/portal/messages?unread=1');
    const empty = page.getByTestId('messages-empty');
    await empty.waitFor();
    expect(await empty.innerText()).toContain('没有未读消息');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'portal-messages-empty-mobile-zh-CN');
    await context.close();
  });
});
