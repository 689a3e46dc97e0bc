import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';

describe.each(engines())('health on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('answers 200 with the database up and its engine', async () => {
    const res = await t.anonymous.get('/api/health');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(body.database).toMatchObject({ status: 'up', engine });
    expect(body.database.serverVersion).toMatch(/^\d+/);
  });

  it('answers 503 when the database is gone', async () => {
    const other = await createTestApp(engine);
    await other.database.close();
    const res = await other.anonymous.get('/api/health');
    expect(res.statusCode).toBe(503);
    expect(res.json().database.status).toBe('down');
    await other.app.close();
  });
});
