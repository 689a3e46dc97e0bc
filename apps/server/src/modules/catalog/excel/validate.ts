/**
 * The validating phase of an import: read every row of every sheet, assemble the items, look up
 * their departments and the items that already exist, and check each one. Reports progress and
 * yields to the event loop now and then, so that status requests are answered meanwhile.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Db } from '../../../platform/db/client.ts';
import type { Actor } from '../../../platform/http/policy.ts';
import { assemble } from './assemble.ts';
import { planItem, type Department, type ExistingItem, type Plan } from './check.ts';
import { dataSheets } from './columns.ts';
import { excelRepository } from './excel.repository.ts';
import { lastRowOf, readRow, type OpenedWorkbook, type SheetRow } from './parse.ts';
import { Problems } from './problems.ts';

const YIELD_EVERY = 200;

export interface Progress {
  processedRows: number;
  totalRows: number;
}

export interface Validated {
  plans: Plan[];
  problems: Problems;
}

async function readRows(opened: OpenedWorkbook, progress: Progress): Promise<Map<string, SheetRow[]>> {
  const rows = new Map<string, SheetRow[]>();
  progress.totalRows = [...opened.layouts.values()].reduce((n, l) => n + Math.max(0, lastRowOf(l) - l.firstDataRow + 1), 0);
  let visited = 0;
  for (const [id, layout] of opened.layouts) {
    const list: SheetRow[] = [];
    for (let r = layout.firstDataRow; r <= lastRowOf(layout); r++) {
      const row = readRow(layout, r);
      if (row) list.push(row);
      if (++visited % YIELD_EVERY === 0) await yieldToLoop();
    }
    rows.set(id, list);
  }
  // From here on, progress counts the rows that hold data.
  progress.totalRows = [...rows.values()].reduce((n, l) => n + l.length, 0);
  return rows;
}

/** True when the items sheet has at least one row with data (checked before the job starts). */
export function hasItems(opened: OpenedWorkbook): boolean {
  const layout = opened.layouts.get('items')!;
  for (let r = layout.firstDataRow; r <= lastRowOf(layout); r++) if (readRow(layout, r)) return true;
  return false;
}

export async function validateUpload(db: Db, opened: OpenedWorkbook, actor: Actor, publish: boolean, progress: Progress): Promise<Validated> {
  const problems = new Problems();
  const rows = await readRows(opened, progress);
  const { items } = assemble(opened.layouts, rows, problems);

  const creditCodes = [...new Set(items.map((i) => i.creditCode).filter(Boolean))];
  const departments = new Map<string, Department>((await excelRepository.departmentsByCreditCodes(db, creditCodes)).map((d) => [d.creditCode, d]));
  const codes = [...new Set(items.map((i) => i.implCode).filter(Boolean))];
  const existing = new Map<string, ExistingItem>();
  for (const r of await excelRepository.itemsByImplCodes(db, codes)) {
    existing.set(r.item.implCode, {
      id: r.item.id,
      departmentId: r.item.departmentId,
      level: r.item.level,
      status: r.item.status,
      rowVersion: r.item.rowVersion,
      publishedVersion: r.item.publishedVersion,
      latest: { version: r.item.latestVersion, status: r.latestStatus, content: r.latestContent },
      published: r.publishedContent ?? null,
    });
  }

  const ctx = { actor, publish, departments, existing, layouts: opened.layouts, problems };
  const plans: Plan[] = [];
  let linked = 0;
  progress.processedRows = 0;
  for (const [n, item] of items.entries()) {
    const plan = planItem(item, ctx);
    if (plan) plans.push(plan);
    linked += item.rowCount;
    progress.processedRows += item.rowCount;
    if (n % 20 === 19) await yieldToLoop();
  }
  // Child rows that belong to no item were reported by `assemble`; count them as done.
  progress.processedRows += progress.totalRows - linked;
  return { plans, problems };
}

export const sheetOrder = dataSheets.map((s) => s.name);
