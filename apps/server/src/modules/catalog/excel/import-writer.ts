/**
 * Writes the planned items inside the import's one transaction, the way the catalog service
 * writes them: a new item is version 1; a changed item's draft is overwritten or version n+1 is
 * opened; when the import publishes, the version is published and the item's projection
 * refreshed. Every change is audited.
 */
import type { Executor } from '../../../platform/db/client.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { conflict } from '../../../platform/errors.ts';
import { catalogRepository as repo } from '../catalog.repository.ts';
import { itemProjection } from '../catalog.service.ts';
import type { Plan } from './check.ts';

export interface WriteContext {
  actorId: string;
  publish: boolean;
  jobId: string;
  meta: { requestId?: string; ip?: string };
  now: Date;
}

type Changing = Exclude<Plan, { kind: 'unchanged' }>;

function published(ctx: WriteContext) {
  return ctx.publish ? { status: 'published' as const, publishedAt: ctx.now, publishedBy: ctx.actorId } : { status: 'draft' as const };
}

async function audit(tx: Executor, ctx: WriteContext, itemId: string, details: Record<string, unknown>) {
  await appendAudit(tx, {
    actorId: ctx.actorId,
    action: 'catalog.import',
    targetType: 'catalog_item',
    targetId: itemId,
    ...ctx.meta,
    details: { ...details, published: ctx.publish, jobId: ctx.jobId },
  });
}

async function create(tx: Executor, plan: Extract<Plan, { kind: 'create' }>, ctx: WriteContext) {
  const { item, content, department } = plan;
  const row = await repo.insertItem(tx, {
    implCode: item.implCode,
    departmentId: department.id,
    regionCode: department.regionCode,
    level: item.level!,
    status: ctx.publish ? 'published' : 'draft',
    publishedVersion: ctx.publish ? 1 : null,
    ...itemProjection(content, department.name),
  });
  await repo.insertVersion(tx, { itemId: row.id, version: 1, content, createdBy: ctx.actorId, updatedBy: ctx.actorId, ...published(ctx) });
  await audit(tx, ctx, row.id, { implCode: item.implCode, version: 1, change: 'created' });
}

async function update(tx: Executor, plan: Extract<Plan, { kind: 'update' }>, ctx: WriteContext) {
  const { existing, content, department } = plan;
  const latest = existing.latest;
  let target = latest.version;
  if (latest.status === 'draft' || latest.status === 'submitted') {
    await repo.updateVersion(tx, existing.id, target, { content, updatedBy: ctx.actorId, ...published(ctx) });
  } else {
    target = latest.version + 1;
    await repo.insertVersion(tx, { itemId: existing.id, version: target, content, createdBy: ctx.actorId, updatedBy: ctx.actorId, ...published(ctx) });
  }
  const patch = ctx.publish
    ? { latestVersion: target, status: 'published' as const, publishedVersion: target, ...itemProjection(content, department.name) }
    : existing.publishedVersion === null
      ? { latestVersion: target, ...itemProjection(content, department.name) }
      : { latestVersion: target };
  if (!(await repo.updateItem(tx, existing.id, existing.rowVersion, patch))) throw conflict();
  await audit(tx, ctx, existing.id, { implCode: plan.item.implCode, version: target, change: 'updated' });
}

async function publishLatest(tx: Executor, plan: Extract<Plan, { kind: 'publishLatest' }>, ctx: WriteContext) {
  const { existing, content, department } = plan;
  const version = existing.latest.version;
  await repo.updateVersion(tx, existing.id, version, { updatedBy: ctx.actorId, ...published(ctx) });
  const ok = await repo.updateItem(tx, existing.id, existing.rowVersion, {
    status: 'published',
    publishedVersion: version,
    ...itemProjection(content, department.name),
  });
  if (!ok) throw conflict();
  await audit(tx, ctx, existing.id, { implCode: plan.item.implCode, version, change: 'published' });
}

export async function writePlan(tx: Executor, plan: Changing, ctx: WriteContext): Promise<void> {
  switch (plan.kind) {
    case 'create':
      return create(tx, plan, ctx);
    case 'update':
      return update(tx, plan, ctx);
    case 'publishLatest':
      return publishLatest(tx, plan, ctx);
  }
}
