import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { XLSX_MIME, errorCatalogue, type ErrorBody, type FieldIssue, type SessionUser } from '@tongban/contracts';
import type { Actor } from '../../../platform/http/policy.ts';
import { createTestApp, type Client, type TestApp } from '../../../../test/app.ts';
import { engines } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/http.ts';
import { createCatalogExcelService } from './excel.service.ts';
import { cellText, col, dataRows, download, edit, importFile, load, sheet, text, upload } from './excel.testkit.ts';

describe.each(engines())('catalog Excel template and bad input on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  let deptadmin: Client;
  let template: Buffer;
  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.login('admin');
    deptadmin = await t.login('deptadmin');
    template = await download(admin, '/api/catalog/admin/template.xlsx');
  });
  afterAll(async () => t.close());

  const issuesOf = (body: ErrorBody) => (body.details as { issues: FieldIssue[] }).issues;

  it('is only for catalog maintainers', async () => {
    expectError(await t.anonymous.get('/api/catalog/admin/template.xlsx'), 'UNAUTHENTICATED');
    const citizen = await t.login('zhangsan');
    expectError(await citizen.get('/api/catalog/admin/export.xlsx'), 'FORBIDDEN');
    expectError(await upload(citizen, template), 'FORBIDDEN');
  });

  it('serves a template with the item, material and fee sheets, key row, frozen header and drop-downs', async () => {
    const wb = await load(template);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '事项', '材料', '收费', '办理流程', '常见问题', '代码表']);
    const materials = sheet(wb, '材料');
    expect(materials.getCell(1, col(materials, 'necessity')).value).toBe('材料必要性*');
    expect(materials.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(dataRows(materials)).toEqual([]);
    const validations = (materials as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation | undefined } }).dataValidations;
    const necessity = validations.find(`${String.fromCharCode(64 + col(materials, 'necessity'))}3`);
    expect(necessity).toMatchObject({ type: 'list', formulae: [expect.stringContaining('代码表')] });
    const codes = sheet(wb, '代码表');
    const values: unknown[] = [];
    codes.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toEqual(expect.arrayContaining(['容缺后补', '01 行政许可', '是', '否']));
  });

  it('exports only the department admin’s own department', async () => {
    const wb = await load(await download(deptadmin, '/api/catalog/admin/export.xlsx'));
    const items = sheet(wb, '事项');
    const rows = dataRows(items);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => text(items, r, 'departmentCreditCode'))).size).toBe(1);
    expect(new Set(rows.map((r) => text(items, r, 'departmentName')))).toEqual(new Set(['巴中市市场监督管理局']));
  });

  it('answers 4xx, never 500, to anything that is not the template', async () => {
    expectError(await upload(admin, 'implCode,name\n1,2', '', 'text/plain'), 'UNSUPPORTED_MEDIA_TYPE');
    expectError(await upload(admin, Buffer.from('not a workbook at all')), 'SPREADSHEET_UNREADABLE');
    expectError(await upload(admin, Buffer.from('ignored'), '', 'application/json'), 'BAD_REQUEST');
    const en = await admin.request({
      method: 'POST',
      url: '/api/catalog/admin/imports',
      headers: { 'content-type': XLSX_MIME, 'accept-language': 'en' },
      payload: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
    });
    expectError(en, 'SPREADSHEET_UNREADABLE', 'en');

    const noMaterials = await edit(template, (wb) => wb.removeWorksheet(sheet(wb, '材料').id));
    const missing = expectError(await upload(admin, noMaterials), 'SPREADSHEET_TEMPLATE_MISMATCH');
    expect(issuesOf(missing)).toEqual([{ path: '材料', code: 'sheet_missing', message: '缺少这个工作表' }]);

    const renamed = await edit(template, (wb) => {
      const ws = sheet(wb, '材料');
      ws.getCell(2, col(ws, 'necessity')).value = 'necessityX';
    });
    const wrong = expectError(await upload(admin, renamed), 'SPREADSHEET_TEMPLATE_MISMATCH');
    expect(issuesOf(wrong).map((i) => i.path)).toEqual(['材料.necessityX', '材料.necessity']);

    const empty = expectError(await upload(admin, template), 'VALIDATION_FAILED');
    expect(issuesOf(empty)[0]).toMatchObject({ path: '事项', message: '“事项”工作表中没有任何事项' });

    expectError(await upload(admin, Buffer.alloc(21 * 1024 * 1024, 1)), 'FILE_TOO_LARGE');
  });

  it('keeps jobs to the admin who started them; the report exists only for a failed validation', async () => {
    const file = await download(deptadmin, '/api/catalog/admin/export.xlsx');
    const job = await importFile(deptadmin, file);
    expect(job.status).toBe('succeeded');
    expectError(await admin.get(`/api/catalog/admin/imports/${job.id}`), 'NOT_FOUND');
    expectError(await deptadmin.get(`/api/catalog/admin/imports/${job.id}/report.xlsx`), 'INVALID_STATE');
    expectError(await deptadmin.get('/api/catalog/admin/imports/00000000-0000-4000-8000-000000000000'), 'NOT_FOUND');
  });

  it('reports a bad shape found after the request returned (a file too large to open at once) as the job’s failure', async () => {
    const me = (await admin.get('/api/auth/me')).json<SessionUser>();
    const actor: Actor = { id: me.id, kind: me.kind, displayName: me.displayName, roles: me.roles, scope: me.scope };
    const service = createCatalogExcelService({ db: t.database.db, openWaitMs: 0 });
    const noMaterials = await edit(template, (wb) => wb.removeWorksheet(sheet(wb, '材料').id));
    const { id } = await service.startImport(actor, noMaterials, { publish: true, meta: {}, log: () => undefined });
    await expect.poll(() => service.job(actor, id, 'zh').status).toBe('failed');
    expect(service.job(actor, id, 'zh').message).toBe(`${errorCatalogue.SPREADSHEET_TEMPLATE_MISMATCH.zh}（材料：缺少这个工作表）`);
  });

  it('reads a file whose key row was deleted by its Chinese headers', async () => {
    const file = await download(deptadmin, '/api/catalog/admin/export.xlsx');
    const headersOnly = await edit(file, (wb) => {
      for (const name of ['事项', '材料', '收费', '办理流程', '常见问题']) sheet(wb, name).spliceRows(2, 1);
    });
    const wb = await load(headersOnly);
    expect(cellText(sheet(wb, '事项').getCell(2, 1).value)).toMatch(/^[0-9A-Z]{31}$/);
    const job = await importFile(deptadmin, headersOnly);
    expect(job).toMatchObject({ status: 'succeeded', created: 0, updated: 0 });
  });
});
