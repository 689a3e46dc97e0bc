/** Shared set-up of the case tests: a movable clock, demo items, forms and clients. */
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { CaseDetail, SubmittedMaterial, SubmittedMaterialInput } from '@tongban/contracts';
import type { Engine } from '../../platform/db/client.ts';
import { catalogItems, departments } from '../../platform/db/schema.ts';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { pdfBytes, uploadFile } from '../files/files.testkit.ts';
import { demoCitizen, demoDepartments, demoEnterprise } from '../../../db/seed/demo-data.ts';

/** A clock the test moves; it starts on Monday 2026-03-02, 09:00 in China. */
export function testClock(start = '2026-03-02T09:00:00+08:00') {
  let at = new Date(start);
  return {
    now: () => at,
    set: (iso: string) => {
      at = new Date(iso);
    },
  };
}
export type TestClock = ReturnType<typeof testClock>;

export async function caseTestApp(engine: Engine, clock: TestClock): Promise<TestApp> {
  // Moving the clock means logging in again, many times: lift the per-minute login limit.
  return createTestApp(engine, { LOGIN_RATE_LIMIT_PER_MINUTE: '10000' }, { now: clock.now });
}

export async function itemByName(t: TestApp, name: string) {
  const rows = await t.database.db.select({ id: catalogItems.id, implCode: catalogItems.implCode }).from(catalogItems).where(eq(catalogItems.name, name));
  expect(rows, name).toHaveLength(1);
  return rows[0]!;
}

export async function departmentId(t: TestApp, key: (typeof demoDepartments)[number]['key']): Promise<string> {
  const creditCode = demoDepartments.find((d) => d.key === key)!.creditCode;
  const rows = await t.database.db.select({ id: departments.id }).from(departments).where(eq(departments.creditCode, creditCode));
  return rows[0]!.id;
}

/** Creates a staff account through the admin API and logs it in. */
export async function staff(t: TestApp, admin: Client, username: string, roles: string[], department: string): Promise<Client> {
  const res = await admin.post('/api/staff', {
    username,
    password: 'Tongban@2026',
    displayName: username,
    roles,
    departmentId: department,
    regionCode: '511900',
    includeSubRegions: false,
    windowId: null,
  });
  expect(res.statusCode, res.body).toBe(201);
  return t.login(username);
}

export const foodForm = {
  operatorName: demoEnterprise.organisationName,
  creditCode: demoEnterprise.creditCode,
  premises: '巴中市巴州区江北大道东段88号',
  businessType: '餐饮服务经营者',
  categories: ['热食类食品制售'],
  safetyManager: '李娜',
  mobile: '13800000002',
};
export const foodMaterials: SubmittedMaterial[] = [
  { materialKey: 'business_licence', provided: 'licence', files: [] },
  { materialKey: 'id_card', provided: 'licence', files: [] },
  { materialKey: 'layout', provided: 'upload', files: [] },
  { materialKey: 'food_safety_rules', provided: 'upload', files: [] },
];

export const pharmacyForm = {
  enterpriseName: demoEnterprise.organisationName,
  creditCode: demoEnterprise.creditCode,
  premises: '巴中市巴州区江北大道东段90号',
  scope: '单体药店',
  categories: ['中成药'],
  qualityManager: '李娜',
  mobile: '13800000002',
};
export const pharmacyMaterials: SubmittedMaterial[] = [
  { materialKey: 'business_licence', provided: 'licence', files: [] },
  { materialKey: 'id_card', provided: 'licence', files: [] },
  { materialKey: 'pharmacist_cert', provided: 'upload', files: [] },
  { materialKey: 'premises', provided: 'upload', files: [] },
  { materialKey: 'quality_docs', provided: 'upload', files: [] },
];

export const licenceReplacementForm = {
  enterpriseName: demoEnterprise.organisationName,
  creditCode: demoEnterprise.creditCode,
  reason: '遗失',
  delivery: '窗口领取',
  mobile: '13800000002',
};

/**
 * The materials with a freshly uploaded PDF (uploaded by `client`, who must then submit them) on
 * each one provided by upload that carries no file yet: online, an upload needs a file.
 */
export async function withFiles(client: Client, materials: readonly SubmittedMaterialInput[]): Promise<SubmittedMaterialInput[]> {
  const out: SubmittedMaterialInput[] = [];
  for (const m of materials) {
    if (m.provided !== 'upload' || (m.files?.length ?? 0) > 0) out.push(m);
    else out.push({ ...m, files: [(await uploadFile(client, `${m.materialKey}.pdf`, pdfBytes(m.materialKey), 'application/pdf')).id] });
  }
  return out;
}

let keys = 0;
export const newKey = () => `test-key-${Date.now()}-${++keys}`;

/** Posts and expects 200 (201 for a new submission), returning the case. */
export async function ok(client: Client, url: string, body: unknown, status = 200): Promise<CaseDetail> {
  const res = await client.post(url, body);
  expect(res.statusCode, `${url} ${res.body}`).toBe(status);
  return res.json<CaseDetail>();
}

export async function read(client: Client, caseNo: string): Promise<CaseDetail> {
  const res = await client.get(`/api/cases/${caseNo}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseDetail>();
}

/** A value for every field of a form schema, from the demo citizen where the field asks for them. */
export function fillForm(schema: Record<string, unknown>, into: Record<string, unknown>) {
  const known: Record<string, unknown> = {
    idNumber: demoCitizen.residentId,
    mobile: '13800000001',
    creditCode: demoEnterprise.creditCode,
    email: 'zs@example.cn',
  };
  for (const [key, p] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) {
    if (key in into) continue;
    const items = p.items as { enum?: string[] } | undefined;
    if (key in known) into[key] = known[key];
    else if (Array.isArray(p.enum)) into[key] = p.enum[0];
    else if (p.type === 'array') into[key] = [items?.enum?.[0] ?? '一项'];
    else if (p.format === 'date') into[key] = '2026-03-01';
    else if (p.type === 'number' || p.type === 'integer') into[key] = typeof p.minimum === 'number' ? Math.max(1, p.minimum) : 1;
    else if (p.type === 'boolean') into[key] = true;
    else if (key.toLowerCase().includes('name')) into[key] = demoCitizen.displayName;
    else into[key] = '巴中市巴州区江北大道东段88号';
  }
  return into;
}
