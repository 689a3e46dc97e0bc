/** The files module's public surface (上传文件): uploads of materials, stored once per content hash. */
import type { Db } from '../../platform/db/client.ts';
import { filesRoutes } from './files.routes.ts';
import { createFilesService } from './files.service.ts';

export type { FileContent, FileDirectory, FilesService } from './files.service.ts';
export { sendStoredFile, fileResponse } from './file-body.ts';

export function createFilesModule(deps: { db: Db; now?: () => Date; maxBytes: number; dailyLimit: number }) {
  const service = createFilesService({ db: deps.db, now: deps.now ?? (() => new Date()), maxBytes: deps.maxBytes, dailyLimit: deps.dailyLimit });
  return { service, routes: filesRoutes(service, deps.maxBytes) };
}
