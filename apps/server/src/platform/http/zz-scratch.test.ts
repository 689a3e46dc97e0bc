import { it } from 'vitest';
import fs from 'node:fs';
import { createTestApp } from '../../../test/app.ts';

it('scratch', async () => {
  const t = await createTestApp('pglite');
  const doc = (await t.anonymous.get('/api/openapi.json')).json();
  fs.writeFileSync('/tmp/scratch/doc.json', JSON.stringify(doc, null, 1));
  await t.close();
});
