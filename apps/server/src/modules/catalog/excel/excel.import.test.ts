import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import type { ItemSummary, ItemVersion, Page } from '@tongban/contracts';
import { auditLog } from '../../../platform/db/schema.ts';
import { createTestApp, type Client, type TestApp } from '../../../../test/app.ts';
import { engines } from '../../../../test/databases.ts';
import { cellText, col, dataRows, download, edit, errorsOf, importFile, load, set, sheet, text } from './excel.testkit.ts';
import { dataSheets } from './columns.ts';

/** Rewrites implementation codes on every data sheet (a new code makes a new item). */
function recode(map: (code: string) => string | null) {
  return (wb: ExcelJS.Workbook) => {
    for (const def of dataSheets) {
      const ws = sheet(wb, def.name);
      const c = col(ws, 'implCode');
      for (const r of dataRows(ws)) {
        const cell = ws.getCell(r, c);
        const next = map(cellText(cell.value));
        if (next) cell.value = next;
      }
    }
  };
}

/** Same credit code and level, another base code: X in place of the base code's first character. */
const otherCode = (code: string) => `${code.slice(0, 19)}X${code.slice(20)}`;

describe.each(engines())('catalog Excel import on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  let deptadmin: Client;
  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.login('admin');
    deptadmin = await t.login('deptadmin');
  });
  afterAll(async () => t.close());

  const guide = async (code: string) => {
    const res = await t.anonymous.get(`/api/catalog/items/${code}`);
    expect(res.statusCode, `${code} ${res.body.slice(0, 200)}`).toBe(200);
    return res.json<ItemVersion>();
  };
  const adminTotal = async () => (await admin.get('/api/catalog/admin/items?pageSize=1')).json<Page<ItemSummary>>().total;

  it('imports its own export of the demo catalog without changing anything', async () => {
    const before = await adminTotal();
    const file = await download(admin, '/api/catalog/admin/export.xlsx');
    const items = dataRows(sheet(await load(file), '事项')).length;
    expect(items).toBe(before);
    expect(items).toBeGreaterThanOrEqual(60);
    const job = await importFile(admin, file);
    expect(job).toMatchObject({ status: 'succeeded', created: 0, updated: 0, unchanged: items, errorCount: 0, message: null });
    expect(job.processedRows).toBe(job.totalRows);
    expect(await adminTotal()).toBe(before);
    const page = (await admin.get('/api/catalog/admin/items?pageSize=100')).json<Page<ItemSummary>>();
    expect(page.items.every((i) => i.latestVersion === 1 && i.publishedVersion === 1)).toBe(true);
  });

  it('reproduces every item exactly when the export is imported as new items (codes changed)', async () => {
    const file = await download(admin, '/api/catalog/admin/export.xlsx');
    const items = sheet(await load(file), '事项');
    const implCodes = dataRows(items).map((r) => text(items, r, 'implCode'));
    const job = await importFile(admin, await edit(file, recode(otherCode)));
    expect(job).toMatchObject({ status: 'succeeded', created: implCodes.length, updated: 0, unchanged: 0 });
    for (const code of implCodes) {
      const [before, after] = [await guide(code), await guide(otherCode(code))];
      expect(after.content, code).toEqual(before.content);
      expect(after.item).toMatchObject({ status: 'published', departmentId: before.item.departmentId, regionCode: before.item.regionCode });
      expect(after.version).toBe(1);
    }
  });

  it('opens version 2 only for the item whose content changed, and is idempotent', async () => {
    const file = await download(deptadmin, '/api/catalog/admin/export.xlsx');
    const wb = await load(file);
    const rows = dataRows(sheet(wb, '事项'));
    const code = text(sheet(wb, '事项'), rows[0]!, 'implCode');
    const name = text(sheet(wb, '事项'), rows[0]!, 'name');
    const changed = await edit(file, (w) => set(sheet(w, '事项'), rows[0]!, 'name', `${name}（导入修改）`));
    const job = await importFile(deptadmin, changed);
    expect(job).toMatchObject({ status: 'succeeded', created: 0, updated: 1, unchanged: rows.length - 1 });
    expect(await guide(code)).toMatchObject({ version: 2, content: { name: `${name}（导入修改）` } });
    expect((await t.anonymous.get(`/api/catalog/items/${code}/versions/1`)).json<ItemVersion>().content.name).toBe(name);
    expect(await importFile(deptadmin, changed)).toMatchObject({ status: 'succeeded', created: 0, updated: 0, unchanged: rows.length });
  });

  it('imports nothing when one material has an invalid necessity, and reports exactly that cell', async () => {
    const file = await download(deptadmin, '/api/catalog/admin/export.xlsx');
    const wb = await load(file);
    const items = sheet(wb, '事项');
    const first = dataRows(items)[1]!;
    const code = text(items, first, 'implCode');
    const before = await guide(code);
    const materials = sheet(wb, '材料');
    const bad = dataRows(materials)[2]!;
    const necessity = col(materials, 'necessity');
    const broken = await edit(file, (w) => {
      set(sheet(w, '事项'), first, 'name', '本应被修改的名称');
      set(sheet(w, '材料'), bad, 'necessity', '必须');
    });
    const job = await importFile(deptadmin, broken);
    expect(job).toMatchObject({ status: 'failed', errorCount: 1, created: 0, updated: 0, unchanged: 0 });
    const errors = await errorsOf(deptadmin, job.id);
    expect(errors.total).toBe(1);
    expect(errors.items[0]).toMatchObject({ sheet: '材料', row: bad, column: String.fromCharCode(64 + necessity), key: 'necessity', header: '材料必要性' });
    expect(errors.items[0]!.message).toContain('下拉列表');
    expect(errors.items[0]!.message).toContain('容缺后补');
    expect((await errorsOf(deptadmin, job.id, 'en')).items[0]!.message).toMatch(/^Not an allowed value/);
    // Nothing was written: the other item kept its name and its one version (read past the public cache).
    const [summary] = (await deptadmin.get(`/api/catalog/admin/items?q=${code}`)).json<Page<ItemSummary>>().items;
    expect(summary).toMatchObject({ implCode: code, name: before.content.name, latestVersion: 1, publishedVersion: 1 });

    const report = await load(await download(deptadmin, `/api/catalog/admin/imports/${job.id}/report.xlsx`));
    const list = sheet(report, '错误');
    expect(list.getRow(2).getCell(1).value).toBe('材料');
    expect(list.getRow(2).getCell(2).value).toBe(bad);
    const cell = sheet(report, '材料').getCell(bad, necessity);
    expect(cell.value).toBe('必须');
    expect(cell.note).toContain('下拉列表');
    expect(cell.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFC7CE' } });
  });

  it('reports a fee without its basis on the fee sheet, and imports nothing', async () => {
    const file = await download(admin, '/api/catalog/admin/export.xlsx');
    const fees = sheet(await load(file), '收费');
    const row = dataRows(fees)[0]!;
    const job = await importFile(admin, await edit(file, (w) => set(sheet(w, '收费'), row, 'basis', null)));
    expect(job).toMatchObject({ status: 'failed', errorCount: 1 });
    const [error] = (await errorsOf(admin, job.id)).items;
    expect(error).toMatchObject({ sheet: '收费', row, key: 'basis', header: '收费依据', message: '此项为必填项' });
  });

  it('runs the publishing rules when it publishes, pointing at the cells that break them; drafts may break them', async () => {
    const file = await download(deptadmin, '/api/catalog/admin/export.xlsx');
    const wb = await load(file);
    const items = sheet(wb, '事项');
    const row = dataRows(items)[0]!;
    const code = text(items, row, 'implCode');
    const materials = sheet(wb, '材料');
    const licence = dataRows(materials).find((r) => text(materials, r, 'source') === '电子证照库' && text(materials, r, 'implCode') === code)!;
    expect(licence).toBeDefined();
    const broken = await edit(file, (w) => {
      set(sheet(w, '事项'), row, 'supervisionPhone', text(items, row, 'consultationPhone'));
      set(sheet(w, '材料'), licence, 'licenceType', null);
    });
    const job = await importFile(deptadmin, broken);
    expect(job).toMatchObject({ status: 'failed', errorCount: 2 });
    const errors = (await errorsOf(deptadmin, job.id)).items;
    expect(errors.map((e) => [e.sheet, e.row, e.key])).toEqual([
      ['事项', row, 'supervisionPhone'],
      ['材料', licence, 'licenceType'],
    ]);
    expect(errors[0]!.message).toContain('监督投诉电话');
    expect(errors[1]!.message).toContain('证照类型');
    const summary = async () => (await deptadmin.get(`/api/catalog/admin/items?q=${code}`)).json<Page<ItemSummary>>().items[0]!;
    const before = await summary();
    const drafts = await importFile(deptadmin, broken, '?publish=false');
    expect(drafts).toMatchObject({ status: 'succeeded', created: 0, updated: 1 });
    expect(await summary()).toMatchObject({ latestVersion: before.latestVersion + 1, publishedVersion: before.publishedVersion, status: 'published' });
  });

  it('refuses a department admin’s rows of another department, row by row', async () => {
    const file = await download(admin, '/api/catalog/admin/export.xlsx');
    const items = sheet(await load(file), '事项');
    const ownSheet = sheet(await load(await download(deptadmin, '/api/catalog/admin/export.xlsx')), '事项');
    const own = new Set(dataRows(ownSheet).map((r) => text(ownSheet, r, 'implCode')));
    const foreign = dataRows(items).filter((r) => !own.has(text(items, r, 'implCode')));
    expect(foreign.length).toBeGreaterThan(0);
    const job = await importFile(deptadmin, file);
    expect(job).toMatchObject({ status: 'failed', errorCount: foreign.length });
    const errors = (await errorsOf(deptadmin, job.id)).items;
    expect(errors.map((e) => e.row)).toEqual(foreign.slice(0, 100));
    expect(new Set(errors.map((e) => `${e.sheet}/${e.key}`))).toEqual(new Set(['事项/departmentCreditCode']));
    expect(errors[0]!.message).toContain('只能导入本部门');
  });

  it('creates drafts when publish=false, audited, not shown to the public', async () => {
    const file = await download(deptadmin, '/api/catalog/admin/export.xlsx');
    const items = sheet(await load(file), '事项');
    const code = text(items, dataRows(items)[0]!, 'implCode');
    const fresh = `${code.slice(0, 19)}D${code.slice(20)}`;
    const job = await importFile(
      deptadmin,
      await edit(
        file,
        recode((c) => (c === code ? fresh : null)),
      ),
      '?publish=false',
    );
    expect(job).toMatchObject({ status: 'succeeded', publish: false, created: 1, updated: 0 });
    expect((await t.anonymous.get(`/api/catalog/items/${fresh}`)).statusCode).toBe(404);
    const listed = (await deptadmin.get(`/api/catalog/admin/items?q=${fresh}`)).json<Page<ItemSummary>>();
    expect(listed.items.map((i) => [i.implCode, i.status])).toEqual([[fresh, 'draft']]);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'catalog.import'), eq(auditLog.targetId, listed.items[0]!.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ implCode: fresh, change: 'created', published: false, jobId: job.id });
    const jobAudit = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, job.id));
    expect(jobAudit.map((a) => a.action)).toEqual(['catalog.import_job']);
  });
});
