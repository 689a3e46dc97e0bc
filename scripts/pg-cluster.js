#!/usr/bin/env node
/**
 * A throwaway PostgreSQL cluster from the installed Debian binaries, on 127.0.0.1 with a free
 * port, in a temporary folder. Used by the integration tests and by `.ci/run`.
 *
 *   node scripts/pg-cluster.js start   prints the URL and the folder, leaves the server running
 *   node scripts/pg-cluster.js stop <folder>
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The newest installed PostgreSQL bin folder, or null. */
export function findPgBin() {
  if (process.env.PG_BIN && fs.existsSync(path.join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/** initdb refuses root: run the binaries as the `postgres` user then. */
function run(bin, args, asPostgres) {
  const cmd = asPostgres ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(cmd[0], cmd[1], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

export async function startCluster() {
  const pgBin = findPgBin();
  if (!pgBin) throw new Error('no PostgreSQL binaries found under /usr/lib/postgresql (install postgresql)');
  const asPostgres = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-pg-'));
  if (asPostgres) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  run(path.join(pgBin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], asPostgres);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run(path.join(pgBin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', path.join(dir, 'server.log'), '-w', 'start'], asPostgres);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return { url, dir, stop: () => stopCluster(dir) };
}

export function stopCluster(dir) {
  const pgBin = findPgBin();
  if (!pgBin || !fs.existsSync(path.join(dir, 'data'))) return;
  try {
    run(path.join(pgBin, 'pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop'], process.getuid?.() === 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [cmd, arg] = process.argv.slice(2);
  if (cmd === 'start') {
    const c = await startCluster();
    process.stdout.write(`${c.url} ${c.dir}\n`);
  } else if (cmd === 'stop' && arg) {
    stopCluster(arg);
  } else {
    process.stderr.write('usage: pg-cluster.js start | stop <folder>\n');
    process.exit(2);
  }
}
