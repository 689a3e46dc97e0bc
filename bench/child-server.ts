/**
 * The platform as its own process (`node apps/server/bin/tongban.js start`), so that the load
 * generator does not share the server's event loop and the server can be killed, plus a small
 * HTTP session (cookie and CSRF token) on fetch for the benchmarks that drive the API.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const bin = path.resolve(import.meta.dirname, '../apps/server/bin/tongban.js');

export interface ChildServer {
  url: string;
  proc: ChildProcess;
  /** What the process wrote to stderr (the last 20,000 characters). */
  stderr: () => string;
  /** SIGTERM and wait for the exit (a graceful stop). */
  stop: () => Promise<void>;
  /** SIGKILL and wait for the exit: no shutdown code runs. */
  kill: () => Promise<void>;
}

/**
 * Starts the server with `env` (on top of a minimal environment: no variables of the caller's
 * shell leak in) in an empty working folder (so no `.env` is read), and resolves with its URL
 * once it prints its banner.
 */
export async function startChildServer(env: Record<string, string>, args: string[] = ['start'], timeoutMs = 240_000): Promise<ChildServer> {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-cwd-'));
  // BENCH_SERVER_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, profiles the server under load.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const proc = spawn(process.execPath, [...nodeArgs, bin, ...args], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/root',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      LOG_PRETTY: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms:\n${out}\n${err}`)), timeoutMs);
    proc.stdout.on('data', (d: Buffer) => {
      out = (out + d.toString()).slice(-20_000);
      const m = /is running: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before starting:\n${out}\n${err}`));
    });
  });
  const cleanup = () => fs.rmSync(cwd, { recursive: true, force: true });
  return {
    url,
    proc,
    stderr: () => err,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
      cleanup();
    },
    kill: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
      cleanup();
    },
  };
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
  ms: number;
}

/** A logged-in user: sends the session cookie and, on writes, the CSRF token. */
export class Session {
  constructor(
    readonly base: string,
    readonly name: string,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  async request<T = unknown>(method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const started = performance.now();
    const res = await fetch(this.base + url, {
      method,
      headers: {
        cookie: this.cookie,
        accept: 'application/json',
        ...(method === 'POST' ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined && !(body instanceof Uint8Array) ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : body instanceof Uint8Array ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, ms };
  }

  get<T = unknown>(url: string) {
    return this.request<T>('GET', url);
  }

  post<T = unknown>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body, headers);
  }

  /** POST that must answer one of `ok` (default 200), else throws with the answer. */
  async must<T = unknown>(url: string, body?: unknown, ok: number[] = [200], headers?: Record<string, string>): Promise<Answer<T>> {
    const a = await this.post<T>(url, body, headers);
    if (!ok.includes(a.status)) throw new Error(`${this.name} POST ${url} → ${a.status} ${JSON.stringify(a.body)}`);
    return a;
  }
}

export async function login(base: string, identifier: string, password = 'Tongban@2026'): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier, password }),
  });
  if (res.status !== 200) throw new Error(`login ${identifier}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter((c) => c.startsWith('tb_session='))
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return new Session(base, identifier, cookie, csrfToken);
}

/** The p-th percentile (nearest rank) of sorted numbers. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const median = (xs: readonly number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

/** Runs `work` on every item with exactly `concurrency` workers; resolves with the wall time in ms. */
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
  return performance.now() - started;
}
