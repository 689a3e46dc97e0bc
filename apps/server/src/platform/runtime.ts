/** Opens the configured database, migrates it and wires the services the CLI needs. */
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { createOrgModule } from '../modules/org/index.ts';
import { createIdentityModule } from '../modules/identity/index.ts';
import { createLicencesModule } from '../modules/licences/index.ts';
import { createCatalogModule } from '../modules/catalog/index.ts';
import { createProcessModule } from '../modules/cases/index.ts';
import { createSubjectsModule } from '../modules/subjects/index.ts';

export async function openMigratedDatabase(config: Config): Promise<Database> {
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
  return database;
}

export function services(config: Config, database: Database) {
  const org = createOrgModule({ db: database.db });
  const identity = createIdentityModule({ db: database.db, config, now: () => new Date(), org: org.service.directory });
  return {
    org: org.service,
    identity: identity.service,
    catalog: createCatalogModule({ db: database.db }).service,
    processes: createProcessModule({ db: database.db }),
    licences: createLicencesModule({ db: database.db, signingAlgorithm: config.licences.signingAlgorithm }).service,
    subjects: createSubjectsModule({ db: database.db }).service,
  };
}
