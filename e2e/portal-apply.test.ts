/**
 * 在线办理: an enterprise applies online to 食品经营许可（新办） with the form and two uploads,
 * saves a draft, reloads and resumes it, submits, sees the case number and the timeline; a
 * phone at 360 px; drafts in 我的办件; and a 补正 answered with a new upload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CaseDetail, ItemSummary, Page as ListPage, SessionUser } from '@tongban/contracts';
import { pdfBytes, pngBytes } from '../apps/server/src/modules/files/sample-files.ts';
import path from 'node:path';
import { artifactsDir, launch, login, newContext, screenshot, tofuCharacters } from './browser.ts';

const itemName = '食品经营许可（新办）';
const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function implCodeOf(page: Page, name: string): Promise<string> {
  const res = await page.request.get(`/api/catalog/items?q=${encodeURIComponent(name)}`);
  const item = ((await res.json()) as ListPage<ItemSummary>).items.find((i) => i.name === name);
  expect(item, name).toBeDefined();
  return item!.implCode;
}

/** Fills the application form of 食品经营许可（新办） (react-jsonschema-form, antd widgets). */
async function fillFoodForm(page: Page) {
  await page.locator('#root_operatorName').fill('巴中市巴蜀味道餐饮有限公司');
  await page.locator('#root_creditCode').fill('91511902MA6BJ001XU');
  await page.locator('#root_premises').fill('巴中市巴州区江北大道东段88号');
  await page.locator('#root_businessType').click();
  await page.locator('.ant-select-item-option[title="餐饮服务经营者"]').click();
  await page.getByLabel('热食类食品制售').check();
  await page.locator('#root_safetyManager').fill('李娜');
  await page.locator('#root_mobile').fill('13800000002');
}

async function upload(page: Page, materialKey: string, name: string, mimeType: string, buffer: Buffer) {
  await page.getByTestId(`file-input-${materialKey}`).setInputFiles({ name, mimeType, buffer });
  await expect
    .poll(() => page.getByTestId(`material-files-${materialKey}`).getByTestId('uploaded-file').allInnerTexts())
    .toContainEqual(expect.stringContaining(name));
}

describe('在线办理 in the portal', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser.close());

  it('applies with the form and two uploads, resumes the saved draft after a reload, submits and follows the case', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'bashufood');
    const implCode = await implCodeOf(page, itemName);

    await page.goto(`/portal/items/${implCode}`);
    await page.getByTestId('guide-apply').click();
    await page.waitForURL((url) => url.pathname === `/portal/items/${implCode}/apply`);
    await page.locator('#root_operatorName').waitFor();
    expect(await page.getByTestId('apply-title').innerText()).toBe(itemName);

    // ① The form: "next" refuses an empty form and says why beside the fields.
    await page.getByTestId('apply-next').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(3);
    expect(await page.locator('.ant-form-item-explain-error').first().innerText()).toBe('此项为必填项');
    await fillFoodForm(page);
    await page.waitForLoadState('networkidle');
    expect((await tofuCharacters(page)).boxes).toEqual([]);
    await screenshot(page, 'apply-form-zh-CN');
    await page.getByTestId('apply-next').click();

    // ② Materials: two uploads; the licence-library ones need nothing; the limits are said first.
    await page.getByTestId('material-files-layout').waitFor();
    expect(await page.getByTestId('apply-material-business_licence').innerText()).toContain('将从电子证照库调取，免提交');
    expect(await page.getByTestId('material-files-layout').innerText()).toContain('支持 PDF、JPG、PNG、OFD 格式，单个文件不超过 10 MB');
    expect(await page.getByTestId('apply-material-food_safety_rules').innerText()).toContain('签署告知承诺书代替这份材料');
    await expect.poll(() => page.getByTestId('apply-saved').innerText()).toMatch(/草稿已保存 \d{2}:\d{2}/);
    await upload(page, 'layout', '经营场所平面布局图.pdf', 'application/pdf', pdfBytes('layout'));
    await upload(page, 'food_safety_rules', '食品安全管理制度.png', 'image/png', pngBytes(40, 30, [20, 90, 200]));
    // A file that is not a PDF, JPG, PNG or OFD is refused before it is sent.
    await page
      .getByTestId('file-input-food_safety_rules')
      .setInputFiles({ name: '说明.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK') });
    expect(await page.getByTestId('material-files-food_safety_rules').getByRole('alert').innerText()).toContain('“说明.docx”不能上传');
    await screenshot(page, 'apply-materials-zh-CN');
    await page.getByTestId('apply-save').click();
    await expect.poll(() => page.getByTestId('apply-saved').innerText()).toMatch(/草稿已保存 \d{2}:\d{2}/);
    expect(new URL(page.url()).searchParams.get('draft')).toMatch(/^[0-9a-f-]{36}$/);

    // Reload: the draft resumes on the materials step with its files.
    await page.reload();
    await page.getByTestId('material-files-layout').waitFor();
    expect(await page.getByTestId('apply-page').getAttribute('data-step')).toBe('1');
    expect(await page.getByTestId('material-files-layout').innerText()).toContain('经营场所平面布局图.pdf');
    expect(await page.getByTestId('material-files-food_safety_rules').innerText()).toContain('食品安全管理制度.png');
    await page.getByTestId('apply-back').click();
    expect(await page.locator('#root_premises').inputValue()).toBe('巴中市巴州区江北大道东段88号');
    await page.getByTestId('apply-next').click();
    await page.getByTestId('apply-next').click();

    // ③ Delivery by post, with the address checked beside its fields.
    await page.getByTestId('delivery-post').click();
    await page.getByTestId('apply-next').click();
    await expect.poll(() => page.getByTestId('apply-delivery').innerText()).toContain('请输入6位邮政编码');
    await page.getByLabel('收件人', { exact: true }).fill('李娜');
    await page.getByLabel('收件人手机号码').fill('13800000002');
    await page.getByLabel('详细地址').fill('巴中市巴州区江北大道东段88号巴蜀味道餐厅');
    await page.getByLabel('邮政编码').fill('636000');
    await screenshot(page, 'apply-delivery-zh-CN');
    await page.getByTestId('apply-next').click();

    // ④ Check and submit.
    const review = page.getByTestId('apply-review');
    await review.waitFor();
    const reviewText = await review.innerText();
    for (const text of [
      '巴中市巴蜀味道餐饮有限公司',
      '餐饮服务经营者',
      '热食类食品制售',
      '经营场所平面布局图.pdf',
      '食品安全管理制度.png',
      '从电子证照库调取',
      '邮寄送达',
      '636000',
    ])
      expect(reviewText).toContain(text);
    await page.getByTestId('apply-submit').click();
    expect(await page.getByTestId('apply-review').innerText()).toContain('请阅读并勾选上面的承诺后再提交');
    await page.getByTestId('apply-declare').check();
    await screenshot(page, 'apply-review-zh-CN');
    await page.getByTestId('apply-submit').click();
    // Either the confirmation or the problems the server named (which then fail the test with their text).
    await expect
      .poll(async () =>
        (await page.getByTestId('apply-problems').count()) > 0
          ? page.getByTestId('apply-problems').innerText()
          : (await page.getByTestId('apply-success').count()) > 0
            ? 'ok'
            : '',
      )
      .toBe('ok');

    const caseNo = await page.getByTestId('apply-case-no').innerText();
    expect(caseNo).toMatch(/^[0-9A-Z]{10,31}-\d{8}-\d{6}$/);
    expect(await page.getByTestId('apply-success').innerText()).toContain('申请已提交');
    expect(new URL(page.url()).searchParams.get('draft')).toBeNull();
    await screenshot(page, 'apply-success-zh-CN');

    // The case carries the files and the draft is gone.
    const detail = (await (await page.request.get(`/api/cases/${caseNo}`)).json()) as CaseDetail;
    expect(detail.materials.find((m) => m.materialKey === 'layout')?.files.map((f) => f.name)).toEqual(['经营场所平面布局图.pdf']);
    expect(detail.materials.find((m) => m.materialKey === 'food_safety_rules')?.files.map((f) => f.contentType)).toEqual(['image/png']);
    expect(detail.delivery).toEqual({
      method: 'post',
      address: { recipient: '李娜', phone: '13800000002', address: '巴中市巴州区江北大道东段88号巴蜀味道餐厅', postcode: '636000' },
    });

    await page.getByTestId('apply-progress').click();
    await page.waitForURL((url) => url.pathname === `/portal/cases/${caseNo}`);
    await page.getByTestId('case-timeline').waitFor();
    expect(await page.getByTestId('case-timeline').getByTestId('case-event').first().innerText()).toContain('您提交了申请');
    await screenshot(page, 'apply-timeline-zh-CN');
    await context.close();
  });

  it('works on a 360 px phone (also in elder mode), and lists drafts in 我的办件 to resume or delete', async () => {
    for (const elder of [false, true]) {
      const context = await newContext(browser, { mobile: true });
      if (elder) await context.addInitScript(() => localStorage.setItem('tb.elder', '1'));
      const page = await context.newPage();
      await login(page, 'bashufood');
      const implCode = await implCodeOf(page, itemName);
      await page.goto(`/portal/items/${implCode}/apply`);
      await page.locator('#root_operatorName').waitFor();
      await page.locator('#root_operatorName').fill(elder ? '长辈模式草稿' : '手机上的草稿');
      await page.waitForLoadState('networkidle');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `apply-form-mobile${elder ? '-elder' : ''}-zh-CN`);
      await page.getByTestId('apply-save').click();
      await expect.poll(() => page.getByTestId('apply-saved').innerText()).toMatch(/草稿已保存/);
      // The materials step, reached through the form's check.
      await fillFoodForm(page);
      await page.getByTestId('apply-next').click();
      await page.getByTestId('material-files-layout').waitFor();
      await upload(page, 'layout', '手机拍的平面图.png', 'image/png', pngBytes(12, 12, [200, 120, 0]));
      await page.waitForLoadState('networkidle');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `apply-materials-mobile${elder ? '-elder' : ''}-zh-CN`);
      // One material card at the phone's real size, to read it.
      await page
        .getByTestId('apply-material-layout')
        .screenshot({ path: path.join(artifactsDir, `apply-material-card-mobile${elder ? '-elder' : ''}-zh-CN.png`) });
      await context.close();
    }

    const context = await newContext(browser, { mobile: true });
    const page = await context.newPage();
    await login(page, 'bashufood');
    await page.goto('/portal/cases');
    const drafts = page.getByTestId('my-drafts');
    await drafts.waitFor();
    expect(await drafts.innerText()).toContain(itemName);
    await page.waitForLoadState('networkidle');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'apply-drafts-mobile-zh-CN');
    const before = await page.getByTestId('my-draft').count();
    expect(before).toBeGreaterThanOrEqual(2);
    await page.getByTestId('my-draft').first().getByTestId('draft-resume').click();
    await page.waitForURL((url) => url.pathname.endsWith('/apply') && url.searchParams.has('draft'));
    await page.getByTestId('material-files-layout').waitFor();
    expect(await page.getByTestId('material-files-layout').innerText()).toContain('手机拍的平面图.png');
    await page.goto('/portal/cases');
    await page.getByTestId('my-draft').first().getByTestId('draft-delete').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.innerText()).toContain('确定删除这份草稿吗？');
    await dialog.getByRole('button', { name: '确定删除' }).click();
    await expect.poll(() => page.getByTestId('my-draft').count()).toBe(before - 1);
    await context.close();
  });

  it('answers a 补正 on the progress page with a new upload of exactly what was asked for', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'bashufood');
    const implCode = await implCodeOf(page, itemName);
    const csrf = async (p: Page) => ((await (await p.request.get('/api/auth/me')).json()) as SessionUser).csrfToken;
    const token = await csrf(page);
    const file = await page.request.post(`/api/files?name=${encodeURIComponent('平面图.pdf')}`, {
      headers: { 'x-csrf-token': token, 'content-type': 'application/pdf' },
      data: pdfBytes('blurred plan'),
    });
    expect(file.status(), await file.text()).toBe(201);
    const made = await page.request.post('/api/cases', {
      headers: { 'x-csrf-token': token },
      data: {
        implCode,
        formData: {
          operatorName: '巴中市巴蜀味道餐饮有限公司',
          creditCode: '91511902MA6BJ001XU',
          premises: '巴中市巴州区江北大道东段88号',
          businessType: '餐饮服务经营者',
          categories: ['热食类食品制售'],
          safetyManager: '李娜',
          mobile: '13800000002',
        },
        materials: [
          { materialKey: 'business_licence', provided: 'licence' },
          { materialKey: 'id_card', provided: 'licence' },
          { materialKey: 'layout', provided: 'upload', files: [((await file.json()) as { id: string }).id] },
          { materialKey: 'food_safety_rules', provided: 'commitment' },
        ],
        delivery: { method: 'electronic' },
        idempotencyKey: `e2e-apply-supplement-${Date.now()}`,
      },
    });
    expect(made.status(), await made.text()).toBe(201);
    const submitted = (await made.json()) as CaseDetail;

    const staff = await (await newContext(browser)).newPage();
    await login(staff, 'window01');
    const asked = await staff.request.post(`/api/cases/${submitted.caseNo}/actions`, {
      headers: { 'x-csrf-token': await csrf(staff) },
      data: { action: 'request-supplement', missing: [{ materialKey: 'layout', note: '平面布局图看不清，请重新上传清晰的图纸' }], version: submitted.version },
    });
    expect(asked.status(), await asked.text()).toBe(200);

    await page.goto(`/portal/cases/${submitted.caseNo}`);
    const answer = page.getByTestId('supplement-answer');
    await answer.waitFor();
    expect(await page.getByTestId('case-missing').innerText()).toContain('平面布局图看不清，请重新上传清晰的图纸');
    expect(await answer.innerText()).toContain('与食品经营相适应的主要设备设施');
    await page.getByTestId('supplement-send').click();
    expect(await page.getByTestId('supplement-problem').innerText()).toContain('还有材料没有上传');
    await upload(page, 'layout', '清晰的平面图.png', 'image/png', pngBytes(30, 30, [0, 0, 0]));
    await screenshot(page, 'apply-supplement-zh-CN');
    await page.getByTestId('supplement-send').click();
    await expect.poll(() => page.getByTestId('case-status').getAttribute('data-status')).toBe('submitted');
    expect(await page.getByTestId('supplement-answer').count()).toBe(0);
    expect(await page.locator('[data-testid="case-event"][data-type="supplement_provided"]').count()).toBe(1);
    const detail = (await (await page.request.get(`/api/cases/${submitted.caseNo}`)).json()) as CaseDetail;
    expect(detail.materials.find((m) => m.materialKey === 'layout')?.files.map((f) => f.name)).toEqual(['清晰的平面图.png']);
    await screenshot(page, 'apply-supplement-done-zh-CN');
    await staff.context().close();
    await context.close();
  });
});
