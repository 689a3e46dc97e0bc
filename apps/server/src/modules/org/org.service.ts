/** Organisation use cases: regions, departments, halls, windows (组织机构). */
import type { CreateDepartment, CreateHall, CreateHallWindow, Department, Hall, HallWindow, Page, Region, UpdateDepartment } from '@tongban/contracts';
import { parentRegionCode, regionLevel, regionPrefix } from '@tongban/domain';
import type { Db } from '../../platform/db/client.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/policy.ts';
import { orgRepository as repo } from './org.repository.ts';
import { canEditDepartment, canManageRegion } from './org.policy.ts';

type ListQuery = { page: number; pageSize: number; q?: string | undefined; regionCode?: string | undefined };
type Meta = { requestId?: string; ip?: string };
const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', { issues: [{ path, code: 'custom', message }] });

export function createOrgService({ db }: { db: Db }) {
  const audit = (actor: Actor, action: string, targetType: string, targetId: string, meta: Meta, details?: Record<string, unknown>) => ({
    actorId: actor.id,
    action,
    targetType,
    targetId,
    ...meta,
    ...(details ? { details } : {}),
  });

  async function requireRegion(code: string, path = 'regionCode') {
    if (!(await repo.findRegion(db, code))) throw invalid(path, 'ref.notFound');
  }

  const service = {
    // ---- Regions
    async listRegions(parentCode: string | undefined, q: string | undefined): Promise<Region[]> {
      const rows = await repo.regionChildren(db, parentCode ?? null, q);
      return rows.map((r) => ({ ...r.region, childCount: r.childCount }));
    },
    async getRegion(code: string): Promise<Region> {
      const r = await repo.findRegion(db, code);
      if (!r) throw notFound('region');
      return { ...r.region, childCount: r.childCount };
    },
    async createRegion(actor: Actor, input: { code: string; name: string; parentCode: string | null }, meta: Meta): Promise<Region> {
      const level = regionLevel(input.code);
      if (!level) throw invalid('code', 'region.code');
      if ((parentRegionCode(input.code) ?? null) !== input.parentCode) throw invalid('parentCode', 'region.parent');
      if (input.parentCode) await requireRegion(input.parentCode, 'parentCode');
      if (!canManageRegion(actor, input.parentCode ?? input.code)) throw forbidden();
      await db.transaction(async (tx) => {
        await repo.insertRegion(tx, { code: input.code, name: input.name, level, parentCode: input.parentCode });
        await appendAudit(tx, audit(actor, 'region.create', 'region', input.code, meta, { name: input.name }));
      });
      return service.getRegion(input.code);
    },
    async renameRegion(actor: Actor, code: string, name: string, meta: Meta): Promise<Region> {
      await service.getRegion(code);
      if (!canManageRegion(actor, code)) throw forbidden();
      await db.transaction(async (tx) => {
        await repo.renameRegion(tx, code, name);
        await appendAudit(tx, audit(actor, 'region.rename', 'region', code, meta, { name }));
      });
      return service.getRegion(code);
    },
    async deleteRegion(actor: Actor, code: string, meta: Meta): Promise<void> {
      const region = await service.getRegion(code);
      if (!canManageRegion(actor, code) || code === actor.scope?.regionCode) throw forbidden();
      if (region.childCount > 0) throw new AppError('HAS_DEPENDENTS', { children: region.childCount });
      await db.transaction(async (tx) => {
        await repo.deleteRegion(tx, code);
        await appendAudit(tx, audit(actor, 'region.delete', 'region', code, meta, { name: region.name }));
      });
    },

    // ---- Departments
    async listDepartments(q: ListQuery): Promise<Page<Department>> {
      const { items, total } = await repo.listDepartments(db, {
        q: q.q,
        regionPrefix: q.regionCode ? regionPrefix(q.regionCode) : null,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { items: items.map(toDepartment), total, page: q.page, pageSize: q.pageSize };
    },
    async getDepartment(id: string): Promise<Department> {
      const row = await repo.findDepartment(db, id);
      if (!row) throw notFound('department');
      return toDepartment(row);
    },
    async createDepartment(actor: Actor, input: CreateDepartment, meta: Meta): Promise<Department> {
      await requireRegion(input.regionCode);
      if (!canManageRegion(actor, input.regionCode)) throw forbidden();
      const id = await db.transaction(async (tx) => {
        const newId = await repo.insertDepartment(tx, input);
        await appendAudit(tx, audit(actor, 'department.create', 'department', newId, meta, { name: input.name }));
        return newId;
      });
      return service.getDepartment(id);
    },
    async updateDepartment(actor: Actor, id: string, input: UpdateDepartment, meta: Meta): Promise<Department> {
      const current = await service.getDepartment(id);
      await requireRegion(input.regionCode);
      if (!canEditDepartment(actor, current)) throw forbidden();
      // Moving a department to another region is a centre admin's decision, inside their region.
      if (input.regionCode !== current.regionCode && !canManageRegion(actor, input.regionCode)) throw forbidden();
      const { version, ...patch } = input;
      await db.transaction(async (tx) => {
        if (!(await repo.updateDepartment(tx, id, version, patch))) throw conflict();
        await appendAudit(tx, audit(actor, 'department.update', 'department', id, meta, { name: input.name }));
      });
      return service.getDepartment(id);
    },
    async deleteDepartment(actor: Actor, id: string, meta: Meta): Promise<void> {
      const current = await service.getDepartment(id);
      if (!canManageRegion(actor, current.regionCode)) throw forbidden();
      await db.transaction(async (tx) => {
        await repo.deleteDepartment(tx, id);
        await appendAudit(tx, audit(actor, 'department.delete', 'department', id, meta, { name: current.name }));
      });
    },

    // ---- Halls
    async listHalls(q: ListQuery & { kind?: string | undefined }): Promise<Page<Hall>> {
      const { items, total } = await repo.listHalls(db, {
        q: q.q,
        kind: q.kind,
        regionPrefix: q.regionCode ? regionPrefix(q.regionCode) : null,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { items: items.map(toHall), total, page: q.page, pageSize: q.pageSize };
    },
    async getHall(id: string): Promise<Hall> {
      const row = await repo.findHall(db, id);
      if (!row) throw notFound('hall');
      return toHall(row);
    },
    async createHall(actor: Actor, input: CreateHall, meta: Meta): Promise<Hall> {
      await requireRegion(input.regionCode);
      if (!canManageRegion(actor, input.regionCode)) throw forbidden();
      const id = await db.transaction(async (tx) => {
        const newId = await repo.insertHall(tx, input);
        await appendAudit(tx, audit(actor, 'hall.create', 'hall', newId, meta, { name: input.name }));
        return newId;
      });
      return service.getHall(id);
    },
    async updateHall(actor: Actor, id: string, input: CreateHall & { version: number }, meta: Meta): Promise<Hall> {
      const current = await service.getHall(id);
      await requireRegion(input.regionCode);
      if (!canManageRegion(actor, current.regionCode) || !canManageRegion(actor, input.regionCode)) throw forbidden();
      const { version, ...patch } = input;
      await db.transaction(async (tx) => {
        if (!(await repo.updateHall(tx, id, version, patch))) throw conflict();
        await appendAudit(tx, audit(actor, 'hall.update', 'hall', id, meta, { name: input.name }));
      });
      return service.getHall(id);
    },
    async deleteHall(actor: Actor, id: string, meta: Meta): Promise<void> {
      const current = await service.getHall(id);
      if (!canManageRegion(actor, current.regionCode)) throw forbidden();
      await db.transaction(async (tx) => {
        await repo.deleteHall(tx, id);
        await appendAudit(tx, audit(actor, 'hall.delete', 'hall', id, meta, { name: current.name }));
      });
    },

    // ---- Windows
    async listWindows(hallId: string): Promise<HallWindow[]> {
      await service.getHall(hallId);
      return (await repo.listWindows(db, hallId)).map(toWindow);
    },
    async getWindow(id: string): Promise<HallWindow> {
      const row = await repo.findWindow(db, id);
      if (!row) throw notFound('window');
      return toWindow(row);
    },
    async createWindow(actor: Actor, hallId: string, input: CreateHallWindow, meta: Meta): Promise<HallWindow> {
      const hall = await service.getHall(hallId);
      if (!canManageRegion(actor, hall.regionCode)) throw forbidden();
      if (input.departmentId && !(await repo.findDepartment(db, input.departmentId))) throw invalid('departmentId', 'ref.notFound');
      const id = await db.transaction(async (tx) => {
        const newId = await repo.insertWindow(tx, { ...input, hallId });
        await appendAudit(tx, audit(actor, 'window.create', 'window', newId, meta, { hallId, number: input.number }));
        return newId;
      });
      return service.getWindow(id);
    },
    async updateWindow(actor: Actor, id: string, input: CreateHallWindow & { version: number }, meta: Meta): Promise<HallWindow> {
      const row = await repo.findWindow(db, id);
      if (!row) throw notFound('window');
      if (!canManageRegion(actor, row.hallRegion)) throw forbidden();
      if (input.departmentId && !(await repo.findDepartment(db, input.departmentId))) throw invalid('departmentId', 'ref.notFound');
      const { version, ...patch } = input;
      await db.transaction(async (tx) => {
        if (!(await repo.updateWindow(tx, id, version, patch))) throw conflict();
        await appendAudit(tx, audit(actor, 'window.update', 'window', id, meta, { number: input.number }));
      });
      return service.getWindow(id);
    },
    async deleteWindow(actor: Actor, id: string, meta: Meta): Promise<void> {
      const row = await repo.findWindow(db, id);
      if (!row) throw notFound('window');
      if (!canManageRegion(actor, row.hallRegion)) throw forbidden();
      await db.transaction(async (tx) => {
        await repo.deleteWindow(tx, id);
        await appendAudit(tx, audit(actor, 'window.delete', 'window', id, meta, { number: row.window.number }));
      });
    },

    /** What the identity module needs to validate staff assignments. */
    directory: {
      regionExists: async (code: string) => (await repo.findRegion(db, code)) !== undefined,
      departmentRegion: async (id: string) => (await repo.findDepartment(db, id))?.department.regionCode ?? null,
      windowDepartment: async (id: string) => {
        const w = await repo.findWindow(db, id);
        return w ? { departmentId: w.window.departmentId } : null;
      },
    },
  };
  return service;
}

export type OrgService = ReturnType<typeof createOrgService>;

type DeptRow = NonNullable<Awaited<ReturnType<typeof repo.findDepartment>>>;
const toDepartment = (r: DeptRow): Department => ({
  id: r.department.id,
  name: r.department.name,
  shortName: r.department.shortName,
  creditCode: r.department.creditCode,
  regionCode: r.department.regionCode,
  regionName: r.regionName,
  phone: r.department.phone,
  staffCount: r.staffCount,
  version: r.department.version,
});

type HallRowFull = NonNullable<Awaited<ReturnType<typeof repo.findHall>>>;
const toHall = (r: HallRowFull): Hall => ({
  id: r.hall.id,
  name: r.hall.name,
  kind: r.hall.kind,
  regionCode: r.hall.regionCode,
  regionName: r.regionName,
  address: r.hall.address,
  phone: r.hall.phone,
  openingHours: r.hall.openingHours,
  windowCount: r.windowCount,
  version: r.hall.version,
});

type WindowRowFull = Awaited<ReturnType<typeof repo.listWindows>>[number];
const toWindow = (r: WindowRowFull): HallWindow => ({
  id: r.window.id,
  hallId: r.window.hallId,
  number: r.window.number,
  name: r.window.name,
  kind: r.window.kind,
  departmentId: r.window.departmentId,
  departmentName: r.departmentName,
  active: r.window.active,
  staffCount: r.staffCount,
  version: r.window.version,
});
