/**
 * 一窗受理 from the counter to the citizen: window01 takes zhangsan's application at the window
 * (with the item search, the ID check, the application form and the material checks), accepts it
 * and prints the receipt; reviewer01 approves the review step, approver01 decides 准予, the window
 * records delivery, and zhangsan finds the case in 我的办件 with the decision to download.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoCitizen, demoEnterprise } from '../apps/server/db/seed/demo-data.ts';
import { launch, login, newContext, screenshot, tofuCharacters } from './browser.ts';

/** 药品零售企业许可 (市市场监管局, 承诺件 of 10 working days): 受理 (counter) → 审查 (reviewer) → 决定 (approver) → 送达 (counter). */
const ITEM = '药品零售企业许可';
/** 个体工商户设立登记 is handled by 巴州区市场监管局 (511902): 通办 for the city counter. */
const COUNTY_ITEM = '个体工商户设立登记';

/** Picks an item in ① with the keyboard: type, wait for the match, Enter. */
async function pickItem(page: Page, words: string, name: string) {
  const select = page.getByTestId('walkin-item');
  await select.click();
  await page.keyboard.type(words);
  await page.locator('.ant-select-item-option', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('walkin-panel').innerText()).toContain(name);
  await page.getByTestId('walkin-item-facts').waitFor();
}

const materialRow = (page: Page, key: string) => page.getByTestId(`walkin-material-${key}`);

/** Opens the case from the inbox (待办) and waits for its page. */
async function openFromInbox(page: Page, caseNo: string) {
  await page.goto('/workbench?pageSize=100');
  const row = page.getByTestId('inbox-table').locator('tr', { hasText: caseNo });
  await row.waitFor();
  await row.getByRole('link', { name: caseNo }).click();
  await page.waitForURL(new RegExp(`/workbench/cases/${caseNo}$`));
  await page.getByTestId('case-timeline').waitFor();
}

/** Confirms the open action dialog and waits until the case shows `status`. */
async function confirmAndWait(page: Page, status: string) {
  await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
  await expect.poll(() => page.getByTestId('case-status').innerText()).toBe(status);
}

describe('一窗受理: the window takes a walk-in application, the back office decides, the citizen downloads the result', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  async function pageAs(username: string, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
    const context = await newContext(browser);
    contexts.push(context);
    // The language switch remembers its choice here (apps/web/src/app/i18n.ts).
    if (lang === 'en') await context.addInitScript(() => localStorage.setItem('tb.lang', 'en'));
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`${username}: ${e.message}`));
    await login(page, username);
    return page;
  }

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser.close();
  });

  it('window → reviewer → approver → window → citizen', async () => {
    // ---- The window: 一窗受理
    const counter = await pageAs('window01');
    await counter.goto('/workbench');
    await counter.getByRole('link', { name: '窗口受理' }).click();
    await counter.waitForURL(/\/workbench\/accept$/);
    await expect.poll(() => counter.locator('h1').innerText()).toBe('一窗受理');
    // The item search has the focus: the clerk starts typing at once.
    await expect.poll(() => counter.evaluate(() => document.activeElement?.closest('[data-testid="walkin-item"]') !== null)).toBe(true);

    // 通办: an item of a county department is taken here and handled there.
    await pickItem(counter, '个体工商户设立', COUNTY_ITEM);
    await expect.poll(() => counter.getByTestId('walkin-tongban').innerText()).toContain('通办：本窗口收件，转 巴中市巴州区市场监督管理局（巴州区）办理');
    expect(await counter.getByTestId('walkin-panel-tongban').innerText()).toContain('通办');

    // The item of this region: its limit and case type, no 通办.
    await pickItem(counter, '药品零售', ITEM);
    expect(await counter.getByTestId('walkin-promised').innerText()).toBe('10个工作日');
    expect(await counter.getByTestId('walkin-case-type').innerText()).toBe('承诺件');
    expect(await counter.getByTestId('walkin-local').innerText()).toContain('巴中市市场监督管理局');
    expect(await counter.getByTestId('walkin-tongban').count()).toBe(0);

    // ② The applicant: focus moved to the name; a wrong check digit is caught at the field.
    await expect.poll(() => counter.evaluate(() => document.activeElement?.id)).toBe('applicant_name');
    await counter.keyboard.type(demoCitizen.displayName);
    const id = demoCitizen.residentId;
    const wrongId = `${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'}`;
    const idField = counter.getByLabel('身份证号码');
    await idField.fill(wrongId);
    await idField.blur();
    const idItem = counter.locator('.ant-form-item', { has: idField });
    await expect.poll(() => idItem.locator('.ant-form-item-explain-error').innerText()).toBe('身份证号码校验位不正确，请核对后重新输入');
    await idField.fill(id.toLowerCase());
    await counter.getByLabel('手机号码（选填）').fill(demoCitizen.phone);
    await expect.poll(() => idItem.locator('.ant-form-item-explain-error').count()).toBe(0);

    // Nothing else filled in: 受理 shows what is wrong, at the fields and in a summary.
    await counter.getByTestId('walkin-accept').click();
    const summary = counter.getByTestId('form-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/申请表有未填或填错的内容[\s\S]*居民身份证：请核验此材料/);
    expect(await counter.getByTestId('walkin-section-form').locator('.ant-form-item-explain-error', { hasText: '此项为必填项' }).count()).toBeGreaterThan(0);
    expect(await counter.getByRole('dialog').count()).toBe(0);

    // ③ The application form: the applicant's phone comes in with one click, the rest is typed.
    const form = counter.getByTestId('walkin-section-form');
    await counter.getByTestId('walkin-prefill').click();
    await expect.poll(() => form.getByLabel('联系电话').inputValue()).toBe(demoCitizen.phone);
    await form.getByLabel('企业名称').fill('巴中市张三大药房有限公司');
    await form.getByLabel('统一社会信用代码').fill('91511902MA6BJ001XU');
    await form.getByLabel('营业场所地址').fill('巴中市巴州区江北大道东段90号');
    // A select of the form, by keyboard: open it, type to filter, Enter.
    const scope = form.locator('.ant-form-item', { has: counter.locator('#walkin-form_scope') }).last();
    await form.getByLabel('经营方式').click();
    await counter.keyboard.type('单体');
    await counter.locator('.ant-select-item-option-active', { hasText: '单体药店' }).waitFor();
    await counter.keyboard.press('Enter');
    await expect.poll(() => scope.locator('.ant-select-content').innerText()).toBe('单体药店');
    await form.getByRole('checkbox', { name: '中成药' }).check();
    await form.getByLabel('质量负责人').fill('张三');

    // ④ The materials: each offers only what the guide allows.
    const options = async (key: string) =>
      materialRow(counter, key)
        .getByRole('radio')
        .evaluateAll((els) => els.map((e) => e.closest('label')?.innerText.trim()));
    expect(await options('id_card')).toEqual(['已收取', '电子证照', '缺']);
    expect(await options('quality_docs')).toEqual(['已收取', '容缺', '缺']);
    expect(await options('premises')).toEqual(['已收取', '缺']);
    expect(await materialRow(counter, 'application').innerText()).toContain('申请表，本页第③步填写');
    await counter.getByTestId('walkin-mark-rest').click();
    // A required material marked 缺 blocks 受理 and asks for a note for the one-time notice.
    await materialRow(counter, 'pharmacist_cert').getByText('缺', { exact: true }).click();
    await expect.poll(() => counter.getByTestId('walkin-tally').innerText()).toContain('已收取4件 · 容缺0件 · 承诺0件 · 缺1件');
    await counter.getByTestId('walkin-accept').click();
    await expect.poll(() => summary.innerText()).toContain('执业药师注册证或药学专业技术职称证书：缺少此材料不能受理');
    expect(await materialRow(counter, 'pharmacist_cert').innerText()).toContain('缺少此材料不能受理');
    expect(await materialRow(counter, 'pharmacist_cert').getByLabel('补正说明').inputValue()).toContain('未提交');
    await materialRow(counter, 'pharmacist_cert').getByText('已收取', { exact: true }).click();
    await expect.poll(() => counter.getByTestId('walkin-tally').innerText()).toContain('已收取5件 · 容缺0件 · 承诺0件 · 缺0件');

    // ⑤ Delivery: pick up at the window (the default).
    expect(await counter.getByTestId('walkin-delivery').getByRole('radio', { name: '窗口领取' }).isChecked()).toBe(true);
    await counter.waitForLoadState('networkidle');
    expect((await tofuCharacters(counter)).boxes).toEqual([]);
    // The summary of the earlier attempt went away as the problems were fixed.
    await expect.poll(() => summary.count()).toBe(0);
    await counter.evaluate(() => window.scrollTo(0, 0));
    await screenshot(counter, 'workbench-walkin-accept');

    // 受理: confirm, then the result panel with the case number.
    await counter.getByTestId('walkin-accept').click();
    const dialog = counter.getByRole('dialog');
    expect(await dialog.innerText()).toContain('承诺10个工作日');
    await dialog.getByLabel('意见（选填）').fill('材料齐全，予以受理');
    await counter.getByTestId('walkin-confirm').click();
    const result = counter.getByTestId('walkin-result');
    await result.waitFor();
    const caseNo = (await counter.getByTestId('walkin-case-no').innerText()).trim();
    expect(caseNo).toMatch(/^[0-9A-Z]{10,31}-\d{8}-\d{6}$/);
    expect(await result.innerText()).toMatch(/已受理[\s\S]*请打印受理通知书交申请人/);
    expect(await counter.getByTestId('walkin-result-status').innerText()).toBe('办理中');
    expect(await result.innerText()).toMatch(/下一环节[\s\S]*审查（巴中市市场监督管理局）/);
    await screenshot(counter, 'workbench-walkin-result');

    // 打印受理通知书 opens the PDF.
    const [pdf] = await Promise.all([
      counter.context().waitForEvent('response', (r) => r.url().endsWith(`/api/cases/${caseNo}/documents/receipt.pdf`)),
      counter.getByTestId('walkin-print').click(),
    ]);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const receipt = await counter.request.get(`/api/cases/${caseNo}/documents/receipt.pdf`);
    expect((await receipt.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // 继续受理下一件: a clean page, the search focused again.
    await counter.getByTestId('walkin-next').click();
    await counter.getByTestId('walkin-section-item').waitFor();
    await expect.poll(() => counter.evaluate(() => document.activeElement?.closest('[data-testid="walkin-item"]') !== null)).toBe(true);
    expect(await counter.getByLabel('姓名').inputValue()).toBe('');

    // ---- The back office: 审查 by reviewer01, 决定 by approver01 (both 市市场监管局)
    const reviewer = await pageAs('reviewer01');
    // 办件查询 finds it by its number (and the list links to it).
    await reviewer.goto('/workbench/cases');
    await reviewer.getByLabel('办件编号 / 申请人 / 事项').fill(caseNo);
    await reviewer.getByRole('button', { name: /搜\s*索/ }).click();
    await reviewer.getByRole('link', { name: caseNo }).waitFor();
    await expect.poll(() => reviewer.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await openFromInbox(reviewer, caseNo);
    // Taken at the window for zhangsan.
    expect(await reviewer.locator('#main').innerText()).toMatch(/张三[\s\S]*窗口代录/);
    await reviewer.getByTestId('case-action-approve').click();
    await reviewer.getByRole('dialog').getByLabel('意见').fill('材料审查通过，符合许可条件');
    await reviewer.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await expect.poll(() => reviewer.getByTestId('case-timeline').innerText()).toContain('材料审查通过，符合许可条件');

    const approver = await pageAs('approver01');
    await openFromInbox(approver, caseNo);
    await approver.getByTestId('case-action-decide').click();
    await approver.getByRole('dialog').getByLabel('意见').fill('准予许可');
    await approver.getByRole('dialog').getByLabel('结果证照名称').fill('药品经营许可证（零售）');
    await confirmAndWait(approver, '已办结待送达');

    // ---- 送达 by the window
    await openFromInbox(counter, caseNo);
    await counter.getByTestId('case-action-deliver').click();
    await counter.getByRole('dialog').getByLabel('签收人').fill(demoCitizen.displayName);
    await confirmAndWait(counter, '已送达');

    // ---- zhangsan: 我的办件 → the case → the decision
    const citizen = await pageAs('zhangsan');
    await citizen.goto('/portal/cases');
    const card = citizen.locator(`[data-testid="my-case"][data-case-no="${caseNo}"]`);
    await card.waitFor();
    await card.getByRole('link', { name: ITEM }).click();
    await citizen.waitForURL((url) => url.pathname === `/portal/cases/${caseNo}`);
    await expect.poll(() => citizen.getByTestId('case-title').innerText()).toBe(ITEM);
    const decision = await citizen.request.get(`/api/cases/${caseNo}/documents/decision.pdf`);
    expect(decision.status()).toBe(200);
    expect(decision.headers()['content-type']).toBe('application/pdf');
    expect((await decision.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    expect(errors).toEqual([]);
  });

  it('in English: an organisation at the counter, two materials missing → one supplement notice to print, followed by the enterprise account', async () => {
    const counter = await pageAs('window01', 'en');
    await counter.goto('/workbench/accept');
    await expect.poll(() => counter.locator('h1').innerText()).toBe('Counter intake');
    await pickItem(counter, '药品零售', ITEM);
    expect(await counter.getByTestId('walkin-promised').innerText()).toBe('10 working days');

    // ② The organisation: a wrong check character is caught at the field, in English.
    await counter.getByTestId('walkin-applicant-kind').getByText('Organisation').click();
    await counter.getByLabel('Organisation name').fill(demoEnterprise.organisationName);
    const code = counter.getByLabel('Unified social credit code');
    const wrong = `${demoEnterprise.creditCode.slice(0, 17)}${demoEnterprise.creditCode.endsWith('0') ? '1' : '0'}`;
    await code.fill(wrong);
    await code.blur();
    const codeItem = counter.locator('.ant-form-item', { has: code });
    await expect.poll(() => codeItem.locator('.ant-form-item-explain-error').innerText()).toBe('The check character does not match: check the code');
    await code.fill(demoEnterprise.creditCode);
    await counter.getByLabel('Person handling it').fill(demoEnterprise.displayName);
    await counter.getByLabel('Their mobile number').fill(demoEnterprise.phone);
    await expect.poll(() => codeItem.locator('.ant-form-item-explain-error').count()).toBe(0);

    // ③ The form: name, code and phone come from the applicant.
    const form = counter.getByTestId('walkin-section-form');
    await counter.getByTestId('walkin-prefill').click();
    await expect.poll(() => form.getByLabel('统一社会信用代码').inputValue()).toBe(demoEnterprise.creditCode);
    expect(await form.getByLabel('企业名称').inputValue()).toBe(demoEnterprise.organisationName);
    await form.getByLabel('营业场所地址').fill('巴中市巴州区江北大道东段90号');
    await form.getByLabel('经营方式').click();
    await counter.keyboard.type('连锁');
    await counter.locator('.ant-select-item-option-active', { hasText: '连锁门店' }).waitFor();
    await counter.keyboard.press('Enter');
    await form.getByRole('checkbox', { name: '化学药' }).check();
    await form.getByLabel('质量负责人').fill(demoEnterprise.displayName);

    // ④ Two materials missing: 受理 is not possible, the notice lists both with their notes.
    await counter.getByTestId('walkin-mark-rest').click();
    await materialRow(counter, 'pharmacist_cert').getByText('Missing', { exact: true }).click();
    await materialRow(counter, 'premises').getByText('Missing', { exact: true }).click();
    await materialRow(counter, 'premises').getByLabel('What to bring').fill('请提供营业场所房屋租赁合同原件及复印件');
    await expect.poll(() => counter.getByTestId('walkin-tally').innerText()).toContain('3 received · 0 later · 0 by commitment · 2 missing');
    await counter.getByTestId('walkin-supplement').click();
    const dialog = counter.getByRole('dialog');
    await expect.poll(() => dialog.getByTestId('walkin-confirm-missing').locator('li').count()).toBe(2);
    expect(await dialog.innerText()).toContain('请提供营业场所房屋租赁合同原件及复印件');
    await counter.getByTestId('walkin-confirm').click();

    const result = counter.getByTestId('walkin-result');
    await result.waitFor();
    const caseNo = (await counter.getByTestId('walkin-case-no').innerText()).trim();
    expect(await result.innerText()).toMatch(/Supplement notice given[\s\S]*Print the one-time notice/);
    // The note the page suggests is in Chinese whatever the clerk's language: it is printed on the notice.
    expect(await result.getByRole('listitem').allInnerTexts()).toEqual([
      '执业药师注册证或药学专业技术职称证书: 未提交。要求：内容完整、真实有效，需签字盖章的已签字盖章',
      '营业场所、仓库平面布置图及房屋产权或使用权证明: 请提供营业场所房屋租赁合同原件及复印件',
    ]);
    expect(await counter.getByTestId('walkin-result-status').innerText()).toBe('Supplement requested');
    expect((await tofuCharacters(counter)).boxes).toEqual([]);
    await screenshot(counter, 'workbench-walkin-supplement-en');

    const [pdf] = await Promise.all([
      counter.context().waitForEvent('response', (r) => r.url().endsWith(`/api/cases/${caseNo}/documents/supplement-notice.pdf`)),
      counter.getByTestId('walkin-print').click(),
    ]);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    // The enterprise account with that credit code follows the case.
    const enterprise = await pageAs(demoEnterprise.username);
    const mine = await enterprise.request.get('/api/cases/mine?pageSize=100');
    expect(((await mine.json()) as { items: { caseNo: string }[] }).items.map((i) => i.caseNo)).toContain(caseNo);

    expect(errors).toEqual([]);
  });

  it('通办 refused at the counter: the reason and the legal basis are asked for, the result names the handling region, the decision prints', async () => {
    const counter = await pageAs('window01');
    await counter.goto('/workbench/accept');
    await pickItem(counter, '个体工商户设立', COUNTY_ITEM);
    await expect.poll(() => counter.getByTestId('walkin-tongban').innerText()).toContain('通办');
    await counter.keyboard.type(demoCitizen.displayName);
    await counter.getByLabel('身份证号码').fill(demoCitizen.residentId);
    await counter.getByLabel('手机号码（选填）').fill(demoCitizen.phone);
    // 人口库核验: the name typed goes with the number.
    await counter.getByRole('button', { name: '人口库核验' }).click();
    await counter.getByText('姓名/名称与人口库登记信息一致').waitFor();
    const form = counter.getByTestId('walkin-section-form');
    await counter.getByTestId('walkin-prefill').click();
    await expect.poll(() => form.getByLabel('公民身份号码').inputValue()).toBe(demoCitizen.residentId);
    expect(await form.getByLabel('经营者姓名').inputValue()).toBe(demoCitizen.displayName);
    await form.getByLabel('经营场所').fill('巴中市巴州区江北大道东段100号');
    await form.getByLabel('经营范围').fill('烟草制品零售');
    await form.getByRole('radio', { name: '个人经营' }).check();

    // 不予受理 needs no material checks, but the reason and the legal basis.
    await counter.getByTestId('walkin-refuse').click();
    const dialog = counter.getByRole('dialog');
    expect(await dialog.innerText()).toContain('通办：本窗口收件，转 巴中市巴州区市场监督管理局（巴州区）办理');
    await counter.getByTestId('walkin-confirm').click();
    await expect.poll(() => dialog.locator('.ant-form-item-explain-error').allInnerTexts()).toEqual(['此项为必填项', '此项为必填项']);
    await dialog.getByLabel('不予受理的理由').fill('经营范围含烟草制品零售，须先取得烟草专卖零售许可证');
    await dialog.getByLabel('法律依据').fill('《中华人民共和国行政许可法》第三十二条第一款第（二）项');
    await counter.getByTestId('walkin-confirm').click();

    const result = counter.getByTestId('walkin-result');
    await result.waitFor();
    const caseNo = (await counter.getByTestId('walkin-case-no').innerText()).trim();
    expect(await result.innerText()).toMatch(/已作出不予受理决定[\s\S]*打印不予受理决定书/);
    expect(await result.innerText()).toMatch(/通办[\s\S]*转 巴中市巴州区市场监督管理局（巴州区）办理/);
    expect(await result.innerText()).toContain('须先取得烟草专卖零售许可证');
    expect(await counter.getByTestId('walkin-result-status').innerText()).toBe('不予受理');
    const [pdf] = await Promise.all([
      counter.context().waitForEvent('response', (r) => r.url().endsWith(`/api/cases/${caseNo}/documents/refusal.pdf`)),
      counter.getByTestId('walkin-print').click(),
    ]);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(errors).toEqual([]);
  });
});
