/** Gives each test suite its own database, on every engine available in this run. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, pgliteExtensions, type Database, type Engine } from '../src/platform/db/client.ts';

/** The engines this run tests: PGlite always, PostgreSQL when a server is available. */
export function engines(): Engine[] {
  return inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh copy of the migrated, demo-seeded template. Close it when the suite ends. */
export async function isolatedDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') {
    const dump = fs.readFileSync(inject('pgliteTemplate'));
    const instance = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: pgliteExtensions });
    return openDatabase({ kind: 'pglite', instance });
  }
  const serverUrl = inject('postgresUrl');
  if (!serverUrl) throw new Error('no PostgreSQL server in this run');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name} template tongban_template`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: u.toString(), poolMax: 5 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** An empty database (no migrations) on the run's PostgreSQL server, for CLI tests. Returns its URL and a dropper. */
export async function emptyPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = inject('postgresUrl');
  if (!serverUrl) throw new Error('no PostgreSQL server in this run');
  const name = `e_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`) };
}
