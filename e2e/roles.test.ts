/** Each role logs in, lands in its area and sees that area's menu; others are refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, login, newContext, screenshot, tofuCharacters } from './browser.ts';

const journeys = [
  { user: 'admin', home: '/admin', menu: ['概览', '行政区划', '部门', '大厅与窗口', '工作人员'], shot: 'admin-zh-CN' },
  { user: 'deptadmin', home: '/admin', menu: ['部门', '工作人员'], shot: 'admin-dept-zh-CN' },
  { user: 'window01', home: '/workbench', menu: ['待办', '窗口受理', '办件查询', '我的窗口'], shot: 'workbench-zh-CN' },
  { user: 'reviewer01', home: '/workbench', menu: ['待办', '办件查询'], notMenu: ['窗口受理'], shot: 'workbench-reviewer-zh-CN' },
  { user: 'approver01', home: '/workbench', menu: ['待办', '办件查询'], notMenu: ['窗口受理'] },
  { user: 'supervisor01', home: '/supervision', menu: ['总览', '预警', '好差评', '报表'], shot: 'supervision-zh-CN' },
  { user: 'zhangsan', home: '/', menu: ['首页', '我的办件', '我的证照', '个人中心'], shot: 'portal-citizen-zh-CN' },
  { user: 'bashufood', home: '/', menu: ['首页', '我的办件'] },
  { user: 'agent01', home: '/', menu: ['首页', '我的办件'] },
] as const;

describe('roles', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser.close());

  it.each(journeys)('$user lands on $home and sees its menu', async (j) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, j.user);
    expect(new URL(page.url()).pathname).toBe(j.home);
    const menu = page.getByTestId('area-menu');
    await menu.waitFor();
    for (const item of j.menu) await expect.poll(() => menu.innerText()).toContain(item);
    for (const item of 'notMenu' in j ? j.notMenu : []) expect(await menu.innerText()).not.toContain(item);
    await page.waitForLoadState('networkidle');
    if ('shot' in j) await screenshot(page, j.shot);
    const tofu = await tofuCharacters(page);
    expect(tofu.checked).toBeGreaterThan(5);
    expect(tofu.boxes).toEqual([]);
    await context.close();
  });

  it('a citizen who opens the admin console is told it is not allowed, with a way back', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'zhangsan');
    await page.goto('/admin/staff');
    await expect.poll(() => page.locator('body').innerText()).toContain('无权访问管理后台');
    expect(await page.locator('body').innerText()).toContain('返回我的首页');
    expect(await page.locator('body').innerText()).not.toContain('新增工作人员');
    await context.close();
  });

  it('an anonymous visitor of a staff area is sent to the login page and back after logging in', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/workbench');
    await page.waitForURL(/\/login\?next=/);
    await page.getByTestId('login-identifier').fill('window01');
    await page.getByTestId('login-password').fill('Tongban@2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => u.pathname === '/workbench');
    await context.close();
  });

  it('logging out ends the session', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'reviewer01');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/workbench'));
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
    await context.close();
  });
});
