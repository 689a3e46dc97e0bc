/**
 * Checks one assembled item as the catalog would: the department and the actor's scope, the
 * implementation code, the content contract, the application form's JSON Schema and, when the
 * import publishes, the publishing rules. Decides what the import will do with it.
 */
import { isDeepStrictEqual } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { itemContentSchema, type ItemContent } from '@tongban/contracts';
import { checkPublishRules, parseImplCode } from '@tongban/domain';
import type { Actor } from '../../../platform/http/policy.ts';
import { canMaintainItems } from '../catalog.policy.ts';
import { blankId, type ParsedItem } from './assemble.ts';
import { itemsSheet, type Column, type ListPath, type SheetDef } from './columns.ts';
import type { SheetLayout } from './parse.ts';
import type { Problems } from './problems.ts';

export interface Department {
  id: string;
  name: string;
  regionCode: string;
  creditCode: string;
}

export interface ExistingItem {
  id: string;
  departmentId: string;
  level: string;
  status: 'draft' | 'submitted' | 'published' | 'retired';
  rowVersion: number;
  publishedVersion: number | null;
  latest: { version: number; status: string; content: unknown };
  published: unknown;
}

export type Plan =
  | { kind: 'create'; item: ParsedItem; content: ItemContent; department: Department }
  | { kind: 'update'; item: ParsedItem; content: ItemContent; department: Department; existing: ExistingItem }
  | { kind: 'publishLatest'; item: ParsedItem; content: ItemContent; department: Department; existing: ExistingItem }
  | { kind: 'unchanged'; item: ParsedItem };

export interface CheckContext {
  actor: Actor;
  publish: boolean;
  departments: Map<string, Department>;
  existing: Map<string, ExistingItem>;
  layouts: Map<string, SheetLayout>;
  problems: Problems;
}

const IMPL_CODE = /^[0-9A-Z-]{10,50}$/;
const BUILT_IMPL_CODE = /^[0-9A-Z]{31}$/;
const ajv = new Ajv2020({ strict: false, validateFormats: false });

const listSheets: Record<ListPath, string> = { materials: 'materials', fees: 'fees', procedure: 'procedure', faq: 'faq' };
/** A whole list that is wrong is reported on the item's row, in the column that speaks for it. */
const listColumn: Record<ListPath, string> = { materials: 'implCode', fees: 'charged', procedure: 'implCode', faq: 'implCode' };

interface Cell {
  sheet: SheetDef;
  row: number;
  column: Column;
  col: number;
}

function column(layout: SheetLayout, key: string): { column: Column; col: number } {
  const c = layout.sheet.columns.find((x) => x.key === key)!;
  return { column: c, col: layout.columns.get(key)! };
}

/** The cell a content path (a contract issue or a broken rule) points at. */
function cellFor(item: ParsedItem, path: readonly PropertyKey[], ctx: CheckContext): Cell {
  const items = ctx.layouts.get('items')!;
  const onItem = (key: string): Cell => ({ sheet: itemsSheet, row: item.row, ...column(items, key) });
  const [head, index, ...rest] = path;
  if (typeof head === 'string' && head in listSheets) {
    const list = head as ListPath;
    const rows = item.children[list];
    if (typeof index === 'number' && rows[index] !== undefined) {
      const layout = ctx.layouts.get(listSheets[list])!;
      const sub = rest.map(String).join('.');
      const target = layout.sheet.columns.find((c) => c.path === sub) ?? layout.sheet.columns.find((c) => c.path?.startsWith(`${sub}.`));
      return { sheet: layout.sheet, row: rows[index], ...column(layout, target?.key ?? 'implCode') };
    }
    return onItem(listColumn[list]);
  }
  const dotted = path.map(String).join('.');
  const target =
    itemsSheet.columns.find((c) => c.path === dotted) ??
    itemsSheet.columns.find((c) => c.path?.startsWith(`${dotted}.`)) ??
    itemsSheet.columns.find((c) => c.path !== undefined && dotted.startsWith(`${c.path}.`));
  return onItem(target?.key ?? 'implCode');
}

function report(ctx: CheckContext, cell: Cell, message: string, detail?: string) {
  if (!ctx.problems.isBad(cell.sheet, cell.row, cell.col)) ctx.problems.add(cell.sheet, cell.row, cell.column, cell.col, message, detail);
}

/** The message for a contract issue: blank required cells say "required", some formats have their own words. */
function issueMessage(item: ParsedItem, cell: Cell, issue: { code: string; path: readonly PropertyKey[] }): string {
  const blank = item.blanks.has(blankId(cell.sheet, cell.row, cell.column.key));
  if ((issue.code === 'too_small' || issue.code === 'invalid_type') && (blank || isMissing(item.input, issue.path))) return 'catalogExcel.required';
  if (issue.code === 'invalid_format' && cell.column.key === 'baseCode') return 'catalogExcel.baseCode';
  if (issue.code === 'invalid_format' && cell.sheet.id === 'materials' && cell.column.key === 'key') return 'catalogExcel.materialKey';
  return `generic.${issue.code}`;
}

function isMissing(input: unknown, path: readonly PropertyKey[]): boolean {
  let node: unknown = input;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return true;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node === undefined || node === '' || (Array.isArray(node) && node.length === 0);
}

function parseStored(content: unknown): ItemContent | null {
  const parsed = itemContentSchema.safeParse(content);
  return parsed.success ? parsed.data : null;
}

/** Department, scope, code and existing-item checks; returns the department when the row may go on. */
function checkOwnership(item: ParsedItem, ctx: CheckContext): { department: Department | null; existing: ExistingItem | undefined } {
  const items = ctx.layouts.get('items')!;
  const at = (key: string): Cell => ({ sheet: itemsSheet, row: item.row, ...column(items, key) });
  const department = item.creditCode ? (ctx.departments.get(item.creditCode) ?? null) : null;
  if (item.creditCode && !department) report(ctx, at('departmentCreditCode'), 'catalogExcel.departmentNotFound');
  if (!item.creditCode) report(ctx, at('departmentCreditCode'), 'catalogExcel.required');
  if (item.level === undefined) report(ctx, at('level'), 'catalogExcel.required');
  if (department && !canMaintainItems(ctx.actor, department)) report(ctx, at('departmentCreditCode'), 'catalogExcel.outsideScope');
  const existing = item.implCode ? ctx.existing.get(item.implCode) : undefined;
  if (existing) {
    if (department && existing.departmentId !== department.id) report(ctx, at('departmentCreditCode'), 'catalogExcel.departmentChanged');
    if (item.level !== undefined && existing.level !== item.level) report(ctx, at('level'), 'catalogExcel.levelChanged');
  } else if (item.implCode) {
    if (!IMPL_CODE.test(item.implCode)) report(ctx, at('implCode'), 'catalogExcel.implCodeFormat');
    else if (BUILT_IMPL_CODE.test(item.implCode)) {
      const parsed = parseImplCode(item.implCode);
      if (!parsed.ok) report(ctx, at('implCode'), 'catalogExcel.implCodeCheck');
      else if (department && parsed.value.creditCode !== department.creditCode) report(ctx, at('implCode'), 'catalogExcel.implCodeDepartment');
    }
  }
  return { department, existing };
}

function checkForm(item: ParsedItem, content: ItemContent, ctx: CheckContext) {
  if (item.input.formSchema === undefined) return;
  let valid = false;
  try {
    valid = ajv.validateSchema(content.formSchema) === true;
  } catch {
    valid = false;
  }
  if (!valid) report(ctx, cellFor(item, ['formSchema'], ctx), 'catalogExcel.formSchema');
}

/** Checks one item; returns what to do with it, or null when it has a problem. */
export function planItem(item: ParsedItem, ctx: CheckContext): Plan | null {
  const before = ctx.problems.count;
  const { department, existing } = checkOwnership(item, ctx);
  const parsed = itemContentSchema.safeParse(item.input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const cell = cellFor(item, issue.path, ctx);
      const detail = issue.code === 'too_big' ? `≤ ${String(issue.maximum)}` : issue.code === 'too_small' ? `≥ ${String(issue.minimum)}` : undefined;
      const message = issueMessage(item, cell, issue);
      report(ctx, cell, message, message === 'catalogExcel.required' ? undefined : detail);
    }
    return null;
  }
  const content = parsed.data;
  checkForm(item, content, ctx);
  const plan = decide(item, content, department, existing, ctx);
  if (plan && plan.kind !== 'unchanged' && ctx.publish) {
    for (const v of checkPublishRules(content)) {
      const path = v.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      report(ctx, cellFor(item, path, ctx), v.message);
    }
  }
  return ctx.problems.count > before ? null : plan;
}

function decide(item: ParsedItem, content: ItemContent, department: Department | null, existing: ExistingItem | undefined, ctx: CheckContext): Plan | null {
  if (!department) return null;
  if (!existing) return { kind: 'create', item, content, department };
  const latest = parseStored(existing.latest.content);
  const published = existing.published === null ? null : parseStored(existing.published);
  const sameAsLatest = latest !== null && isDeepStrictEqual(content, latest);
  if (existing.status === 'retired') {
    if (sameAsLatest) return { kind: 'unchanged', item };
    const items = ctx.layouts.get('items')!;
    report(ctx, { sheet: itemsSheet, row: item.row, ...column(items, 'implCode') }, 'catalogExcel.retired');
    return null;
  }
  const isDraft = existing.latest.status === 'draft' || existing.latest.status === 'submitted';
  if (ctx.publish) {
    if (published !== null && existing.status === 'published' && isDeepStrictEqual(content, published)) return { kind: 'unchanged', item };
    if (isDraft && sameAsLatest) return { kind: 'publishLatest', item, content, department, existing };
    return { kind: 'update', item, content, department, existing };
  }
  return sameAsLatest ? { kind: 'unchanged', item } : { kind: 'update', item, content, department, existing };
}
