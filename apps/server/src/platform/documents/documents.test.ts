import { describe, expect, it } from 'vitest';
import { cjkFaces, cjkRegular, MissingFontError } from './fonts.ts';
import { contentDisposition, publicBaseUrl } from './links.ts';
import { createA4Document, toBuffer } from './pdf.ts';
import { createRenderCache } from './render-cache.ts';

describe('CJK fonts', () => {
  it('name the missing font file and the Debian package to install', () => {
    expect(() => cjkFaces(() => false)).toThrow(MissingFontError);
    expect(() => cjkFaces(() => false)).toThrow(/NotoSansCJK-Regular\.ttc.*fonts-noto-cjk/);
    // Without the bold face, the regular one stands in.
    expect(cjkFaces((file) => file === cjkRegular.file).bold).toBe(cjkRegular);
  });

  it('make an A4 PDF', async () => {
    const doc = createA4Document({ title: '测试' });
    doc.text('办事指南');
    const pdf = await toBuffer(doc);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });
});

describe('links printed on documents', () => {
  it('prefer PUBLIC_URL, else the request origin, and never print a malformed host', () => {
    expect(publicBaseUrl('https://zwfw.example.gov.cn/tongban/', { protocol: 'http', host: 'localhost:80' })).toBe('https://zwfw.example.gov.cn/tongban');
    expect(publicBaseUrl(undefined, { protocol: 'https', host: 'zwfw.bazhong.example:8443' })).toBe('https://zwfw.bazhong.example:8443');
    expect(publicBaseUrl(undefined, { protocol: 'http', host: '[::1]:3000' })).toBe('http://[::1]:3000');
    expect(publicBaseUrl(undefined, { protocol: 'http', host: 'evil.example/x?<script>' })).toBe('http://localhost');
    expect(publicBaseUrl(undefined, { protocol: 'http', host: undefined })).toBe('http://localhost');
  });

  it('encode a Chinese file name per RFC 5987 with an ASCII fallback', () => {
    const value = contentDisposition('食品经营许可（新办）-办事指南.pdf', 'X-guide.pdf');
    expect(value).toMatch(/^inline; filename="X-guide\.pdf"; filename\*=UTF-8''[A-Za-z0-9%._-]+$/);
    expect(decodeURIComponent(value.split("UTF-8''")[1]!)).toBe('食品经营许可（新办）-办事指南.pdf');
    expect(contentDisposition('a/b"c\n(d).pdf', 'a b.pdf', 'attachment')).toBe(`attachment; filename="a_b.pdf"; filename*=UTF-8''a_b_c_%28d%29.pdf`);
  });
});

describe('render cache', () => {
  it('renders a key once, shares a rendering in progress, forgets failures and evicts the least recently used', async () => {
    const cache = createRenderCache({ max: 2 });
    let calls = 0;
    const render = (s: string) => async () => {
      calls++;
      return Buffer.from(s);
    };
    const [a1, a2] = await Promise.all([cache.get('a', render('a')), cache.get('a', render('a'))]);
    expect(a1).toBe(a2);
    expect(calls).toBe(1);

    await expect(cache.get('bad', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(cache.size).toBe(1);

    await cache.get('b', render('b'));
    await cache.get('a', render('a')); // a is now the most recently used
    await cache.get('c', render('c')); // evicts b
    expect(cache.size).toBe(2);
    calls = 0;
    await cache.get('a', render('a'));
    expect(calls).toBe(0);
    await cache.get('b', render('b'));
    expect(calls).toBe(1);
  });
});
