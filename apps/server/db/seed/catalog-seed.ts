/** Seeds the demo catalog (实施清单) and its 一件事 bundles, published, through the catalog service's import. */
import type { Db } from '../../src/platform/db/client.ts';
import type { CatalogService } from '../../src/modules/catalog/index.ts';
import { demoCatalog, demoBundles } from './catalog/index.ts';
import { demoPopularity } from './catalog/popularity.ts';
import { demoCountyDepartment, demoDepartments } from './demo-data.ts';
import { seedRepository } from './seed.repository.ts';

export async function seedDemoCatalog(db: Db, catalog: CatalogService): Promise<number> {
  const byKey = new Map([...demoDepartments, demoCountyDepartment].map((d) => [d.key, d.creditCode]));
  await db.transaction(async (tx) => {
    for (const item of demoCatalog) {
      const creditCode = byKey.get(item.department);
      const departmentId = creditCode ? await seedRepository.departmentIdByCreditCode(tx, creditCode) : undefined;
      if (!departmentId) throw new Error(`demo catalog: unknown department ${item.department}`);
      await catalog.importPublished(tx, {
        departmentId,
        level: item.level,
        content: item.content,
        actorId: null,
        popularity: demoPopularity[item.content.name],
      });
    }
    for (const b of demoBundles) {
      await catalog.addBundle(tx, { key: b.key, name: b.name, description: b.description, lifeEvent: b.lifeEvent, regionCode: '511900', baseCodes: b.items });
    }
  });
  return demoCatalog.length;
}
