/**
 * Benchmarks as ratios against this machine's own ceiling, measured in the same run:
 * - HTTP: platform routes vs a bare Fastify route (same process model, same machine).
 * - Database: a platform read route on PostgreSQL vs pgbench's select-only ceiling.
 * Prints a table; writes bench/results/<date>.json. Not part of the test suite.
 *
 *   npm run bench [-- --seconds 5 --connections 20]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { startServer } from '../apps/server/src/server.ts';
import { findPgBin, startCluster } from '../scripts/pg-cluster.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, connections: { type: 'string', default: '20' } } });
const duration = Number(values.seconds);
const connections = Number(values.connections);

async function load(url: string, headers: Record<string, string> = {}) {
  // The load runs in a worker thread so that it does not compete with the server for the event loop.
  const r = await autocannon({ url, duration, connections, headers, workers: 1 });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p99: r.latency.p99 };
}

async function bareCeiling() {
  const app = Fastify({ logger: false });
  app.get('/bare', async () => ({ ok: true }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const r = await load(`http://127.0.0.1:${port}/bare`);
  await app.close();
  return r;
}

async function platform(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-'));
  const config = loadConfig({ NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...env });
  const server = await startServer(config, { demo: 'always', installSignalHandlers: false });
  const results = {
    health: await load(`${server.url}/api/health`),
    departments: await load(`${server.url}/api/org/departments?pageSize=20`),
    staffAsAdmin: await loadAsAdmin(server.url),
  };
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return results;
}

async function loadAsAdmin(base: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: 'admin', password: 'Tongban@2026' }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return load(`${base}/api/staff?pageSize=20`, { cookie });
}

function pgbenchSelectTps(url: string): number {
  const bin = path.join(findPgBin() ?? '', 'pgbench');
  const u = new URL(url);
  const args = ['-h', u.hostname, '-p', u.port, '-U', u.username];
  execFileSync(bin, [...args, '-i', '-q', '-s', '2', 'postgres'], { stdio: 'ignore' });
  const out = execFileSync(bin, [...args, '-S', '-c', String(Math.min(connections, 10)), '-j', '2', '-T', String(duration), 'postgres']).toString();
  const m = /tps = ([\d.]+)/.exec(out);
  return m ? Number(m[1]) : NaN;
}

const bare = await bareCeiling();
const embedded = await platform({});
const rows: [string, number, number, string][] = [
  ['bare Fastify route (HTTP ceiling)', bare.rps, bare.p99, '1.00'],
  ['GET /api/health (PGlite)', embedded.health.rps, embedded.health.p99, (embedded.health.rps / bare.rps).toFixed(2)],
  ['GET /api/org/departments (PGlite)', embedded.departments.rps, embedded.departments.p99, (embedded.departments.rps / bare.rps).toFixed(2)],
  ['GET /api/staff as admin (PGlite)', embedded.staffAsAdmin.rps, embedded.staffAsAdmin.p99, (embedded.staffAsAdmin.rps / bare.rps).toFixed(2)],
];
const report: Record<string, unknown> = { at: new Date().toISOString(), cpus: os.cpus().length, duration, connections, bare, embedded };

if (findPgBin()) {
  const cluster = await startCluster();
  try {
    const tps = pgbenchSelectTps(cluster.url);
    const server = await platform({ DATABASE_URL: cluster.url, DATABASE_POOL_MAX: '10' });
    rows.push(['pgbench -S select-only (DB ceiling, tps)', tps, NaN, '1.00']);
    rows.push([
      'GET /api/org/departments (PostgreSQL)',
      server.departments.rps,
      server.departments.p99,
      `${(server.departments.rps / bare.rps).toFixed(2)} of HTTP, ${(server.departments.rps / tps).toFixed(2)} of DB`,
    ]);
    rows.push([
      'GET /api/staff as admin (PostgreSQL)',
      server.staffAsAdmin.rps,
      server.staffAsAdmin.p99,
      `${(server.staffAsAdmin.rps / bare.rps).toFixed(2)} of HTTP, ${(server.staffAsAdmin.rps / tps).toFixed(2)} of DB`,
    ]);
    Object.assign(report, { pgbenchSelectTps: tps, postgres: server });
  } finally {
    cluster.stop();
  }
}

console.log(`\n${'measure'.padEnd(44)} ${'req/s'.padStart(9)} ${'p99 ms'.padStart(7)}  ratio`);
for (const [name, rps, p99, ratio] of rows)
  console.log(`${name.padEnd(44)} ${rps.toFixed(0).padStart(9)} ${Number.isNaN(p99) ? '      -' : p99.toFixed(0).padStart(7)}  ${ratio}`);
const dir = path.join(import.meta.dirname, 'results');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, `${report.at as string}.json`.replace(/:/g, '-')), JSON.stringify(report, null, 2));
