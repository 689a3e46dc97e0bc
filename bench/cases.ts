/**
 * Case engine benchmark (办件) on a real PostgreSQL server, through the HTTP API, against the
 * database's own write ceiling measured in the same run (pgbench -N with the same client count):
 *
 * 1. single transitions: `accept` (受理) on pre-created submitted cases, `approve` (审查通过) on
 *    pre-accepted ones, each one POST /api/cases/{caseNo}/actions, and the submission itself;
 * 2. full lifecycles: submit → accept → every step → decide → deliver for a 即办件 (公共场所卫生许可)
 *    and for a 承诺件 with a parallel block across three departments (食品经营许可（新办）).
 *
 * The server runs as its own process (node apps/server/bin/tongban.js start); requests come from
 * a fetch pool with a fixed number of workers. Each measure is the median of interleaved rounds
 * after a discarded warm-up. Prints a markdown table; writes bench/results/cases-<date>.json.
 *
 *   npm run bench:cases [-- --concurrency 10 --count 300 --lifecycles 40 --rounds 3 --seconds 10]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { demoEnterprise } from '../apps/server/db/seed/demo-data.ts';
import { findPgBin, startCluster } from '../scripts/pg-cluster.js';
import { login, median, percentile, pool, startChildServer, type Session } from './child-server.ts';

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '10' },
    count: { type: 'string', default: '300' },
    lifecycles: { type: 'string', default: '40' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
  },
});
const concurrency = Number(values.concurrency);
const count = Number(values.count);
const lifecycles = Number(values.lifecycles);
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const GOAL_RATIO = 0.3;
const GOAL_P99_MS = 50;

interface CaseAnswer {
  caseNo: string;
  status: string;
  version: number;
  openSteps: { key: string; kind: 'accept' | 'review' | 'decide' | 'deliver'; role: string; departmentId: string }[];
}
interface Material {
  key: string;
  source: string;
}

/** CPU seconds (user + system) the server process has used so far (Linux), or NaN. */
function serverCpuSeconds(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** One measured batch: how many operations, in how long, and the latency of every request. */
interface Batch {
  operations: number;
  requests: number;
  ms: number;
  latencies: number[];
  /** Whole lifecycles, for the lifecycle measures. */
  lifecycleMs?: number[];
  /** Share of one CPU the server process used while the batch ran (1.00: one core busy all the time). */
  serverCpu?: number;
}

/** Runs a batch and notes how busy the server process was meanwhile. */
async function withCpu(pid: number | undefined, run: () => Promise<Batch>): Promise<Batch> {
  const before = serverCpuSeconds(pid);
  const batch = await run();
  return { ...batch, serverCpu: (serverCpuSeconds(pid) - before) / (batch.ms / 1000) };
}

// ---- Set-up: the database, the server, the people and the items

const pgBin = findPgBin();
if (!pgBin) throw new Error('bench:cases needs the PostgreSQL binaries (pgbench): apt-get install postgresql');
const cluster = await startCluster();
const server = await startChildServer(
  {
    DATABASE_URL: cluster.url,
    DATABASE_POOL_MAX: String(concurrency),
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    UPLOAD_DAILY_LIMIT: '100000',
  },
  ['start', '--demo'],
);

try {
  const base = server.url;
  const json = async <T>(url: string): Promise<T> => {
    const res = await fetch(base + url);
    if (!res.ok) throw new Error(`GET ${url} → ${res.status}`);
    return (await res.json()) as T;
  };
  const departments = (await json<{ items: { id: string; name: string }[] }>('/api/org/departments?pageSize=100')).items;
  const deptId = (name: string) => departments.find((d) => d.name === name)?.id ?? '';
  const [admin, officer, reviewer, approver] = await Promise.all(['admin', 'window01', 'reviewer01', 'approver01'].map((u) => login(base, u)));
  /** Reviewers of the two other departments of the food licence's parallel block. */
  async function staffReviewer(username: string, department: string): Promise<Session> {
    await admin!.must(
      '/api/staff',
      {
        username,
        password: 'Tongban@2026',
        displayName: username,
        roles: ['reviewer'],
        departmentId: deptId(department),
        regionCode: '511900',
        includeSubRegions: false,
        windowId: null,
      },
      [201],
    );
    return login(base, username);
  }
  const reviewers = new Map<string, Session>([
    [deptId('巴中市市场监督管理局'), reviewer!],
    [deptId('巴中市卫生健康委员会'), await staffReviewer('bench_health', '巴中市卫生健康委员会')],
    [deptId('巴中市生态环境局'), await staffReviewer('bench_ecology', '巴中市生态环境局')],
  ]);

  /** An item by name, with the materials a counter submission declares (library ones taken from it, the rest as papers). */
  async function item(name: string) {
    const found = (await json<{ items: { name: string; implCode: string }[] }>(`/api/catalog/items?q=${encodeURIComponent(name)}&pageSize=20`)).items.find(
      (i) => i.name === name,
    );
    if (!found) throw new Error(`no item ${name}`);
    const guide = await json<{ content: { materials: Material[] } }>(`/api/catalog/items/${found.implCode}`);
    const materials = guide.content.materials
      .filter((m) => m.source !== 'online_form' && m.source !== 'government')
      .map((m) => ({ materialKey: m.key, provided: m.source === 'licence_library' ? 'licence' : 'upload' }));
    return { name, implCode: found.implCode, materials };
  }
  const enterprise = {
    idType: 'credit_code',
    idNumber: demoEnterprise.creditCode,
    name: demoEnterprise.organisationName,
    contactName: demoEnterprise.displayName,
    phone: demoEnterprise.phone,
  };
  const forms: Record<string, Record<string, unknown>> = {
    药品零售企业许可: {
      enterpriseName: demoEnterprise.organisationName,
      creditCode: demoEnterprise.creditCode,
      premises: '巴中市巴州区江北大道东段90号',
      scope: '单体药店',
      categories: ['中成药'],
      qualityManager: '李娜',
      mobile: demoEnterprise.phone,
    },
    '食品经营许可（新办）': {
      operatorName: demoEnterprise.organisationName,
      creditCode: demoEnterprise.creditCode,
      premises: '巴中市巴州区江北大道东段88号',
      businessType: '餐饮服务经营者',
      categories: ['热食类食品制售'],
      safetyManager: '李娜',
      mobile: demoEnterprise.phone,
    },
    公共场所卫生许可: {
      unitName: demoEnterprise.organisationName,
      creditCode: demoEnterprise.creditCode,
      premises: '巴中市巴州区江北大道东段92号',
      placeType: '理发店、美容店',
      area: 80,
      approach: '一般审批',
      mobile: demoEnterprise.phone,
    },
  };
  const pharmacy = await item('药品零售企业许可');
  const food = await item('食品经营许可（新办）');
  const hygiene = await item('公共场所卫生许可');

  let keys = 0;
  const runId = Date.now().toString(36);
  /** 一窗受理: the window submits for the enterprise at the counter (papers checked there, no uploads). */
  const submit = (it: typeof pharmacy) =>
    officer!.must<CaseAnswer>(
      '/api/cases',
      { implCode: it.implCode, channel: 'window', formData: forms[it.name], materials: it.materials, delivery: { method: 'window' }, onBehalfOf: enterprise },
      [201],
      { 'idempotency-key': `bench-${runId}-${++keys}` },
    );
  const act = (who: Session, caseNo: string, body: Record<string, unknown>) => who.must<CaseAnswer>(`/api/cases/${caseNo}/actions`, body);

  /** Who acts on an open step, and with which action. */
  function next(c: CaseAnswer): { who: Session; body: Record<string, unknown> } {
    const step = c.openSteps[0];
    if (!step) throw new Error(`${c.caseNo}: no open step in ${c.status}`);
    const who = step.role === 'window' ? officer! : step.role === 'approver' ? approver! : reviewers.get(step.departmentId);
    if (!who) throw new Error(`${c.caseNo}: nobody for ${step.role}@${step.departmentId}`);
    switch (step.kind) {
      case 'accept':
        return { who, body: { action: 'accept', opinion: '材料齐全，予以受理', version: c.version } };
      case 'review':
        return { who, body: { action: 'approve', step: step.key, opinion: '审查通过', version: c.version } };
      case 'decide':
        return {
          who,
          body: { action: 'decide', decision: 'approve', opinion: '准予许可', resultName: '许可证', resultNo: `B-${c.caseNo.slice(-6)}`, version: c.version },
        };
      case 'deliver':
        return { who, body: { action: 'deliver', method: 'window', recipient: '李娜', version: c.version } };
    }
  }

  // ---- The measures

  /** Submissions at the window: also the set-up of the single-transition measures. */
  async function submitBatch(n: number, it: typeof pharmacy): Promise<{ batch: Batch; cases: string[] }> {
    const latencies: number[] = [];
    const cases: string[] = [];
    const cpuBefore = serverCpuSeconds(server.proc.pid);
    const ms = await pool(
      Array.from({ length: n }, () => it),
      concurrency,
      async (x) => {
        const a = await submit(x);
        latencies.push(a.ms);
        cases.push(a.body.caseNo);
      },
    );
    return { batch: { operations: n, requests: n, ms, latencies, serverCpu: (serverCpuSeconds(server.proc.pid) - cpuBefore) / (ms / 1000) }, cases };
  }

  async function actionBatch(cases: string[], who: Session, body: (caseNo: string) => Record<string, unknown>): Promise<Batch> {
    const latencies: number[] = [];
    const ms = await pool(cases, concurrency, async (caseNo) => {
      const a = await act(who, caseNo, body(caseNo));
      latencies.push(a.ms);
    });
    return { operations: cases.length, requests: cases.length, ms, latencies };
  }

  async function lifecycleBatch(n: number, it: typeof pharmacy): Promise<Batch> {
    const latencies: number[] = [];
    const lifecycleMs: number[] = [];
    let requests = 0;
    const ms = await pool(
      Array.from({ length: n }, () => it),
      concurrency,
      async (x) => {
        const started = performance.now();
        const s = await submit(x);
        latencies.push(s.ms);
        let c = s.body;
        requests++;
        while (c.status !== 'delivered') {
          const { who, body } = next(c);
          const a = await act(who, c.caseNo, body);
          latencies.push(a.ms);
          requests++;
          c = a.body;
        }
        lifecycleMs.push(performance.now() - started);
      },
    );
    return { operations: n, requests, ms, latencies, lifecycleMs };
  }

  // pgbench in its own database on the same server.
  const pgAdmin = new pg.Client({ connectionString: cluster.url });
  await pgAdmin.connect();
  await pgAdmin.query('create database pgbench');
  await pgAdmin.end();
  const u = new URL(cluster.url);
  const pgArgs = ['-h', u.hostname, '-p', u.port, '-U', u.username];
  const pgbench = path.join(pgBin, 'pgbench');
  execFileSync(pgbench, [...pgArgs, '-i', '-q', '-s', String(Math.max(10, concurrency)), 'pgbench'], { stdio: 'ignore' });
  function pgbenchN(duration: number): { tps: number; latencyMs: number } {
    const out = execFileSync(pgbench, [...pgArgs, '-N', '-c', String(concurrency), '-j', '2', '-T', String(duration), 'pgbench']).toString();
    return { tps: Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? NaN), latencyMs: Number(/latency average = ([\d.]+) ms/.exec(out)?.[1] ?? NaN) };
  }

  const measures = [
    'submit (window, 一窗受理)',
    'accept (受理)',
    'approve (审查通过)',
    'lifecycle 即办件 (公共场所卫生许可)',
    'lifecycle 承诺件 ∥ (食品经营许可)',
  ] as const;
  type Measure = (typeof measures)[number];

  /** One round of every measure (the cases for the single transitions are made first, not timed). */
  async function round(scale: number): Promise<{ pg: { tps: number; latencyMs: number }; batches: Record<Measure, Batch> }> {
    const n = Math.max(concurrency * 2, Math.round(count * scale));
    const submitted = await submitBatch(n, pharmacy);
    const toApprove = (await submitBatch(n, pharmacy)).cases;
    await pool(toApprove, concurrency, async (caseNo) => void (await act(officer!, caseNo, { action: 'accept' })));
    const pgRound = pgbenchN(scale < 1 ? 2 : seconds);
    const pid = server.proc.pid;
    const batches = {
      'submit (window, 一窗受理)': submitted.batch,
      'accept (受理)': await withCpu(pid, () => actionBatch(submitted.cases, officer!, () => ({ action: 'accept', opinion: '材料齐全' }))),
      'approve (审查通过)': await withCpu(pid, () => actionBatch(toApprove, reviewer!, () => ({ action: 'approve', step: 'review', opinion: '审查通过' }))),
      'lifecycle 即办件 (公共场所卫生许可)': await withCpu(pid, () => lifecycleBatch(Math.max(concurrency, Math.round(lifecycles * scale)), hygiene)),
      'lifecycle 承诺件 ∥ (食品经营许可)': await withCpu(pid, () => lifecycleBatch(Math.max(concurrency, Math.round(lifecycles * scale)), food)),
    };
    return { pg: pgRound, batches };
  }

  console.log(`warm-up (discarded) on ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} …`);
  await round(0.2);
  const results: Awaited<ReturnType<typeof round>>[] = [];
  for (let r = 0; r < rounds; r++) {
    console.log(`round ${r + 1}/${rounds} …`);
    results.push(await round(1));
  }

  // ---- Report: medians over the rounds; latency percentiles over every request of every round.
  const tps = median(results.map((r) => r.pg.tps));
  const rows = measures.map((m) => {
    const bs = results.map((r) => r.batches[m]);
    const perSecond = median(bs.map((b) => (b.operations * 1000) / b.ms));
    const transitions = median(bs.map((b) => (b.requests * 1000) / b.ms));
    const lat = bs.flatMap((b) => b.latencies).sort((a, b) => a - b);
    const life = bs.flatMap((b) => b.lifecycleMs ?? []).sort((a, b) => a - b);
    const ratio = transitions / tps;
    const p99 = percentile(lat, 99);
    return {
      measure: m,
      operations: bs[0]!.operations,
      requestsPerOperation: bs[0]!.requests / bs[0]!.operations,
      perSecond,
      transitionsPerSecond: transitions,
      ratio,
      p50: percentile(lat, 50),
      p95: percentile(lat, 95),
      p99,
      lifecycle: life.length ? { p50: percentile(life, 50), p95: percentile(life, 95), p99: percentile(life, 99) } : null,
      serverCpu: median(bs.map((b) => b.serverCpu ?? NaN)),
      goalMet: ratio >= GOAL_RATIO && p99 < GOAL_P99_MS,
    };
  });

  const f = (x: number, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '-');
  const lines = [
    `Cases on PostgreSQL ${execFileSync(path.join(pgBin, 'postgres'), ['--version']).toString().trim().split(' ').pop()}, ${concurrency} concurrent clients, ` +
      `pool ${concurrency}; median of ${rounds} interleaved rounds after a warm-up; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} at the end.`,
    `Ceiling: pgbench -N (simple update, ${concurrency} clients, ${seconds} s) = ${f(tps)} tps (median; rounds: ${results.map((r) => f(r.pg.tps)).join(', ')}).`,
    `Goal: transitions/s ≥ ${GOAL_RATIO.toFixed(2)} × pgbench -N tps, with p99 < ${GOAL_P99_MS} ms.`,
    '',
    '| measure | per round | ops/s | transitions/s | ÷ pgbench -N | p50 ms | p95 ms | p99 ms | lifecycle p50 / p95 / p99 ms | server CPU | goal |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|',
    ...rows.map(
      (r) =>
        `| ${r.measure} | ${r.operations}${r.requestsPerOperation > 1 ? ` × ${f(r.requestsPerOperation, 0)} req` : ''} | ${f(r.perSecond, 1)} | ${f(r.transitionsPerSecond, 1)} | ${f(r.ratio, 2)} | ${f(r.p50, 1)} | ${f(r.p95, 1)} | ${f(r.p99, 1)} | ${
          r.lifecycle ? `${f(r.lifecycle.p50)} / ${f(r.lifecycle.p95)} / ${f(r.lifecycle.p99)}` : '-'
        } | ${f(r.serverCpu * 100)} % | ${r.goalMet ? 'met' : 'not met'} |`,
    ),
    `| pgbench -N (ceiling) | ${seconds} s | ${f(tps)} | ${f(tps)} | 1.00 | ${f(median(results.map((r) => r.pg.latencyMs)), 1)} (avg) | - | - | - | - | |`,
    '',
    'server CPU: the share of one core the server process (one Node.js event loop) used during the measure; near 100 % it is CPU-bound.',
  ];
  console.log(`\n${lines.join('\n')}\n`);
  const dir = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/:/g, '-');
  fs.writeFileSync(
    path.join(dir, `cases-${stamp}.json`),
    JSON.stringify(
      { at: new Date().toISOString(), cpus: os.cpus().length, concurrency, count, lifecycles, rounds, seconds, pgbenchN: results.map((r) => r.pg), rows },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(dir, `cases-${stamp}.md`), `${lines.join('\n')}\n`);
} finally {
  await server.stop();
  cluster.stop();
}
