/** Seeds the demo region, departments, halls, windows and one account per role. Idempotent. */
import type { Db } from '../../src/platform/db/client.ts';
import type { IdentityService } from '../../src/modules/identity/index.ts';
import type { CatalogService } from '../../src/modules/catalog/index.ts';
import type { ProcessService } from '../../src/modules/cases/index.ts';
import { licencesRepository, type LicencesService } from '../../src/modules/licences/index.ts';
import { seedDemoCatalog } from './catalog-seed.ts';
import { demoLicenceTypes } from './licence-types.ts';
import { seedDemoProcesses } from './process-seed.ts';
import { seedDemoSubjects } from './subject-seed.ts';
import type { SubjectsService } from '../../src/modules/subjects/index.ts';
import { seedRepository } from './seed.repository.ts';
import { demoAccounts, demoCitizen, demoCountyDepartment, demoDepartments, demoEnterprise, demoHalls, demoPassword, demoRegions } from './demo-data.ts';
import { regionLevel } from '@tongban/domain';

export type DemoLogin = { username: string; password: string; what: string };

export function demoLogins(): DemoLogin[] {
  return [...demoAccounts, demoCitizen, demoEnterprise].map((a) => ({ username: a.username, password: demoPassword, what: a.what }));
}

/** Returns false when the demo data was already there. */
export async function seedDemo(
  db: Db,
  {
    identity,
    catalog,
    processes,
    licences,
    subjects,
  }: { identity: IdentityService; catalog: CatalogService; processes: ProcessService; licences: LicencesService; subjects: SubjectsService },
): Promise<boolean> {
  // The licence types are upserted every time, so a database seeded before they existed gets them too.
  for (const type of demoLicenceTypes) await licencesRepository.upsertType(db, type);
  // So is the subject registry, when it is empty.
  await seedDemoSubjects(db, subjects);
  if (await seedRepository.accountExists(db, demoAccounts[0].username)) return false;
  const departmentIds = new Map<string, string>();
  const windowIds = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const r of demoRegions) {
      const level = regionLevel(r.code);
      if (!level) throw new Error(`bad demo region code ${r.code}`);
      await seedRepository.upsertRegion(tx, { ...r, level });
    }
    for (const d of [...demoDepartments, demoCountyDepartment]) {
      departmentIds.set(
        d.key,
        await seedRepository.upsertDepartment(tx, { name: d.name, shortName: d.shortName, creditCode: d.creditCode, regionCode: d.regionCode, phone: d.phone }),
      );
    }
    for (const h of demoHalls) {
      const hallId = await seedRepository.insertHall(tx, {
        name: h.name,
        kind: h.kind,
        regionCode: h.regionCode,
        address: h.address,
        phone: h.phone,
        openingHours: h.openingHours,
      });
      for (const w of h.windows) {
        const id = await seedRepository.insertWindow(tx, {
          hallId,
          number: w.number,
          name: w.name,
          kind: w.kind,
          departmentId: w.dept ? (departmentIds.get(w.dept) ?? null) : null,
        });
        windowIds.set(`${h.key}:${w.number}`, id);
      }
    }
  });
  for (const a of demoAccounts) {
    await identity.createAccountDirect({
      kind: 'staff',
      username: a.username,
      displayName: a.displayName,
      phone: a.phone,
      password: demoPassword,
      roles: [...a.roles],
      regionCode: a.region,
      includeSubRegions: a.sub,
      departmentId: a.dept ? (departmentIds.get(a.dept) ?? null) : null,
      windowId: a.window ? (windowIds.get(a.window) ?? null) : null,
    });
  }
  await identity.createAccountDirect({
    kind: 'citizen',
    username: demoCitizen.username,
    displayName: demoCitizen.displayName,
    password: demoPassword,
    residentId: demoCitizen.residentId,
    phone: demoCitizen.phone,
    roles: ['applicant'],
  });
  await identity.createAccountDirect({
    kind: 'enterprise',
    username: demoEnterprise.username,
    displayName: demoEnterprise.displayName,
    password: demoPassword,
    residentId: demoEnterprise.residentId,
    phone: demoEnterprise.phone,
    organisationName: demoEnterprise.organisationName,
    creditCode: demoEnterprise.creditCode,
    roles: ['applicant'],
  });
  await seedDemoCatalog(db, catalog);
  await seedDemoProcesses(db, processes);
  await seedDemoLicences(db, licences, departmentIds);
  return true;
}

/**
 * 证照归集: the demo citizen's identity card and household register and the demo enterprise's
 * business licence, issued years ago, so that applications take them from the library.
 */
async function seedDemoLicences(db: Db, licences: LicencesService, departmentIds: Map<string, string>) {
  const issuer = (key: string) => {
    const d = demoDepartments.find((x) => x.key === key)!;
    return { id: departmentIds.get(key)!, name: d.name, creditCode: d.creditCode };
  };
  const citizen = { idType: '111', idNumber: demoCitizen.residentId, name: demoCitizen.displayName };
  const at = new Date();
  await db.transaction(async (tx) => {
    await licences.importRecord(tx, {
      typeKey: 'ID_CARD',
      issuer: issuer('police'),
      regionCode: '511902',
      holder: citizen,
      issueDate: '2016-05-10',
      data: { name: demoCitizen.displayName, address: '四川省巴中市巴州区江北大道东段88号' },
      at,
    });
    await licences.importRecord(tx, {
      typeKey: 'HUKOU',
      issuer: issuer('police'),
      regionCode: '511902',
      holder: citizen,
      issueDate: '2012-09-01',
      data: { householder: demoCitizen.displayName, address: '四川省巴中市巴州区江北大道东段88号' },
      at,
    });
    await licences.importRecord(tx, {
      typeKey: 'BIZ_LICENCE',
      issuer: issuer('market'),
      regionCode: '511902',
      holder: { idType: '001', idNumber: demoEnterprise.creditCode, name: demoEnterprise.organisationName },
      issueDate: '2021-06-18',
      data: {
        name: demoEnterprise.organisationName,
        type: '有限责任公司（自然人投资或控股）',
        representative: demoEnterprise.displayName,
        address: '四川省巴中市巴州区江北大道东段88号',
        scope: '餐饮服务；食品销售；外卖递送服务',
      },
      at,
    });
  });
}
