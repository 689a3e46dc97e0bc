import { it } from 'vitest';
import fs from 'node:fs';
import { createTestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';

it.each(engines())('scratch %s', async (engine) => {
  const t = await createTestApp(engine);
  const out: string[] = [];
  const a = await t.login('admin');
  const log = (label: string, r: { statusCode: number; body: string }) => out.push(`${label} -> ${r.statusCode} ${r.body.slice(0, 400)}`);
  log('nul login', await t.anonymous.post('/api/auth/login', { identifier: 'a\u0000b', password: 'x' }));
  log('huge page', await a.get('/api/staff?page=99999999999999999999&pageSize=100'));
  log('huge page2', await a.get('/api/org/departments?page=9007199254740991&pageSize=100'));
  log('del region w/ hall', await a.delete('/api/org/regions/511902001000'));
  log('del region w/ children', await a.delete('/api/org/regions/511902101000'));
  const depts = (await a.get('/api/org/departments?q=' + encodeURIComponent('市场'))).json();
  log('depts', { statusCode: 200, body: JSON.stringify(depts.items.map((d: any) => [d.name, d.staffCount])) });
  log('del dept', await a.delete('/api/org/departments/' + depts.items[0].id));
  log('nul q', await a.get('/api/org/departments?q=%00'));
  log('nul q region', await a.get('/api/org/regions?q=%00'));
  log('reg nul', await t.anonymous.post('/api/auth/register', { kind: 'citizen', username: 'abcd1234', password: 'abcdefgh1', displayName: 'x\u0000', residentId: '11010519491231002X', phone: '13900000000' }));
  log('reg ent bad', await t.anonymous.post('/api/auth/register', { kind: 'enterprise', username: 'abcd1235', password: 'abcdefgh1', displayName: 'x', residentId: '11010519491231002X', phone: '13900000000', organisationName: 'ab公司', creditCode: '91350100M000100Y44' }));
  log('wrong pw', await t.anonymous.post('/api/auth/login', { identifier: 'zhangsan', password: 'x' }));
  log('unknown', await t.anonymous.post('/api/auth/login', { identifier: 'nobody', password: 'x' }));
  fs.writeFileSync(`/tmp/scratch/out-${engine}.txt`, out.join('\n'));
  await t.close();
});
