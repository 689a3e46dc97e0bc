import { it } from 'vitest';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { createTestApp } from '../../../test/app.ts';
import { regions } from '../db/schema.ts';

it('scratch', async () => {
  const t = await createTestApp('pglite');
  const out: string[] = [];
  out.push((await t.anonymous.get('/api/org/halls')).body);
  out.push((await t.anonymous.get('/api/org/departments?pageSize=3')).body);
  out.push(JSON.stringify(t.database.db.select({ c: sql<number>`(select count(*)::int from ${regions} c where c.parent_code = ${regions.code})` }).from(regions).toSQL()));
  fs.writeFileSync('/tmp/scratch/out.txt', out.join('\n\n'));
  await t.close();
});
