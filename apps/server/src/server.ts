/** Starts the HTTP server with graceful shutdown. */
import type { FastifyInstance } from 'fastify';
import type { Config } from './platform/config.ts';
import { buildApp } from './platform/http/app.ts';
import { openMigratedDatabase, services } from './platform/runtime.ts';
import { demoLogins, seedDemo } from '../db/seed/demo.ts';
import { seedRepository } from '../db/seed/seed.repository.ts';

export interface StartOptions {
  /** 'auto': seed the demo only into an empty embedded database. */
  demo: 'auto' | 'always' | 'never';
  installSignalHandlers?: boolean;
}

export async function startServer(config: Config, options: StartOptions): Promise<{ app: FastifyInstance; url: string; stop: () => Promise<void> }> {
  const database = await openMigratedDatabase(config);
  const svc = services(config, database);
  const { identity } = svc;
  const wantsDemo =
    options.demo === 'always' || (options.demo === 'auto' && database.engine === 'pglite' && (await seedRepository.accountCount(database.db)) === 0);
  const seeded = wantsDemo ? await seedDemo(database.db, svc) : false;
  await svc.catalog.fillMissingSearchKeys();

  const app = await buildApp({ config, database });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;

  // Messages and reminders: the job worker polls until shutdown (app.close stops it after the running round).
  app.jobs.start();
  const sessionSweep = setInterval(() => void identity.purgeExpiredSessions().catch((err: unknown) => app.log.warn({ err }, 'session sweep failed')), 3600_000);
  sessionSweep.unref();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(sessionSweep);
      const timer = setTimeout(() => {
        app.log.error('shutdown timed out; exiting');
        process.exit(1);
      }, config.shutdownTimeoutMs);
      timer.unref();
      await app.close(); // stops accepting, lets in-flight requests finish
      await database.close();
      clearTimeout(timer);
    })());

  if (options.installSignalHandlers !== false) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        app.log.info({ signal }, 'shutting down');
        void stop().then(() => process.exit(0));
      });
    }
  }

  printBanner(url, database.engine, seeded || (wantsDemo && !seeded) || (await seedRepository.accountExists(database.db, 'admin')));
  return { app, url, stop };
}

function printBanner(url: string, engine: string, showDemo: boolean) {
  const lines = [``, `  Tongban 通办 is running: ${url}`, `  API docs: ${url}/api/docs · health: ${url}/api/health · database: ${engine}`];
  if (showDemo) {
    lines.push(``, `  Demo logins (演示账号):`);
    for (const l of demoLogins()) lines.push(`    ${l.username.padEnd(13)} ${l.password}   ${l.what}`);
  }
  lines.push(``);
  process.stdout.write(`${lines.join('\n')}\n`);
}
