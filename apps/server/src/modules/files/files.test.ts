import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalogue, type UploadLimits, type UploadedFile } from '@tongban/contracts';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { expectError, issuesOf } from '../../../test/http.ts';
import { fileBlobs, uploads } from '../../platform/db/schema.ts';
import { testClock } from '../cases/cases.testkit.ts';
import { cleanFileName, sniffContentType } from './file-types.ts';
import { jpegBytes, ofdBytes, pdfBytes, pngBytes, postFile, uploadFile, zipBytes } from './files.testkit.ts';

const MAX = 64 * 1024;
const DAILY = 12;

describe('file types and names (pure)', () => {
  it('decides the type from the first bytes only', () => {
    expect(sniffContentType(pdfBytes())).toBe('application/pdf');
    expect(sniffContentType(pngBytes())).toBe('image/png');
    expect(sniffContentType(jpegBytes())).toBe('image/jpeg');
    expect(sniffContentType(ofdBytes())).toBe('application/ofd');
    expect(sniffContentType(zipBytes({ 'word/document.xml': '<w/>' }))).toBeNull();
    expect(sniffContentType(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(sniffContentType(Buffer.from(' %PDF-1.4'))).toBeNull();
    expect(sniffContentType(Buffer.alloc(0))).toBeNull();
    expect(sniffContentType(Buffer.from([0xff, 0xd8]))).toBeNull();
  });

  it('keeps only a clean display name, Chinese included, with the extension of the real type', () => {
    expect(cleanFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(cleanFileName('C:\\Users\\张三\\营业执照副本.PDF', 'application/pdf')).toBe('营业执照副本.pdf');
    // U+202E (right-to-left override) makes "invoice‮gpj.exe" look like "invoiceexe.jpg".
    expect(cleanFileName('invoice\u202Egpj.exe', 'application/pdf')).toBe('invoicegpj.exe.pdf');
    expect(cleanFileName('a\u0001b\u200Bc\u2066d\u2069.png', 'image/png')).toBe('abcd.png');
    expect(cleanFileName('photo.jpeg', 'image/jpeg')).toBe('photo.jpeg');
    expect(cleanFileName('photo.png', 'image/jpeg')).toBe('photo.png.jpg');
    expect(cleanFileName('...', 'image/png')).toBe('file.png');
    expect(cleanFileName('.hidden', 'application/pdf')).toBe('hidden.pdf');
    expect(cleanFileName('a<b>:c"d|e?f*.pdf', 'application/pdf')).toBe('a_b__c_d_e_f_.pdf');
    const long = cleanFileName(`${'申'.repeat(300)}.pdf`, 'application/pdf');
    expect(Array.from(long)).toHaveLength(104);
    expect(long.endsWith('申.pdf')).toBe(true);
    // Astral characters are never cut in half.
    expect(cleanFileName(`${'𠀀'.repeat(150)}.ofd`, 'application/ofd')).toBe(`${'𠀀'.repeat(100)}.ofd`);
  });
});

describe.each(engines())('uploads on %s', (engine) => {
  const clock = testClock();
  let t: TestApp;
  let zhangsan: Client;
  let bashufood: Client;

  beforeAll(async () => {
    t = await createTestApp(
      engine,
      { UPLOAD_MAX_BYTES: String(MAX), UPLOAD_DAILY_LIMIT: String(DAILY), LOGIN_RATE_LIMIT_PER_MINUTE: '10000' },
      { now: clock.now },
    );
    zhangsan = await t.login('zhangsan');
    bashufood = await t.login('bashufood');
  });
  afterAll(async () => t.close());

  it('takes PDF, PNG, JPEG and OFD by their content, whatever the header says', async () => {
    const cases: [string, Buffer, string, string][] = [
      ['申请书.pdf', pdfBytes('a'), 'application/octet-stream', 'application/pdf'],
      ['平面图.png', pngBytes(), 'image/jpeg', 'image/png'],
      ['照片.jpg', jpegBytes(), 'text/plain', 'image/jpeg'],
      ['证明.ofd', ofdBytes(), 'application/zip', 'application/ofd'],
    ];
    for (const [name, bytes, sent, sniffed] of cases) {
      const file = await uploadFile(zhangsan, name, bytes, sent);
      expect(file).toMatchObject({ name, size: bytes.length, contentType: sniffed });
      expect(file.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('refuses anything else with 400 naming the allowed types, in the caller’s language, and stores nothing', async () => {
    const before = await t.database.db.$count(uploads);
    const html = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');
    for (const [name, bytes, type] of [
      ['营业执照.pdf', html, 'application/pdf'],
      ['文档.docx', zipBytes({ 'word/document.xml': '<w:document/>' }), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['动图.gif', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'image/gif'],
      ['空.pdf', Buffer.alloc(0), 'application/pdf'],
    ] as const) {
      const body = expectError(await postFile(zhangsan, name, bytes, type), 'UPLOAD_TYPE_NOT_ALLOWED');
      expect(body.message).toContain('PDF、JPG、PNG 或 OFD');
      expect(body.details).toMatchObject({ allowed: ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'] });
    }
    const en = await postFile(zhangsan, 'x.pdf', html, 'application/pdf', { 'accept-language': 'en-GB' });
    expect(expectError(en, 'UPLOAD_TYPE_NOT_ALLOWED', 'en').message).toContain('Only PDF, JPEG, PNG or OFD');
    // A JSON body is not a file either.
    expectError(await zhangsan.post('/api/files?name=a.pdf', { hello: 'world' }), 'UPLOAD_TYPE_NOT_ALLOWED');
    expect(await t.database.db.$count(uploads)).toBe(before);
  });

  it('answers 413 past UPLOAD_MAX_BYTES, 401 without a session, 400 without a name', async () => {
    const exact = Buffer.concat([pdfBytes(), Buffer.alloc(MAX - pdfBytes().length, 0x20)]);
    expect(exact.length).toBe(MAX);
    await uploadFile(bashufood, 'exact.pdf', exact, 'application/pdf');
    const over = Buffer.concat([exact, Buffer.from(' ')]);
    const body = expectError(await postFile(bashufood, 'over.pdf', over, 'application/pdf'), 'UPLOAD_TOO_LARGE');
    expect(body.details).toEqual({ maxBytes: MAX });
    expect(errorCatalogue.UPLOAD_TOO_LARGE.status).toBe(413);
    expectError(await postFile(t.anonymous, 'a.pdf', pdfBytes(), 'application/pdf'), 'UNAUTHENTICATED');
    const noName = await bashufood.request({ method: 'POST', url: '/api/files', headers: { 'content-type': 'application/pdf' }, payload: pdfBytes() });
    expect(issuesOf(noName).map((i) => i.path)).toEqual(['querystring.name']);
  });

  it('stores the same content once, however often and by whom it is uploaded', async () => {
    const bytes = pdfBytes('the same scan');
    const a = await uploadFile(zhangsan, '身份证.pdf', bytes, 'application/pdf');
    const b = await uploadFile(zhangsan, '身份证（再传一次）.pdf', bytes, 'application/pdf');
    const c = await uploadFile(bashufood, 'id.pdf', bytes, 'application/pdf');
    expect(new Set([a.id, b.id, c.id]).size).toBe(3);
    expect(new Set([a.sha256, b.sha256, c.sha256]).size).toBe(1);
    expect(await t.database.db.$count(fileBlobs, eq(fileBlobs.sha256, a.sha256))).toBe(1);
    expect(await t.database.db.$count(uploads, eq(uploads.sha256, a.sha256))).toBe(3);
    // Each upload keeps its own name and owner.
    const res = await bashufood.get(`/api/files/${c.id}`);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''id.pdf");
  });

  it('serves an upload to its owner only, as an attachment that no browser runs', async () => {
    const bytes = pngBytes(8, 8, [10, 120, 200]);
    const file = await uploadFile(zhangsan, '../../门店 平面图\u202Egnp.exe', bytes, 'image/png');
    expect(file.name).toBe('门店 平面图gnp.exe.png');
    const res = await zhangsan.get(`/api/files/${file.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.rawPayload.equals(bytes)).toBe(true);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="file.png"; filename*=UTF-8''${encodeURIComponent('门店 平面图gnp.exe.png')}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/(^|;\s*)sandbox(;|$)/);
    expect(res.headers['cache-control']).toBe('private, no-store');

    const staff = await t.login('reviewer01');
    for (const other of [bashufood, staff]) expectError(await other.get(`/api/files/${file.id}`), 'NOT_FOUND');
    expectError(await t.anonymous.get(`/api/files/${file.id}`), 'UNAUTHENTICATED');
    expectError(await zhangsan.get('/api/files/00000000-0000-4000-8000-000000000000'), 'NOT_FOUND');
    expect(issuesOf(await zhangsan.get('/api/files/not-a-uuid')).map((i) => i.path)).toEqual(['params.id']);
  });

  it('tells the limits before anyone picks a file', async () => {
    const res = await zhangsan.get('/api/files/limits');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<UploadLimits>()).toEqual({
      maxBytes: MAX,
      dailyLimit: DAILY,
      contentTypes: ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'],
      extensions: ['pdf', 'jpg', 'jpeg', 'png', 'ofd'],
      maxFilesPerMaterial: 20,
    });
  });

  it('limits uploads per account in 24 hours with 429, and lets them again a day later', async () => {
    const agent = await t.login('agent01');
    const made: UploadedFile[] = [];
    for (let i = 0; i < DAILY; i++) made.push(await uploadFile(agent, `第${i + 1}页.pdf`, pdfBytes(`page ${i}`), 'application/pdf'));
    const body = expectError(await postFile(agent, '多一页.pdf', pdfBytes('one more'), 'application/pdf'), 'UPLOAD_QUOTA_EXCEEDED');
    expect(body.details).toEqual({ dailyLimit: DAILY });
    // Others are not held back by it.
    await uploadFile(await t.login('supervisor01'), 'a.pdf', pdfBytes('other account'), 'application/pdf');

    clock.set(new Date(clock.now().getTime() + 24 * 60 * 60 * 1000 + 60_000).toISOString());
    await uploadFile(await t.login('agent01'), '第二天.pdf', pdfBytes('next day'), 'application/pdf');
    expect(made).toHaveLength(DAILY);
  });
});
