/** Playwright (playwright-core) driving the system's Chromium, as STACK.md describes. */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const artifactsDir = path.resolve(import.meta.dirname, 'artifacts');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}: apt-get install chromium fonts-noto-cjk`);
  return chromium.launch({
    executablePath,
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
}

export async function newContext(browser: Browser, opts: { locale?: string; mobile?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: inject('baseUrl'),
    locale: opts.locale ?? 'zh-CN',
    viewport: opts.mobile ? { width: 360, height: 740 } : { width: 1366, height: 860 },
    ...(opts.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export async function login(page: Page, identifier: string, password = 'Tongban@2026'): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-identifier').fill(identifier);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Finds Chinese characters that render as the font's missing-glyph box (tofu): each distinct
 * CJK character on the page is drawn on a canvas with the page's font and compared with the
 * drawing of a character no font has. Returns the characters that look like the box.
 */
export async function tofuCharacters(page: Page): Promise<{ checked: number; boxes: string[] }> {
  return page.evaluate(() => {
    const text = document.body.innerText;
    const chars = [...new Set([...text].filter((c) => /\p{Script=Han}/u.test(c)))].slice(0, 200);
    const font = `32px ${getComputedStyle(document.body).fontFamily}`;
    const canvas = document.createElement('canvas');
    canvas.width = 40;
    canvas.height = 40;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return { checked: 0, boxes: ['<no canvas>'] };
    const draw = (c: string) => {
      ctx.clearRect(0, 0, 40, 40);
      ctx.font = font;
      ctx.fillStyle = '#000';
      ctx.textBaseline = 'top';
      ctx.fillText(c, 2, 2);
      return Array.from(ctx.getImageData(0, 0, 40, 40).data).join(',');
    };
    const missing = draw('\u{10FFFD}'); // a private-use code point: always the missing glyph
    return { checked: chars.length, boxes: chars.filter((c) => draw(c) === missing) };
  });
}
