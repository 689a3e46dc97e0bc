/**
 * Crash test of submissions (申请提交): a citizen fires a stream of submits, each with its own
 * idempotency key; the server process is killed with SIGKILL in the middle of the stream and
 * started again on the same database. Every submit that was acknowledged (201/200 received)
 * must exist with its case number, and a retry with its key must answer 200 with the same case.
 * The submits in flight at the kill are retried with their keys: each must end as exactly one
 * case (200: it had committed and only the answer was lost; 201: it had not). Runs on a
 * PostgreSQL cluster and on the embedded PGlite data folder.
 *
 *   npm run bench:kill [-- --concurrency 8 --acks 100 --engines postgres,pglite]
 *
 * Exits 1 when an acknowledged case is missing or a key ended as more than one case.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { demoEnterprise } from '../apps/server/db/seed/demo-data.ts';
import { startCluster } from '../scripts/pg-cluster.js';
import { login, startChildServer, type Session } from './child-server.ts';

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '8' },
    acks: { type: 'string', default: '100' },
    engines: { type: 'string', default: 'postgres,pglite' },
  },
});
const concurrency = Number(values.concurrency);
const acksBeforeKill = Number(values.acks);
const engines = values.engines.split(',').map((e) => e.trim()) as ('postgres' | 'pglite')[];

const itemName = '药品零售企业许可';
const formData = {
  enterpriseName: demoEnterprise.organisationName,
  creditCode: demoEnterprise.creditCode,
  premises: '巴中市巴州区江北大道东段90号',
  scope: '单体药店',
  categories: ['中成药'],
  qualityManager: '李娜',
  mobile: demoEnterprise.phone,
};
const pdf = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'));

/** One submit: in flight, acknowledged with its case, refused with an HTTP error, or cut off (no answer: the kill). */
type Attempt =
  | { key: string; state: 'pending' }
  | { key: string; state: 'acked'; caseNo: string; status: number }
  | { key: string; state: 'rejected'; status: number; body: unknown }
  | { key: string; state: 'failed'; error: string };

interface Outcome {
  engine: string;
  sent: number;
  acknowledged: number;
  acknowledgedFound: number;
  missing: string[];
  retryMismatch: string[];
  inFlight: number;
  inFlightHadCommitted: number;
  inFlightCreatedOnRetry: number;
  inFlightUnresolved: string[];
  rejected: number;
  casesBefore: number;
  casesAfter: number;
  /** Cases beyond one per key (a key that became two cases), or fewer. */
  extraCases: number;
  /** Case numbers listed twice. */
  duplicateNumbers: number;
  killAfterMs: number;
  restartMs: number;
}

async function mineTotal(s: Session): Promise<{ total: number; caseNos: string[] }> {
  const caseNos: string[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const a = await s.get<{ items: { caseNo: string }[]; total: number }>(`/api/cases/mine?page=${page}&pageSize=100`);
    if (a.status !== 200) throw new Error(`GET /api/cases/mine → ${a.status}`);
    total = a.body.total;
    caseNos.push(...a.body.items.map((i) => i.caseNo));
    if (a.body.items.length < 100) break;
  }
  return { total, caseNos };
}

async function run(engine: 'postgres' | 'pglite'): Promise<Outcome> {
  const cluster = engine === 'postgres' ? await startCluster() : null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-kill-'));
  const env: Record<string, string> = {
    ...(cluster ? { DATABASE_URL: cluster.url, DATABASE_POOL_MAX: String(concurrency) } : { DATA_DIR: dataDir }),
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    UPLOAD_DAILY_LIMIT: '100000',
  };
  try {
    console.log(`[${engine}] starting the server …`);
    const first = await startChildServer(env, ['start', '--demo']);
    const citizen = await login(first.url, 'zhangsan');
    const found = (await (await fetch(`${first.url}/api/catalog/items?q=${encodeURIComponent(itemName)}`)).json()) as {
      items: { name: string; implCode: string }[];
    };
    const implCode = found.items.find((i) => i.name === itemName)!.implCode;
    // Online, an uploaded material needs a file: one upload per material, reused by every submit.
    const file = async (name: string) =>
      (await citizen.must<{ id: string }>(`/api/files?name=${name}.pdf`, pdf, [201], { 'content-type': 'application/pdf' })).body.id;
    const materials = [
      { materialKey: 'business_licence', provided: 'licence' },
      { materialKey: 'id_card', provided: 'licence' },
      { materialKey: 'pharmacist_cert', provided: 'upload', files: [await file('pharmacist_cert')] },
      { materialKey: 'premises', provided: 'upload', files: [await file('premises')] },
      { materialKey: 'quality_docs', provided: 'upload', files: [await file('quality_docs')] },
    ];
    const body = { implCode, channel: 'online', formData, materials, delivery: { method: 'window' } };
    const casesBefore = (await mineTotal(citizen)).total;

    // The stream: `concurrency` workers submit until the kill; the kill comes after `acksBeforeKill` acknowledgements.
    const runId = `${engine}-${Date.now().toString(36)}`;
    const attempts: Attempt[] = [];
    let killedAt: number | null = null;
    let acked = 0;
    const killing: Promise<void>[] = [];
    const started = performance.now();
    const kill = () => {
      killedAt = performance.now();
      return first.kill();
    };
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (killedAt === null) {
          const i = attempts.length;
          const key = `kill-${runId}-${i}`;
          attempts.push({ key, state: 'pending' });
          try {
            const a = await citizen.post<{ caseNo: string }>('/api/cases', body, { 'idempotency-key': key });
            attempts[i] =
              a.status === 201 || a.status === 200
                ? { key, state: 'acked', caseNo: a.body.caseNo, status: a.status }
                : { key, state: 'rejected', status: a.status, body: a.body };
            if (attempts[i].state === 'acked' && ++acked === acksBeforeKill) killing.push(kill());
          } catch (err) {
            attempts[i] = { key, state: 'failed', error: String((err as Error).cause ?? err) };
          }
        }
      }),
    );
    await Promise.all(killing);
    const killAfterMs = (killedAt ?? performance.now()) - started;

    console.log(`[${engine}] killed after ${acked} acknowledged submits; restarting …`);
    const restartStarted = performance.now();
    const second = await startChildServer(env, ['start', '--no-demo']);
    const restartMs = performance.now() - restartStarted;
    try {
      const again = await login(second.url, 'zhangsan');
      const missing: string[] = [];
      const retryMismatch: string[] = [];
      let acknowledgedFound = 0;
      let inFlightHadCommitted = 0;
      let inFlightCreatedOnRetry = 0;
      const inFlightUnresolved: string[] = [];
      for (const a of attempts) {
        if (a.state === 'acked') {
          const read = await again.get<{ caseNo: string }>(`/api/cases/${a.caseNo}`);
          if (read.status === 200 && read.body.caseNo === a.caseNo) acknowledgedFound++;
          else missing.push(`${a.key} → ${a.caseNo} (${read.status})`);
          // The key still leads to the same case.
          const retry = await again.post<{ caseNo: string }>('/api/cases', body, { 'idempotency-key': a.key });
          if (retry.status !== 200 || retry.body.caseNo !== a.caseNo) retryMismatch.push(`${a.key}: ${retry.status} ${retry.body.caseNo ?? ''} ≠ ${a.caseNo}`);
        } else if (a.state === 'failed' || a.state === 'pending') {
          const retry = await again.post<{ caseNo: string }>('/api/cases', body, { 'idempotency-key': a.key });
          if (retry.status === 200) inFlightHadCommitted++;
          else if (retry.status === 201) inFlightCreatedOnRetry++;
          else inFlightUnresolved.push(`${a.key}: ${retry.status} ${JSON.stringify(retry.body)}`);
        }
      }
      const after = await mineTotal(again);
      const acknowledged = attempts.filter((a) => a.state === 'acked').length;
      const outcome: Outcome = {
        engine,
        sent: attempts.length,
        acknowledged,
        acknowledgedFound,
        missing,
        retryMismatch,
        inFlight: attempts.filter((a) => a.state === 'failed' || a.state === 'pending').length,
        inFlightHadCommitted,
        inFlightCreatedOnRetry,
        inFlightUnresolved,
        rejected: attempts.filter((a) => a.state === 'rejected').length,
        casesBefore,
        casesAfter: after.total,
        // Every key is now exactly one case: the acknowledged ones, and the in-flight ones after their retry.
        extraCases: after.total - (casesBefore + acknowledged + inFlightHadCommitted + inFlightCreatedOnRetry),
        duplicateNumbers: after.caseNos.length - new Set(after.caseNos).size,
        killAfterMs,
        restartMs,
      };
      return outcome;
    } finally {
      await second.stop();
    }
  } finally {
    cluster?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const outcomes: Outcome[] = [];
for (const engine of engines) outcomes.push(await run(engine));

const lines = [
  `Submits by one citizen (zhangsan), ${concurrency} at a time, SIGKILL after ${acksBeforeKill} acknowledgements, then a restart on the same database.`,
  '',
  '| engine | sent | acknowledged | found after restart | missing | key → same case | in flight at kill | of which committed (200 on retry) | not committed (201 on retry) | unresolved | rejected (4xx/5xx) | cases before → after | extra cases | kill at | restart |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...outcomes.map(
    (o) =>
      `| ${o.engine} | ${o.sent} | ${o.acknowledged} | ${o.acknowledgedFound} | ${o.missing.length} | ${o.acknowledged - o.retryMismatch.length}/${o.acknowledged} | ${o.inFlight} | ${o.inFlightHadCommitted} | ${o.inFlightCreatedOnRetry} | ${o.inFlightUnresolved.length} | ${o.rejected} | ${o.casesBefore} → ${o.casesAfter} | ${o.extraCases + o.duplicateNumbers} | ${(o.killAfterMs / 1000).toFixed(1)} s | ${(o.restartMs / 1000).toFixed(1)} s |`,
  ),
];
console.log(`\n${lines.join('\n')}\n`);
for (const o of outcomes) for (const m of [...o.missing, ...o.retryMismatch, ...o.inFlightUnresolved]) console.log(`  ${o.engine}: ${m}`);
const dir = path.join(import.meta.dirname, 'results');
fs.mkdirSync(dir, { recursive: true });
const stamp = new Date().toISOString().replace(/:/g, '-');
fs.writeFileSync(
  path.join(dir, `kill-submits-${stamp}.json`),
  JSON.stringify({ at: new Date().toISOString(), concurrency, acksBeforeKill, outcomes }, null, 2),
);
fs.writeFileSync(path.join(dir, `kill-submits-${stamp}.md`), `${lines.join('\n')}\n`);
const failed = outcomes.some(
  (o) => o.missing.length > 0 || o.retryMismatch.length > 0 || o.extraCases !== 0 || o.duplicateNumbers !== 0 || o.inFlightUnresolved.length > 0,
);
if (failed) {
  console.error('FAILED: an acknowledged submit is missing, a key leads elsewhere, or a key became more than one case.');
  process.exit(1);
}
