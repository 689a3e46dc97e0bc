/** Seeds the demo region, departments, halls, windows and one account per role. Idempotent. */
import type { Db } from '../../src/platform/db/client.ts';
import type { IdentityService } from '../../src/modules/identity/index.ts';
import type { CatalogService } from '../../src/modules/catalog/index.ts';
import type { ProcessService } from '../../src/modules/cases/index.ts';
import { licencesRepository } from '../../src/modules/licences/index.ts';
import { seedDemoCatalog } from './catalog-seed.ts';
import { demoLicenceTypes } from './licence-types.ts';
import { seedDemoProcesses } from './process-seed.ts';
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
  { identity, catalog, processes }: { identity: IdentityService; catalog: CatalogService; processes: ProcessService },
): Promise<boolean> {
  // The licence types are upserted every time, so a database seeded before they existed gets them too.
  for (const type of demoLicenceTypes) await licencesRepository.upsertType(db, type);
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
  return true;
}
