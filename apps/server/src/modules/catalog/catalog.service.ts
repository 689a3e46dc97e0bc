/** Catalog use cases: maintain implementation items through their versions, publish, search, guide, statistics. */
import type { BundleDetail, BundleSummary, CatalogQuery, ItemContent, ItemContentInput, ItemSummary, ItemVersion, Page } from '@tongban/contracts';
import { itemContentSchema, timeLimitSchema } from '@tongban/contracts';
import {
  buildImplCode,
  catalogStats,
  checkPublishRules,
  diffContent,
  mergeBundleMaterials,
  parentRegionCode,
  regionPrefix,
  serviceFlags,
} from '@tongban/domain';
import type { Db, Executor } from '../../platform/db/client.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/policy.ts';
import { catalogRepository as repo, type SearchMatch, type SummaryRow, type VersionRow } from './catalog.repository.ts';
import { canMaintainItems, maintainedScope } from './catalog.policy.ts';
import { checkFormSchema } from '../../platform/forms/form-schema.ts';
import { createPublicCache } from './public-cache.ts';
import { indexText, pinyinQuery, pinyinText, queryExpressions } from './search-text.ts';

type Meta = { requestId?: string; ip?: string };
const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', { issues: [{ path, code: 'custom', message }] });

/** Refuses content whose application form is not a valid form schema (400, each problem at its place in the schema). */
function assertFormSchema(content: ItemContent) {
  const problems = checkFormSchema(content.formSchema);
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', {
      issues: problems.map((p) => ({
        path: ['content', 'formSchema', p.path].filter(Boolean).join('.'),
        code: p.keyword,
        message: 'catalog.formSchemaInvalid',
      })),
    });
}

/** The columns of `catalog_items` that project a version's content. */
function projection(content: ItemContent, departmentName: string) {
  const flags = serviceFlags(content);
  return {
    name: content.name,
    baseCode: content.baseCode,
    itemType: content.itemType,
    serviceObjects: content.serviceObjects,
    themes: [...content.personThemes, ...content.businessThemes],
    onlineDepth: content.onlineDepth,
    isImmediate: flags.immediate,
    isOnline: flags.online,
    isOneVisit: flags.oneVisit,
    isZeroVisit: flags.zeroVisit,
    isNearby: flags.nearby,
    searchText: indexText([content.name, ...content.keywords, departmentName, ...content.personThemes, ...content.businessThemes]),
    searchPinyin: pinyinText([content.name, ...content.keywords]),
  };
}

function toSummary(row: { item: SummaryRow; departmentName: string }): ItemSummary {
  const i = row.item;
  return {
    id: i.id,
    implCode: i.implCode,
    baseCode: i.baseCode,
    name: i.name,
    itemType: i.itemType,
    departmentId: i.departmentId,
    departmentName: row.departmentName,
    regionCode: i.regionCode,
    status: i.status,
    publishedVersion: i.publishedVersion,
    latestVersion: i.latestVersion,
    flags: { immediate: i.isImmediate, online: i.isOnline, oneVisit: i.isOneVisit, zeroVisit: i.isZeroVisit, nearby: i.isNearby },
    serviceObjects: i.serviceObjects,
    themes: i.themes,
    rowVersion: i.rowVersion,
  };
}

/** A region and every region above it, nearest first. */
function regionChain(code: string): string[] {
  const chain = [code];
  for (let parent = parentRegionCode(code); parent; parent = parentRegionCode(parent)) chain.push(parent);
  return chain;
}

function toVersion(row: { item: SummaryRow; departmentName: string }, v: VersionRow): ItemVersion {
  return {
    item: toSummary(row),
    version: v.version,
    status: v.status,
    content: itemContentSchema.parse(v.content),
    publishedAt: v.publishedAt?.toISOString() ?? null,
    updatedAt: v.updatedAt.toISOString(),
  };
}

/**
 * The ways a query is tried, most precise first, until one finds something: every word, the
 * sound of it (homophone typos, pinyin and initials), any word, and the name as typed.
 */
function searchPlans(q: string | undefined): SearchMatch[] {
  const text = q?.trim();
  if (!text) return [{ kind: 'none' }];
  const words = queryExpressions(text);
  const key = pinyinQuery(text);
  return [
    ...(words ? [{ kind: 'words', tsQuery: words.all, text } as const] : []),
    ...(key ? [{ kind: 'pinyin', key } as const] : []),
    ...(words && words.any !== words.all ? [{ kind: 'words', tsQuery: words.any, text } as const] : []),
    ...(words ? [] : [{ kind: 'name', text } as const]),
  ];
}

export function createCatalogService({ db, cacheSeconds = 0 }: { db: Db; cacheSeconds?: number }) {
  const publicPages = createPublicCache(cacheSeconds);

  async function maintained(actor: Actor, id: string) {
    const row = await repo.findById(db, id);
    if (!row) throw notFound('item');
    const department = await repo.departmentOf(db, row.item.departmentId);
    if (!department || !canMaintainItems(actor, department)) throw notFound('item');
    return row;
  }

  async function latest(tx: Executor, item: SummaryRow) {
    const v = await repo.version(tx, item.id, item.latestVersion);
    if (!v) throw new Error(`item ${item.id} has no version ${item.latestVersion}`);
    return v;
  }

  function searchPage(q: CatalogQuery) {
    return publicPages.remember(`search:${JSON.stringify(q)}`, async () => {
      const filter = {
        preferAudience: q.prefer,
        departmentId: q.dept,
        regionPrefix: q.region ? regionPrefix(q.region) : null,
        theme: q.theme,
        audience: q.audience,
        itemType: q.type,
        depth: q.depth,
        flag: q.flag,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      };
      let found: Awaited<ReturnType<typeof repo.searchPublished>> = { items: [], total: 0 };
      for (const match of searchPlans(q.q)) {
        found = await repo.searchPublished(db, { ...filter, match });
        if (found.total > 0) break;
      }
      const value: Page<ItemSummary> = { items: found.items.map(toSummary), total: found.total, page: q.page, pageSize: q.pageSize };
      return { value, json: Buffer.from(JSON.stringify(value)) };
    });
  }

  function publishedGuide(implCode: string, version: number | undefined) {
    return publicPages.remember(`guide:${implCode}:${version ?? 'current'}`, async () => {
      const row = await repo.findWithVersion(db, implCode, version);
      // Without a version only the current publication is public; an earlier one stays readable after retirement.
      if (!row) throw notFound(version === undefined ? 'item' : 'version');
      if (version === undefined && row.item.status !== 'published') throw notFound('item');
      if (!row.version.publishedAt) throw notFound('version');
      const value = toVersion(row, row.version);
      return { value, json: Buffer.from(JSON.stringify(value)) };
    });
  }

  const service = {
    // ---- Public
    async search(q: CatalogQuery): Promise<Page<ItemSummary>> {
      return (await searchPage(q)).value;
    },

    /** The same page as UTF-8 JSON, serialised once per cache entry. */
    async searchJson(q: CatalogQuery): Promise<Buffer> {
      return (await searchPage(q)).json;
    },

    /** The published guide of an item, or one of its earlier published versions. */
    async guide(implCode: string, version?: number): Promise<ItemVersion> {
      return (await publishedGuide(implCode, version)).value;
    },

    /** The same guide as UTF-8 JSON, serialised once per cache entry (the hottest public read). */
    async guideJson(implCode: string, version?: number): Promise<Buffer> {
      return (await publishedGuide(implCode, version)).json;
    },

    /** 一件事 bundles offered in a region (and those of the regions above it). */
    async bundles(q: { region?: string | undefined; lifeEvent?: string | undefined }): Promise<BundleSummary[]> {
      const rows = await repo.bundles(db, { regionCodes: q.region ? regionChain(q.region) : null, lifeEvent: q.lifeEvent });
      return rows.map((b) => ({
        key: b.key,
        name: b.name,
        description: b.description,
        lifeEvent: b.lifeEvent,
        regionCode: b.regionCode,
        itemCount: b.baseCodes.length,
      }));
    },

    /** A bundle with its items as implemented in the region (nearest first) and their materials merged. */
    async bundle(key: string, region?: string): Promise<BundleDetail> {
      return publicPages.remember(`bundle:${key}:${region ?? ''}`, async () => {
        const b = await repo.bundleByKey(db, key, region ? regionChain(region) : null);
        if (!b) throw notFound('bundle');
        const preference = regionChain(region ?? b.regionCode);
        const rank = (regionCode: string) => (preference.includes(regionCode) ? preference.indexOf(regionCode) : preference.length);
        const candidates = await repo.publishedByBaseCodes(db, b.baseCodes);
        const chosen = b.baseCodes.flatMap((code) => {
          const offered = candidates.filter((c) => c.item.baseCode === code);
          offered.sort((x, y) => rank(x.item.regionCode) - rank(y.item.regionCode) || x.item.implCode.localeCompare(y.item.implCode));
          return offered.slice(0, 1);
        });
        const withContent = chosen.map((c) => ({ row: c, content: itemContentSchema.parse(c.content) }));
        const merged = mergeBundleMaterials(
          withContent.map(({ row, content }) => ({ implCode: row.item.implCode, name: row.item.name, materials: content.materials })),
        );
        const asked = withContent.reduce((n, { content }) => n + content.materials.length, 0);
        return {
          key: b.key,
          name: b.name,
          description: b.description,
          lifeEvent: b.lifeEvent,
          regionCode: b.regionCode,
          itemCount: b.baseCodes.length,
          items: chosen.map(toSummary),
          materials: merged.map(({ first, ...m }) => ({ ...m, fillingNotes: first.fillingNotes, acceptanceStandard: first.acceptanceStandard })),
          sparedSubmissions: asked - merged.length,
        };
      });
    },

    async stats(f: { departmentId?: string | undefined; region?: string | undefined }) {
      return publicPages.remember(`stats:${f.departmentId ?? ''}:${f.region ?? ''}`, async () => {
        const rows = await repo.publishedForStats(db, { departmentId: f.departmentId, regionPrefix: f.region ? regionPrefix(f.region) : null });
        const inputs = rows.map((r) => ({
          departmentId: r.departmentId,
          flags: { immediate: r.immediate, online: r.online, oneVisit: r.oneVisit, zeroVisit: r.zeroVisit, nearby: r.nearby },
          legalLimit: timeLimitSchema.parse(r.legalLimit),
          promisedLimit: timeLimitSchema.parse(r.promisedLimit),
        }));
        const names = new Map(rows.map((r) => [r.departmentId, r.departmentName]));
        return {
          overall: catalogStats(inputs),
          byDepartment: [...names].map(([departmentId, departmentName]) => ({
            departmentId,
            departmentName,
            stats: catalogStats(inputs.filter((i) => i.departmentId === departmentId)),
          })),
        };
      });
    },

    // ---- Maintenance (admin console)
    async listMaintained(
      actor: Actor,
      q: { page: number; pageSize: number; q?: string | undefined; status?: string | undefined; dept?: string | undefined },
    ): Promise<Page<ItemSummary>> {
      const scope = maintainedScope(actor);
      if (!scope) throw forbidden();
      const { items, total } = await repo.listForAdmin(db, {
        // A department admin sees their own department whatever they ask for.
        departmentId: scope.departmentId ?? q.dept ?? null,
        regionPrefix: scope.regionCode ? (scope.includeSubRegions ? regionPrefix(scope.regionCode) : scope.regionCode) : null,
        status: q.status,
        q: q.q,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { items: items.map(toSummary), total, page: q.page, pageSize: q.pageSize };
    },

    async create(
      actor: Actor,
      input: { departmentId: string; level: string; implCode?: string | undefined; content: ItemContent },
      meta: Meta,
    ): Promise<ItemVersion> {
      const department = await repo.departmentOf(db, input.departmentId);
      if (!department) throw invalid('departmentId', 'ref.notFound');
      if (!canMaintainItems(actor, department)) throw forbidden();
      assertFormSchema(input.content);
      let implCode = input.implCode;
      if (!implCode) {
        try {
          implCode = buildImplCode(department.creditCode, input.level, input.content.baseCode);
        } catch {
          throw invalid('content.baseCode', 'catalog.baseCodeForImplCode');
        }
      }
      const created = await db.transaction(async (tx) => {
        const item = await repo.insertItem(tx, {
          implCode,
          departmentId: department.id,
          regionCode: department.regionCode,
          level: input.level,
          status: 'draft',
          ...projection(input.content, department.name),
        });
        await repo.insertVersion(tx, { itemId: item.id, version: 1, status: 'draft', content: input.content, createdBy: actor.id, updatedBy: actor.id });
        await appendAudit(tx, { actorId: actor.id, action: 'catalog.create', targetType: 'catalog_item', targetId: item.id, ...meta, details: { implCode } });
        return item;
      });
      return service.version(actor, created.id, 1);
    },

    /** Edits the draft; editing a published or retired item opens version n+1 as a draft and leaves version n as it was. */
    async updateDraft(actor: Actor, id: string, input: { content: ItemContent; rowVersion: number }, meta: Meta): Promise<ItemVersion> {
      const row = await maintained(actor, id);
      assertFormSchema(input.content);
      const item = row.item;
      const version = await db.transaction(async (tx) => {
        const current = await latest(tx, item);
        let target = current.version;
        if (current.status === 'draft' || current.status === 'submitted') {
          await repo.updateVersion(tx, item.id, current.version, { content: input.content, status: 'draft', updatedBy: actor.id });
        } else {
          target = current.version + 1;
          await repo.insertVersion(tx, { itemId: item.id, version: target, status: 'draft', content: input.content, createdBy: actor.id, updatedBy: actor.id });
        }
        const patch = item.publishedVersion === null ? { latestVersion: target, ...projection(input.content, row.departmentName) } : { latestVersion: target };
        if (!(await repo.updateItem(tx, item.id, input.rowVersion, patch))) throw conflict();
        await appendAudit(tx, {
          actorId: actor.id,
          action: 'catalog.edit',
          targetType: 'catalog_item',
          targetId: item.id,
          ...meta,
          details: { version: target },
        });
        return target;
      });
      return service.version(actor, id, version);
    },

    async submit(actor: Actor, id: string, rowVersion: number, meta: Meta): Promise<ItemVersion> {
      const row = await maintained(actor, id);
      await db.transaction(async (tx) => {
        const current = await latest(tx, row.item);
        if (current.status !== 'draft') throw new AppError('INVALID_STATE', { status: current.status });
        await repo.updateVersion(tx, row.item.id, current.version, { status: 'submitted', updatedBy: actor.id });
        if (!(await repo.updateItem(tx, row.item.id, rowVersion, row.item.publishedVersion === null ? { status: 'submitted' } : {}))) throw conflict();
        await appendAudit(tx, {
          actorId: actor.id,
          action: 'catalog.submit',
          targetType: 'catalog_item',
          targetId: row.item.id,
          ...meta,
          details: { version: current.version },
        });
      });
      return service.version(actor, id, row.item.latestVersion);
    },

    /** Publishes the latest version after the consistency rules (STANDARDS §1.6); 422 lists every broken rule. */
    async publish(actor: Actor, id: string, rowVersion: number, meta: Meta): Promise<ItemVersion> {
      const row = await maintained(actor, id);
      const published = await db.transaction(async (tx) => {
        const current = await latest(tx, row.item);
        if (current.status !== 'draft' && current.status !== 'submitted') throw new AppError('INVALID_STATE', { status: current.status });
        const content = itemContentSchema.parse(current.content);
        const violations = checkPublishRules(content);
        if (violations.length) throw new AppError('RULES_BROKEN', { issues: violations.map((v) => ({ path: v.path, code: v.rule, message: v.message })) });
        const now = new Date();
        await repo.updateVersion(tx, row.item.id, current.version, { status: 'published', publishedAt: now, publishedBy: actor.id, updatedBy: actor.id });
        const ok = await repo.updateItem(tx, row.item.id, rowVersion, {
          status: 'published',
          publishedVersion: current.version,
          ...projection(content, row.departmentName),
        });
        if (!ok) throw conflict();
        await appendAudit(tx, {
          actorId: actor.id,
          action: 'catalog.publish',
          targetType: 'catalog_item',
          targetId: row.item.id,
          ...meta,
          details: { version: current.version },
        });
        return current.version;
      });
      publicPages.clear();
      return service.version(actor, id, published);
    },

    /** Withdraws the item from the public catalog. Its code is never reused. */
    async retire(actor: Actor, id: string, { rowVersion, reason }: { rowVersion: number; reason: string }, meta: Meta): Promise<ItemSummary> {
      const row = await maintained(actor, id);
      if (row.item.status === 'retired') throw new AppError('INVALID_STATE', { status: 'retired' });
      await db.transaction(async (tx) => {
        if (row.item.publishedVersion !== null)
          await repo.updateVersion(tx, row.item.id, row.item.publishedVersion, { status: 'retired', retiredAt: new Date() });
        if (!(await repo.updateItem(tx, row.item.id, rowVersion, { status: 'retired' }))) throw conflict();
        await appendAudit(tx, { actorId: actor.id, action: 'catalog.retire', targetType: 'catalog_item', targetId: row.item.id, ...meta, details: { reason } });
      });
      publicPages.clear();
      return toSummary((await repo.findById(db, id))!);
    },

    /**
     * Adds an item that is published at once (demo seed, later the Excel import): the same
     * consistency rules apply, and a broken one refuses the whole item.
     */
    async importPublished(
      tx: Executor,
      input: { departmentId: string; level: string; implCode?: string; content: ItemContentInput; actorId: string | null; popularity?: number | undefined },
    ) {
      const department = await repo.departmentOf(tx, input.departmentId);
      if (!department) throw invalid('departmentId', 'ref.notFound');
      const content = itemContentSchema.parse(input.content);
      assertFormSchema(content);
      const violations = checkPublishRules(content);
      if (violations.length) throw new AppError('RULES_BROKEN', { issues: violations.map((v) => ({ path: v.path, code: v.rule, message: v.message })) });
      const implCode = input.implCode ?? buildImplCode(department.creditCode, input.level, content.baseCode);
      const item = await repo.insertItem(tx, {
        implCode,
        departmentId: department.id,
        regionCode: department.regionCode,
        level: input.level,
        status: 'published',
        publishedVersion: 1,
        ...projection(content, department.name),
        popularity: input.popularity ?? 0,
      });
      const now = new Date();
      await repo.insertVersion(tx, {
        itemId: item.id,
        version: 1,
        status: 'published',
        content,
        createdBy: input.actorId,
        updatedBy: input.actorId,
        publishedBy: input.actorId,
        publishedAt: now,
      });
      await appendAudit(tx, { actorId: input.actorId, action: 'catalog.import', targetType: 'catalog_item', targetId: item.id, details: { implCode } });
      // Inside the caller's transaction: empty the cache now, and the caller again after its commit.
      publicPages.clear();
      return item;
    },

    /** Indexes items that predate a search key (run at start-up; does nothing once every item has its keys). */
    async fillMissingSearchKeys(): Promise<number> {
      const rows = await repo.publishedWithoutPinyin(db);
      for (const r of rows) {
        const { searchText, searchPinyin } = projection(itemContentSchema.parse(r.content), r.departmentName);
        await repo.setSearchKeys(db, r.id, { searchText, searchPinyin });
      }
      if (rows.length) publicPages.clear();
      return rows.length;
    },

    /** Call after a transaction that changed the public catalog (e.g. an import) has committed. */
    publicCatalogChanged() {
      publicPages.clear();
    },

    async addBundle(tx: Executor, bundle: { key: string; name: string; description: string; lifeEvent: string; regionCode: string; baseCodes: string[] }) {
      await repo.insertBundle(tx, bundle);
    },

    async version(actor: Actor, id: string, version: number): Promise<ItemVersion> {
      const row = await maintained(actor, id);
      const v = await repo.version(db, id, version);
      if (!v) throw notFound('version');
      return toVersion(row, v);
    },

    async versions(actor: Actor, id: string) {
      await maintained(actor, id);
      return (await repo.versions(db, id)).map(({ v, updatedByName, publishedByName }) => ({
        version: v.version,
        status: v.status,
        updatedAt: v.updatedAt.toISOString(),
        publishedAt: v.publishedAt?.toISOString() ?? null,
        updatedBy: v.updatedBy,
        updatedByName,
        publishedByName,
      }));
    },

    async diff(actor: Actor, id: string, from: number, to: number) {
      await maintained(actor, id);
      const [a, b] = await Promise.all([repo.version(db, id, from), repo.version(db, id, to)]);
      if (!a || !b) throw notFound('version');
      return diffContent(a.content, b.content);
    },
  };
  return service;
}

export type CatalogService = ReturnType<typeof createCatalogService>;

// ---- Excel import (excel/import-writer.ts) ------------------------------------------------
/** The `catalog_items` columns that project a version's content; the Excel import writes them too. */
export const itemProjection = projection;
