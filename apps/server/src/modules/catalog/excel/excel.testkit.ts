/** Helpers of the Excel integration tests: download, upload, wait for a job, edit a workbook. */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { XLSX_MIME, type ImportError, type ImportJob, type Page } from '@tongban/contracts';
import type { Client } from '../../../../test/app.ts';
import { FIRST_DATA_ROW, KEY_ROW } from './columns.ts';

export async function download(client: Client, url: string): Promise<Buffer> {
  const res = await client.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX_MIME);
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.xlsx"; filename\*=UTF-8''/);
  return res.rawPayload;
}

export function upload(client: Client, body: Buffer | string, query = '', contentType = XLSX_MIME) {
  return client.request({ method: 'POST', url: `/api/catalog/admin/imports${query}`, headers: { 'content-type': contentType }, payload: body });
}

/** Uploads and waits for the job to finish. */
export async function importFile(client: Client, body: Buffer, query = ''): Promise<ImportJob> {
  const res = await upload(client, body, query);
  expect(res.statusCode, res.body).toBe(202);
  return waitFor(client, res.json<{ id: string }>().id);
}

export async function waitFor(client: Client, id: string): Promise<ImportJob> {
  const deadline = Date.now() + 50_000;
  for (;;) {
    const res = await client.get(`/api/catalog/admin/imports/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json<ImportJob>();
    expect(job.processedRows).toBeLessThanOrEqual(job.totalRows);
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function errorsOf(client: Client, id: string, lang = 'zh-CN'): Promise<Page<ImportError>> {
  const res = await client.request({ method: 'GET', url: `/api/catalog/admin/imports/${id}/errors?pageSize=100`, headers: { 'accept-language': lang } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page<ImportError>>();
}

export async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

export async function edit(buf: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = await load(buf);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** 1-based column of a machine key (row 2). */
export function col(ws: ExcelJS.Worksheet, key: string): number {
  let found = 0;
  ws.getRow(KEY_ROW).eachCell((cell, n) => {
    if (cell.value === key) found = n;
  });
  if (!found) throw new Error(`no column ${key} on ${ws.name}`);
  return found;
}

/** The data rows (from row 3) of a sheet, as row numbers. */
export function dataRows(ws: ExcelJS.Worksheet): number[] {
  const rows: number[] = [];
  for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) if (ws.findRow(r)?.hasValues) rows.push(r);
  return rows;
}

/** A cell's value as text ('' when blank); the export writes only strings and numbers. */
export function cellText(v: ExcelJS.CellValue): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

export function text(ws: ExcelJS.Worksheet, row: number, key: string): string {
  return cellText(ws.getCell(row, col(ws, key)).value);
}

export function set(ws: ExcelJS.Worksheet, row: number, key: string, value: ExcelJS.CellValue): void {
  ws.getCell(row, col(ws, key)).value = value;
}
