import { createPublicKey, generateKeyPairSync, sign as cryptoSign, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LicenceContent } from './licence-content.ts';
import { MOHURD, sampleLicence } from './sample-licence.ts';
import {
  LicenceSigningError,
  activeLicenceKey,
  generateLicenceKey,
  generateLicenceKeyPair,
  rotateLicenceKey,
  signLicence,
  verifyLicenceSignature,
  type LicenceKey,
  type LicenceKeyRing,
  type LicenceSignature,
  type LicenceSignatureProvider,
  type LicenceSignatureProviders,
} from './signature.ts';

function keyPair(id: string): { key: LicenceKey; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { key: { id, algorithm: 'ed25519', publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), status: 'active' }, privateKey };
}

/** The raw 32-byte public key in base64: the last 32 bytes of the SPKI DER. */
function rawPublicKey(pem: string): string {
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s+/g, ''), 'base64');
  return der.subarray(-32).toString('base64');
}

function signingError(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(LicenceSigningError);
    return (err as LicenceSigningError).reason;
  }
  return 'none';
}

const first = keyPair('lic-2026-01');
const ring: LicenceKeyRing = [first.key];

describe('signLicence / verifyLicenceSignature (Ed25519)', () => {
  it('signs with the active key and verifies', () => {
    const signature = signLicence(sampleLicence(), ring, first.privateKey);
    expect(signature).toMatchObject({ keyId: 'lic-2026-01', algorithm: 'ed25519' });
    expect(Buffer.from(signature.value, 'base64')).toHaveLength(64);
    expect(verifyLicenceSignature(sampleLicence(), signature, ring)).toEqual({ ok: true, keyId: 'lic-2026-01', keyStatus: 'active' });
  });

  it('is deterministic (Ed25519) and independent of key order and Unicode form', () => {
    const a = signLicence(sampleLicence(), ring, first.privateKey);
    const reordered = { ...sampleLicence(), holder: { name: '张三', idNumber: '11010519491231002X', idType: '111' } };
    expect(signLicence(reordered, ring, first.privateKey)).toEqual(a);
    expect(verifyLicenceSignature(reordered, a, ring).ok).toBe(true);
  });

  it('accepts a PKCS#8 PEM private key and a raw base64 public key', () => {
    const pem = first.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const signature = signLicence(sampleLicence(), ring, pem);
    const rawRing: LicenceKeyRing = [{ ...first.key, publicKey: rawPublicKey(first.key.publicKey) }];
    expect(rawRing[0]!.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(verifyLicenceSignature(sampleLicence(), signature, rawRing).ok).toBe(true);
    expect(signLicence(sampleLicence(), rawRing, first.privateKey)).toEqual(signature);
  });

  const tamperings: [string, (l: LicenceContent) => void][] = [
    ['identifier', (l) => (l.identifier = `1.2.156.3005.2.${MOHURD}011.11430000006122244L.20230000403.001.U`)],
    ['typeCode', (l) => (l.typeCode = `${MOHURD}012`)],
    ['holder.idType', (l) => (l.holder.idType = '112')],
    ['holder.idNumber', (l) => (l.holder.idNumber = '11010519491231002Y')],
    ['holder.name', (l) => (l.holder.name = '张王')],
    ['issuer.code', (l) => (l.issuer.code = '11430000006122244M')],
    ['issuer.name', (l) => (l.issuer.name = '湖南省住房和城乡建设斤')],
    ['issueDate', (l) => (l.issueDate = '2026-03-03')],
    ['validFrom', (l) => (l.validFrom = '2026-03-12')],
    ['validUntil', (l) => (l.validUntil = '2039-03-01')],
    ['data.category', (l) => (l.data = { ...l.data, category: 'C' })],
    ['data.company.code', (l) => (l.data = { ...l.data, company: { name: '示例建设有限公司', code: '91350100M000100Y42' } })],
    ['data.scope[1]', (l) => (l.data = { ...l.data, scope: ['房屋建筑', '市攻'] })],
    ['version', (l) => (l.version = 3)],
    ['previousIdentifier', (l) => (l.previousIdentifier = l.previousIdentifier!.replace('.U', '.V'))],
  ];

  it.each(tamperings)('fails when %s is tampered with', (_name, tamper) => {
    const signature = signLicence(sampleLicence(), ring, first.privateKey);
    const tampered = sampleLicence();
    tamper(tampered);
    expect(verifyLicenceSignature(tampered, signature, ring)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('fails when any byte of the signature is changed', () => {
    const signature = signLicence(sampleLicence(), ring, first.privateKey);
    const bytes = Buffer.from(signature.value, 'base64');
    for (let i = 0; i < bytes.length; i++) {
      const changed = Buffer.from(bytes);
      changed[i] = changed[i]! ^ 0x01;
      const result = verifyLicenceSignature(sampleLicence(), { ...signature, value: changed.toString('base64') }, ring);
      expect(result, `byte ${i}`).toEqual({ ok: false, reason: 'bad_signature' });
    }
  });

  it('rejects signatures that are not canonical base64 of 64 bytes', () => {
    const signature = signLicence(sampleLicence(), ring, first.privateKey);
    const last = signature.value.charAt(85); // carries 4 padding bits: a non-canonical twin decodes to the same bytes
    const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const twin = b64.charAt(b64.indexOf(last) + 1);
    expect(Buffer.from(`${signature.value.slice(0, 85)}${twin}==`, 'base64').toString('base64')).toBe(signature.value);
    for (const value of ['', 'abc', signature.value.slice(0, -4), `${signature.value.slice(0, 85)}${twin}==`, `${signature.value} `]) {
      expect(verifyLicenceSignature(sampleLicence(), { ...signature, value }, ring)).toEqual({ ok: false, reason: 'malformed_signature' });
    }
  });

  it('fails with a clear reason for an unknown key id, a different algorithm, an unsupported algorithm or an unreadable key', () => {
    const signature = signLicence(sampleLicence(), ring, first.privateKey);
    expect(verifyLicenceSignature(sampleLicence(), { ...signature, keyId: 'lic-1999-01' }, ring)).toEqual({ ok: false, reason: 'unknown_key' });
    expect(verifyLicenceSignature(sampleLicence(), { ...signature, algorithm: 'sm2' }, ring)).toEqual({ ok: false, reason: 'algorithm_mismatch' });
    const sm2Ring: LicenceKeyRing = [{ ...first.key, algorithm: 'sm2' }];
    expect(verifyLicenceSignature(sampleLicence(), { ...signature, algorithm: 'sm2' }, sm2Ring)).toEqual({ ok: false, reason: 'unsupported_algorithm' });
    const broken: LicenceKeyRing = [{ ...first.key, publicKey: 'not a key' }];
    expect(verifyLicenceSignature(sampleLicence(), signature, broken)).toEqual({ ok: false, reason: 'bad_key' });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verifyLicenceSignature(sampleLicence(), signature, [{ ...first.key, publicKey: rsa }])).toEqual({ ok: false, reason: 'bad_key' });
    expect(verifyLicenceSignature(sampleLicence(), signature, [first.key, first.key])).toEqual({ ok: false, reason: 'duplicate_key_id' });
  });

  it('fails on another key under the same id, and on content without a canonical form', () => {
    const other = keyPair('lic-2026-01');
    const signature = signLicence(sampleLicence(), ring, first.privateKey);
    expect(verifyLicenceSignature(sampleLicence(), signature, [other.key])).toEqual({ ok: false, reason: 'bad_signature' });
    const nan = { ...sampleLicence(), data: { fee: Number.NaN } };
    expect(verifyLicenceSignature(nan, signature, ring)).toEqual({ ok: false, reason: 'malformed_content' });
  });

  it('refuses to sign inconsistent content, a ring without one active key, or a mismatched private key', () => {
    const wrongVersion = { ...sampleLicence(), version: 3 };
    expect(signingError(() => signLicence(wrongVersion, ring, first.privateKey))).toBe('invalid_content');
    try {
      signLicence(wrongVersion, ring, first.privateKey);
    } catch (err) {
      expect((err as LicenceSigningError).problems).toEqual(['version_mismatch']);
    }
    expect(signingError(() => signLicence(sampleLicence(), [], first.privateKey))).toBe('no_active_key');
    expect(signingError(() => signLicence(sampleLicence(), [{ ...first.key, status: 'retired' }], first.privateKey))).toBe('no_active_key');
    const second = keyPair('lic-2026-02');
    expect(signingError(() => signLicence(sampleLicence(), [first.key, second.key], first.privateKey))).toBe('several_active_keys');
    expect(signingError(() => signLicence(sampleLicence(), [first.key, { ...first.key, status: 'retired' }], first.privateKey))).toBe('duplicate_key_id');
    expect(signingError(() => signLicence(sampleLicence(), ring, second.privateKey))).toBe('key_mismatch');
    expect(signingError(() => signLicence(sampleLicence(), ring, 'not a pem'))).toBe('bad_key');
    expect(signingError(() => signLicence(sampleLicence(), ring, generateKeyPairSync('ed25519').publicKey))).toBe('bad_key');
    expect(signingError(() => signLicence(sampleLicence(), [{ ...first.key, algorithm: 'sm2' }], first.privateKey))).toBe('unsupported_algorithm');
  });
});

describe('key rotation', () => {
  it('keeps old signatures valid under the retired key and signs new ones with the new key', () => {
    const old: LicenceSignature = signLicence(sampleLicence(), ring, first.privateKey);
    const next = generateLicenceKey('lic-2026-02');
    const rotated = rotateLicenceKey(ring, next.key);
    expect(rotated.map((k) => [k.id, k.status])).toEqual([
      ['lic-2026-01', 'retired'],
      ['lic-2026-02', 'active'],
    ]);
    expect(activeLicenceKey(rotated).id).toBe('lic-2026-02');

    expect(verifyLicenceSignature(sampleLicence(), old, rotated)).toEqual({ ok: true, keyId: 'lic-2026-01', keyStatus: 'retired' });
    const fresh = signLicence(sampleLicence(), rotated, next.privateKey);
    expect(fresh.keyId).toBe('lic-2026-02');
    expect(verifyLicenceSignature(sampleLicence(), fresh, rotated)).toEqual({ ok: true, keyId: 'lic-2026-02', keyStatus: 'active' });

    expect(signingError(() => signLicence(sampleLicence(), rotated, first.privateKey))).toBe('key_mismatch');
    // Dropping the retired key from the ring makes its signatures unverifiable: keep retired keys.
    expect(verifyLicenceSignature(sampleLicence(), old, rotated.slice(1))).toEqual({ ok: false, reason: 'unknown_key' });
  });

  it('refuses a new key whose id is already in the ring', () => {
    expect(signingError(() => rotateLicenceKey(ring, keyPair('lic-2026-01').key))).toBe('duplicate_key_id');
  });
});

/**
 * A stand-in provider for the plumbing (the real SM2 provider is the server's, tested there): ECDSA
 * P-256 with DER signatures from node:crypto, registered under 'sm2'.
 */
const fakeSm2: LicenceSignatureProvider = {
  generate() {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    return {
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
  },
  readsPublicKey: (publicKey) => createPublicKey(publicKey).asymmetricKeyType === 'ec', // throws on garbage: the domain guards
  isSignature: (signature) => signature[0] === 0x30 && signature[1] === signature.length - 2 && signature.length <= 72,
  sign: (payload, privateKey) => (typeof privateKey === 'string' ? cryptoSign('sha256', payload, privateKey) : null),
  verify: (payload, publicKey, signature) => cryptoVerify('sha256', payload, publicKey, signature),
};
const providers: LicenceSignatureProviders = { sm2: fakeSm2 };

describe('signature providers', () => {
  it('generates, signs and verifies with a provided algorithm; without the provider it is unsupported', () => {
    const pair = generateLicenceKeyPair('lic-sm2-01', 'sm2', providers);
    expect(pair.key).toMatchObject({ id: 'lic-sm2-01', algorithm: 'sm2', status: 'active' });
    const signature = signLicence(sampleLicence(), [pair.key], pair.privateKey, providers);
    expect(signature).toMatchObject({ keyId: 'lic-sm2-01', algorithm: 'sm2' });
    expect(verifyLicenceSignature(sampleLicence(), signature, [pair.key], providers)).toEqual({ ok: true, keyId: 'lic-sm2-01', keyStatus: 'active' });
    expect(verifyLicenceSignature({ ...sampleLicence(), issueDate: '2026-03-03' }, signature, [pair.key], providers)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyLicenceSignature(sampleLicence(), signature, [pair.key])).toEqual({ ok: false, reason: 'unsupported_algorithm' });
    expect(signingError(() => generateLicenceKeyPair('lic-sm2-02', 'sm2'))).toBe('unsupported_algorithm');
    expect(signingError(() => signLicence(sampleLicence(), [pair.key], pair.privateKey))).toBe('unsupported_algorithm');
  });

  it('generates Ed25519 key pairs with a PKCS#8 PEM private key by default', () => {
    const pair = generateLicenceKeyPair('lic-2026-09');
    expect(pair.key.algorithm).toBe('ed25519');
    expect(pair.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const signature = signLicence(sampleLicence(), [pair.key], pair.privateKey);
    expect(verifyLicenceSignature(sampleLicence(), signature, [pair.key]).ok).toBe(true);
  });

  it('verifies a mixed ring after rotation from Ed25519 to the provided algorithm, and back', () => {
    const old = signLicence(sampleLicence(), ring, first.privateKey);
    const next = generateLicenceKeyPair('lic-sm2-01', 'sm2', providers);
    const rotated = rotateLicenceKey(ring, next.key);
    const fresh = signLicence(sampleLicence(), rotated, next.privateKey, providers);
    expect(verifyLicenceSignature(sampleLicence(), old, rotated, providers)).toEqual({ ok: true, keyId: 'lic-2026-01', keyStatus: 'retired' });
    expect(verifyLicenceSignature(sampleLicence(), fresh, rotated, providers)).toEqual({ ok: true, keyId: 'lic-sm2-01', keyStatus: 'active' });
    const back = generateLicenceKeyPair('lic-2026-03', 'ed25519', providers);
    const again = rotateLicenceKey(rotated, back.key);
    expect(verifyLicenceSignature(sampleLicence(), fresh, again, providers)).toEqual({ ok: true, keyId: 'lic-sm2-01', keyStatus: 'retired' });
    expect(verifyLicenceSignature(sampleLicence(), signLicence(sampleLicence(), again, back.privateKey, providers), again, providers).ok).toBe(true);
    // An Ed25519 signature presented as the provided algorithm's does not pass as one.
    expect(verifyLicenceSignature(sampleLicence(), { ...old, keyId: 'lic-sm2-01', algorithm: 'sm2' }, rotated, providers)).toEqual({
      ok: false,
      reason: 'malformed_signature',
    });
  });

  it('turns a provider that throws into a failure reason, never a throw', () => {
    const pair = generateLicenceKeyPair('lic-sm2-01', 'sm2', providers);
    const signature = signLicence(sampleLicence(), [pair.key], pair.privateKey, providers);
    expect(verifyLicenceSignature(sampleLicence(), signature, [{ ...pair.key, publicKey: 'not a key' }], providers)).toEqual({ ok: false, reason: 'bad_key' });
    const throwing: LicenceSignatureProviders = {
      sm2: {
        ...fakeSm2,
        verify: () => {
          throw new Error('boom');
        },
      },
    };
    expect(verifyLicenceSignature(sampleLicence(), signature, [pair.key], throwing)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(signingError(() => signLicence(sampleLicence(), [pair.key], pair.privateKey, throwing))).toBe('key_mismatch');
    expect(signingError(() => signLicence(sampleLicence(), [pair.key], first.privateKey, providers))).toBe('bad_key');
    const other = generateLicenceKeyPair('lic-sm2-02', 'sm2', providers);
    expect(signingError(() => signLicence(sampleLicence(), [pair.key], other.privateKey, providers))).toBe('key_mismatch');
  });

  it('lets a provider replace the built-in Ed25519 one', () => {
    const refusing: LicenceSignatureProviders = { ed25519: { ...fakeSm2, readsPublicKey: () => false } };
    const signature = signLicence(sampleLicence(), ring, first.privateKey);
    expect(verifyLicenceSignature(sampleLicence(), signature, ring, refusing)).toEqual({ ok: false, reason: 'bad_key' });
  });
});
