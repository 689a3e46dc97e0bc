import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPostgresDatabase, engines } from '../test/databases.ts';

const bin = path.resolve(import.meta.dirname, '../bin/tongban.js');

function tongban(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), LOG_LEVEL: 'silent', ...env }, timeout: 60_000 },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('tongban --help', () => {
  it('lists every command', async () => {
    const r = await tongban(['--help'], {});
    expect(r.code).toBe(0);
    for (const cmd of ['start', 'migrate', 'seed', 'create-admin', 'audit-verify']) expect(r.stdout).toContain(cmd);
  });

  it('refuses a bad configuration listing every problem, before touching anything', async () => {
    const r = await tongban(['migrate'], { PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    expect(r.code).toBe(2);
    for (const variable of ['PORT', 'LOG_LEVEL', 'DATABASE_URL']) expect(r.stderr).toContain(variable);
  });
});

describe.each(engines())('tongban commands on %s', (engine) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    if (engine === 'pglite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-cli-'));
      env = { DATA_DIR: path.join(dir, 'data') };
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    } else {
      const db = await emptyPostgresDatabase();
      env = { DATABASE_URL: db.url };
      cleanup = db.drop;
    }
  });
  afterAll(async () => cleanup());

  it('migrates, refuses an admin for a missing region, seeds the demo once, creates an admin and verifies the audit log', async () => {
    const migrated = await tongban(['migrate'], env);
    expect(migrated.stdout, migrated.stderr).toContain(`Migrations applied (${engine === 'pglite' ? 'pglite' : 'postgres'})`);

    const noRegion = await tongban(['create-admin', '--username', 'boss', '--region', '511900'], env);
    expect(noRegion.code).toBe(2);
    expect(noRegion.stderr).toContain('Region 511900 does not exist');

    const seeded = await tongban(['seed', '--demo'], env);
    expect(seeded.stdout, seeded.stderr).toContain('Demo data seeded.');
    const again = await tongban(['seed', '--demo'], env);
    expect(again.stdout).toContain('already there');

    const created = await tongban(['create-admin', '--username', 'boss', '--region', '511900'], env);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/Password: \S{12,}/);
    const duplicate = await tongban(['create-admin', '--username', 'BOSS', '--region', '511900', '--password', 'Another1pass'], env);
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toContain('already exists');

    const verified = await tongban(['audit-verify'], env);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('Audit log intact.');
  }, 180_000); // several CLI processes in a row (tsx start-up, migrations, seeding): slow on a loaded 2-core machine
});
