/**
 * Catalog benchmark: N generated implementation items (default 100,000) on PostgreSQL, then
 * search and guide-fetch throughput (autocannon) and latency percentiles (sequential requests)
 * against a bare Fastify route measured in the same run.
 *
 *   npm run bench:catalog [-- --items 100000 --seconds 10 --rounds 3]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { startServer } from '../apps/server/src/server.ts';
import { indexText, pinyinText } from '../apps/server/src/modules/catalog/search-text.ts';
import { demoCatalog } from '../apps/server/db/seed/catalog/index.ts';
import { startCluster } from '../scripts/pg-cluster.js';

const { values } = parseArgs({
  options: { items: { type: 'string', default: '100000' }, seconds: { type: 'string', default: '10' }, rounds: { type: 'string', default: '3' } },
});
const total = Number(values.items);
const duration = Number(values.seconds);
const rounds = Number(values.rounds);
// The five, common ones, a homophone typo and pinyin initials (the two fall-back paths).
const queries = [
  '营业执照',
  '开饭店',
  '公积金提取',
  '退休',
  '身份证丢了',
  '结婚登记',
  '不动产',
  '社保卡',
  '出生',
  '排污许可',
  '居住证',
  '医保',
  '营业执招',
  'gjjtq',
];
const counties = ['巴州区', '恩阳区', '通江县', '南江县', '平昌县', '市本级'];

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function sequentialLatency(urls: string[], n: number) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(urls[i % urls.length]!);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${urls[i % urls.length]} → ${res.status}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

async function throughput(base: string, paths: string[]) {
  // Each connection cycles through the paths; the load runs in a worker thread, off the server's event loop.
  const requests = paths.map((p) => ({ method: 'GET' as const, path: p }));
  // A short, discarded warm-up first, so that every target is measured with its code optimised (JIT) and its caches filled.
  await autocannon({ url: base, duration: 2, connections: 20, workers: 1, requests });
  const r = await autocannon({ url: base, duration, connections: 20, workers: 1, requests });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p99: r.latency.p99 };
}

/** Copies the demo items into `total` distinct published items (names and codes varied), in batches. */
async function generate(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: depts } = await client.query<{ id: string; name: string; region_code: string }>('select id, name, region_code from departments');
  const started = performance.now();
  const batch = 500;
  for (let start = 0; start < total; start += batch) {
    const items: unknown[] = [];
    const versions: unknown[] = [];
    for (let n = start; n < Math.min(total, start + batch); n++) {
      const template = demoCatalog[n % demoCatalog.length]!;
      const dept = depts[n % depts.length]!;
      const name = `${template.content.name}（${counties[n % counties.length]}第${Math.floor(n / demoCatalog.length)}号）`;
      const baseCode = `9${String(n).padStart(11, '0')}`;
      const content = { ...template.content, name, baseCode };
      const id = crypto.randomUUID();
      items.push([
        id,
        `B${baseCode}${String(n).padStart(8, '0')}`,
        baseCode,
        dept.id,
        dept.region_code,
        name,
        template.content.itemType,
        indexText([name, ...(template.content.keywords ?? []), dept.name]),
        pinyinText([name, ...(template.content.keywords ?? [])]),
        n % 1000,
      ]);
      versions.push([id, JSON.stringify(content)]);
    }
    await client.query(
      `insert into catalog_items (id, impl_code, base_code, department_id, region_code, level, status, published_version, name, item_type, search_text, search_pinyin, popularity)
       select x.id::uuid, x.impl_code, x.base_code, x.dept::uuid, x.region, '3', 'published', 1, x.name, x.item_type, x.search_text, x.search_pinyin, x.pop::int
       from json_to_recordset($1::json) as x(id text, impl_code text, base_code text, dept text, region text, name text, item_type text, search_text text, search_pinyin text, pop text)`,
      [
        JSON.stringify(
          items.map((r) =>
            Object.fromEntries(
              ['id', 'impl_code', 'base_code', 'dept', 'region', 'name', 'item_type', 'search_text', 'search_pinyin', 'pop'].map((k, i) => [
                k,
                String((r as unknown[])[i]),
              ]),
            ),
          ),
        ),
      ],
    );
    await client.query(
      `insert into catalog_item_versions (item_id, version, status, content, published_at)
       select x.id::uuid, 1, 'published', x.content::jsonb, now() from json_to_recordset($1::json) as x(id text, content text)`,
      [JSON.stringify(versions.map((v) => ({ id: (v as string[])[0], content: (v as string[])[1] })))],
    );
  }
  await client.query('analyze catalog_items; analyze catalog_item_versions');
  const { rows } = await client.query<{ impl_code: string }>('select impl_code from catalog_items order by random() limit 500');
  await client.end();
  console.log(`generated ${total} items in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return rows.map((r) => r.impl_code);
}

const cluster = await startCluster();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-'));
try {
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ ok: true }));
  let guideBytes = Buffer.alloc(0);
  bare.get('/bare-guide', async (_req, reply) => reply.type('application/json; charset=utf-8').send(guideBytes));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const bareAddr = bare.server.address();
  const bareBase = `http://127.0.0.1:${typeof bareAddr === 'object' && bareAddr ? bareAddr.port : 0}`;

  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    DATABASE_URL: cluster.url,
    DATABASE_POOL_MAX: '10',
  });
  const server = await startServer(config, { demo: 'always', installSignalHandlers: false });
  const codes = await generate(cluster.url);
  // A second instance on the same database without the public-page cache: the cost of a first (cold) request.
  const uncached = await startServer({ ...config, catalogCacheSeconds: 0 }, { demo: 'never', installSignalHandlers: false });
  const searchPaths = queries.map((q) => `/api/catalog/items?q=${encodeURIComponent(q)}&pageSize=20`);
  const guidePaths = codes.map((c) => `/api/catalog/items/${c}`);

  // A second ceiling: the bare route sending a real guide's bytes, to separate the platform's cost from the payload's.
  const sample = Buffer.from(await (await fetch(server.url + guidePaths[0]!)).arrayBuffer());
  guideBytes = sample;
  // The targets are measured in interleaved rounds and each reports its median, so that a burst of load from another
  // tenant of a shared machine does not land on one target only.
  const targets: { name: string; base: string; paths: string[]; latencyRuns: number }[] = [
    { name: 'bare Fastify route', base: bareBase, paths: ['/bare'], latencyRuns: 1000 },
    { name: `bare route, ${(sample.length / 1024).toFixed(1)} KB guide bytes`, base: bareBase, paths: ['/bare-guide'], latencyRuns: 1000 },
    { name: `search (${queries.length} queries)`, base: server.url, paths: searchPaths, latencyRuns: 600 },
    { name: 'guide fetch (500 items)', base: server.url, paths: guidePaths, latencyRuns: 1000 },
    { name: `search uncached (${queries.length} queries)`, base: uncached.url, paths: searchPaths, latencyRuns: 300 },
    { name: 'guide fetch uncached (500 items)', base: uncached.url, paths: guidePaths, latencyRuns: 1000 },
  ];
  const runs = targets.map(() => [] as { rps: number; p99: number }[]);
  for (let round = 0; round < rounds; round++) for (const [i, t] of targets.entries()) runs[i]!.push(await throughput(t.base, t.paths));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const measures: [string, { rps: number; p99: number }, { p50: number; p95: number; p99: number }][] = [];
  for (const [i, t] of targets.entries()) {
    const rps = median(runs[i]!.map((r) => r.rps));
    const p99 = median(runs[i]!.map((r) => r.p99));
    measures.push([
      t.name,
      { rps, p99 },
      await sequentialLatency(
        t.paths.map((p) => t.base + p),
        t.latencyRuns,
      ),
    ]);
  }
  const bareT = measures[0]![1];

  const row = (name: string, t: { rps: number; p99: number }, l: { p50: number; p95: number; p99: number }) =>
    `${name.padEnd(34)} ${t.rps.toFixed(0).padStart(8)} ${(t.rps / bareT.rps).toFixed(2).padStart(6)}   ${l.p50.toFixed(1).padStart(6)} ${l.p95.toFixed(1).padStart(6)} ${l.p99.toFixed(1).padStart(6)}`;
  console.log(
    `\n${total} items on PostgreSQL; throughput: 20 connections for ${duration} s, median of ${rounds} interleaved rounds; latency: sequential requests (ms)`,
  );
  console.log(`${'measure'.padEnd(34)} ${'req/s'.padStart(8)} ${'ratio'.padStart(6)}   ${'p50'.padStart(6)} ${'p95'.padStart(6)} ${'p99'.padStart(6)}`);
  for (const [name, t, l] of measures) console.log(row(name, t, l));
  const dir = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, `catalog-${new Date().toISOString().replace(/:/g, '-')}.json`),
    JSON.stringify({ total, duration, measures: measures.map(([name, throughput, latency]) => ({ name, throughput, latency })) }, null, 2),
  );
  await uncached.stop();
  await server.stop();
  await bare.close();
} finally {
  cluster.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
