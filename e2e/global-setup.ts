/**
 * Starts the real platform (built web app, embedded database in a temporary folder, demo data)
 * on a free port for the browser journeys.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { startServer } from '../apps/server/src/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-e2e-'));
  const config = loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  if (!fs.existsSync(path.join(config.webDist, 'index.html'))) throw new Error('The web app is not built: run `npm run build` first (npm test does).');
  const server = await startServer(config, { demo: 'always', installSignalHandlers: false });
  project.provide('baseUrl', server.url);
  return async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
