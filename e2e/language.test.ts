/** zh-CN by default, English from the switch, remembered; Chinese glyphs never render as boxes. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, login, newContext, screenshot, tofuCharacters } from './browser.ts';

describe('language and fonts', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser.close());

  it('the login page and the portal home speak Chinese, with every glyph drawn', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByTestId('login-submit').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.getByTestId('login-submit').innerText()).toMatch(/登\s*录/);
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    await screenshot(page, 'login-zh-CN');

    await page.goto('/');
    await page.getByTestId('portal-search').waitFor();
    await page.waitForLoadState('networkidle');
    const tofu = await tofuCharacters(page);
    expect(tofu.checked).toBeGreaterThan(30);
    expect(tofu.boxes).toEqual([]);
    expect(await page.locator('body').innerText()).toContain('巴中市政务服务中心');
    await screenshot(page, 'portal-home-zh-CN');
    await context.close();
  });

  it('switches to English and remembers it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.getByTestId('login-submit').innerText()).toBe('Log in');
    await page.reload();
    await expect.poll(() => page.getByTestId('login-submit').innerText()).toBe('Log in');
    await login(page, 'admin');
    await expect.poll(() => page.getByTestId('area-menu').innerText()).toContain('Staff');
    // Server errors come back in the chosen language too.
    const res = await fetch(`${inject('baseUrl')}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ identifier: 'admin', password: 'wrong-password' }),
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toBe('Wrong account or password');
    await screenshot(page, 'admin-en');
    await context.close();
  });

  it('the portal fits a 360 px phone without sideways scrolling', async () => {
    const context = await newContext(browser, { mobile: true });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByTestId('portal-search').waitFor();
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'portal-home-mobile-zh-CN');
    await context.close();
  });

  it('the box detector does see boxes when the CJK fonts are hidden (so the checks above can fail)', async () => {
    const dejavu = '/usr/share/fonts/truetype/dejavu';
    if (!fs.existsSync(dejavu)) {
      console.warn('[e2e] skipped the box-detector self-check: no DejaVu fonts to render without CJK fonts');
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-fc-'));
    const conf = path.join(dir, 'fonts.conf');
    fs.writeFileSync(
      conf,
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>${dejavu}</dir><cachedir>${dir}/cache</cachedir></fontconfig>`,
    );
    const bare = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      env: { ...process.env, FONTCONFIG_FILE: conf },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const context = await newContext(bare);
      const page = await context.newPage();
      await page.goto('/login');
      await page.getByTestId('login-submit').waitFor();
      const tofu = await tofuCharacters(page);
      expect(tofu.checked).toBeGreaterThan(5);
      expect(tofu.boxes.length).toBe(tofu.checked);
      await context.close();
    } finally {
      await bare.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
