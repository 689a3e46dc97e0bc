/**
 * The database: embedded PGlite (file-backed, default) or a real PostgreSQL server through
 * node-postgres. One Drizzle schema and one migrations folder serve both.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: repositories accept either. */
export type Executor = Db | Parameters<Parameters<Db['transaction']>[0]>[0];
export type Engine = 'pglite' | 'postgres';

export const migrationsFolder = path.resolve(import.meta.dirname, '../../../db/migrations');

export interface Database {
  db: Db;
  engine: Engine;
  /** Applies pending migrations (under an advisory lock on PostgreSQL, so several instances may start at once). */
  migrate(): Promise<void>;
  ping(): Promise<{ serverVersion: string; latencyMs: number }>;
  close(): Promise<void>;
}

/** The extensions the migrations create (PGlite bundles them; Debian's PostgreSQL ships them in the server package). */
export const pgliteExtensions = { pg_trgm };

export type DatabaseOptions = { kind: 'pglite'; dataDir: string } | { kind: 'pglite'; instance: PGlite } | { kind: 'postgres'; url: string; poolMax: number };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === 'postgres' ? openPostgres(options.url, options.poolMax) : openPglite(options);
}

async function openPglite(options: { dataDir: string } | { instance: PGlite }): Promise<Database> {
  let client: PGlite;
  if ('instance' in options) {
    client = options.instance;
  } else {
    fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
    client = await PGlite.create(options.dataDir, { extensions: pgliteExtensions });
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder }),
    ping: () => pingWith(db),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolMax: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolMax, application_name: 'tongban' });
  // An idle client that errors (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    migrate: async () => {
      const client = new pg.Client({ connectionString: url, application_name: 'tongban-migrate' });
      await client.connect();
      try {
        await client.query('select pg_advisory_lock(7242026)');
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock(7242026)').catch(() => undefined);
        await client.end();
      }
    },
    ping: () => pingWith(db),
    close: () => pool.end(),
  };
}

async function pingWith(db: Db): Promise<{ serverVersion: string; latencyMs: number }> {
  const started = performance.now();
  // node-postgres returns { rows }, PGlite returns { rows } too; both shapes are read defensively.
  const result: unknown = await db.execute(sql`select current_setting('server_version') as v`);
  const first = (result as { rows?: { v: string }[] }).rows?.[0];
  return { serverVersion: first?.v ?? 'unknown', latencyMs: Math.round((performance.now() - started) * 100) / 100 };
}
