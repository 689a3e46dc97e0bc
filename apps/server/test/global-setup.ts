/**
 * Prepares the two database engines once per test run:
 * - PGlite: a migrated, demo-seeded template dumped to a file; each suite loads its own copy.
 * - PostgreSQL: TEST_DATABASE_URL when given, otherwise a throwaway cluster started from the
 *   installed Debian binaries; a migrated, demo-seeded `tongban_template` database that each
 *   suite copies with CREATE DATABASE … TEMPLATE.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, pgliteExtensions, type Database } from '../src/platform/db/client.ts';
import { loadConfig } from '../src/platform/config.ts';
import { services } from '../src/platform/runtime.ts';
import { seedDemo } from '../db/seed/demo.ts';
import { findPgBin, startCluster } from '../../../scripts/pg-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string | null;
  }
}

const tmp = path.resolve(import.meta.dirname, '../../../.tmp');

async function prepare(database: Database) {
  await database.migrate();
  await seedDemo(database.db, services(loadConfig({ NODE_ENV: 'test' }), database));
}

export default async function setup(project: TestProject) {
  fs.mkdirSync(tmp, { recursive: true });
  const pglite = await PGlite.create('memory://', { extensions: pgliteExtensions });
  const embedded = await openDatabase({ kind: 'pglite', instance: pglite });
  await prepare(embedded);
  const dump = await pglite.dumpDataDir('none');
  const templateFile = path.join(tmp, `pglite-template-${process.pid}.tar`);
  fs.writeFileSync(templateFile, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide('pgliteTemplate', templateFile);

  let stopCluster: (() => void) | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL ?? null;
  if (!serverUrl && findPgBin()) {
    const cluster = await startCluster();
    serverUrl = cluster.url;
    stopCluster = cluster.stop;
  }
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query('drop database if exists tongban_template');
    await admin.query('create database tongban_template');
    await admin.end();
    const templateUrl = withDatabase(serverUrl, 'tongban_template');
    const server = await openDatabase({ kind: 'postgres', url: templateUrl, poolMax: 2 });
    await prepare(server);
    await server.close();
    project.provide('postgresUrl', serverUrl);
  } else {
    console.warn('[integration] No PostgreSQL server: neither TEST_DATABASE_URL nor binaries under /usr/lib/postgresql. Integration tests run on PGlite only.');
    project.provide('postgresUrl', null);
  }

  return () => {
    fs.rmSync(templateFile, { force: true });
    stopCluster?.();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
