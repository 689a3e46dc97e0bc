/** Shared set-up of the tests that upload files: small real files of each type, and an upload helper. */
export { jpegBytes, ofdBytes, pdfBytes, pngBytes, zipBytes } from './sample-files.ts';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { UploadedFile } from '@tongban/contracts';
import type { Client } from '../../../test/app.ts';

/** Posts a raw file to `POST /api/files?name=…`; returns the raw response. */
export function postFile(client: Client, name: string, bytes: Buffer, type: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return client.request({
    method: 'POST',
    url: `/api/files?name=${encodeURIComponent(name)}`,
    headers: { 'content-type': type, ...headers },
    payload: bytes,
  });
}

/** Uploads a file and expects 201; returns the upload. */
export async function uploadFile(client: Client, name: string, bytes: Buffer, type: string): Promise<UploadedFile> {
  const res = await postFile(client, name, bytes, type);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<UploadedFile>();
}
