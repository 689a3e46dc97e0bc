import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  formatLicenceIdentifier,
  generateLicenceKeyPair,
  licenceSigningPayload,
  rotateLicenceKey,
  signLicence,
  verifyLicenceSignature,
  type LicenceContent,
  type LicenceKeyRing,
  type LicenceSignature,
} from '@tongban/domain';
import { LICENCE_SIGNERS } from './licence-keys.ts';
import { isSm2Signature, sm2PublicKeyPem, sm2PublicKeyPoint, sm2Signer } from './sm2-signer.ts';

/** A consistent licence on the public identifiers of STANDARDS §4.1 (住建部 type, 湖南省住建厅 issuer). */
const licence = (): LicenceContent => ({
  identifier: formatLicenceIdentifier({ typeCode: '11100000000013338W011', issuerCode: '11430000006122244L', number: '20230000403', version: 1 }),
  typeCode: '11100000000013338W011',
  holder: { idType: '111', idNumber: '11010519491231002X', name: '张三' },
  issuer: { code: '11430000006122244L', name: '湖南省住房和城乡建设厅' },
  issueDate: '2026-03-02',
  validFrom: '2026-03-02',
  validUntil: '2029-03-01',
  data: { category: 'B', position: '项目负责人', scope: ['房屋建筑', '市政'] },
  version: 1,
  previousIdentifier: null,
});

const sm2 = generateLicenceKeyPair('k-sm2-01', 'sm2', LICENCE_SIGNERS);
const sm2Ring: LicenceKeyRing = [sm2.key];
const signed = (): LicenceSignature => signLicence(licence(), sm2Ring, sm2.privateKey, LICENCE_SIGNERS);

describe('SM2 licence signatures (sm-crypto-v2 provider)', () => {
  it('stores the public key as SM2 SPKI PEM and the private key as 64 hex digits', () => {
    expect(sm2.key).toMatchObject({ id: 'k-sm2-01', algorithm: 'sm2', status: 'active' });
    expect(sm2.key.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PUBLIC KEY-----\n$/);
    expect(sm2PublicKeyPoint(sm2.key.publicKey)).toMatch(/^04[0-9a-f]{128}$/);
    expect(sm2PublicKeyPem(sm2PublicKeyPoint(sm2.key.publicKey)!)).toBe(sm2.key.publicKey);
    expect(sm2.privateKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it('signs and verifies through the domain API', () => {
    const signature = signed();
    expect(signature).toMatchObject({ keyId: 'k-sm2-01', algorithm: 'sm2' });
    expect(isSm2Signature(Buffer.from(signature.value, 'base64'))).toBe(true);
    expect(verifyLicenceSignature(licence(), signature, sm2Ring, LICENCE_SIGNERS)).toEqual({ ok: true, keyId: 'k-sm2-01', keyStatus: 'active' });
    // SM2 signatures are randomised: two differ, both verify.
    const again = signed();
    expect(again.value).not.toBe(signature.value);
    expect(verifyLicenceSignature(licence(), again, sm2Ring, LICENCE_SIGNERS).ok).toBe(true);
  });

  it('fails on tampered content and on another key under the same id', () => {
    const signature = signed();
    expect(verifyLicenceSignature({ ...licence(), holder: { ...licence().holder, name: '张王' } }, signature, sm2Ring, LICENCE_SIGNERS)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyLicenceSignature({ ...licence(), validUntil: '2036-03-01' }, signature, sm2Ring, LICENCE_SIGNERS).ok).toBe(false);
    const other = generateLicenceKeyPair('k-sm2-01', 'sm2', LICENCE_SIGNERS);
    expect(verifyLicenceSignature(licence(), signature, [other.key], LICENCE_SIGNERS)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses to sign with a private key that is not the active key’s, or not an SM2 key', () => {
    const other = generateLicenceKeyPair('k-sm2-02', 'sm2', LICENCE_SIGNERS);
    const reason = (privateKey: string) => {
      try {
        signLicence(licence(), sm2Ring, privateKey, LICENCE_SIGNERS);
        return 'none';
      } catch (err) {
        return (err as { reason: string }).reason;
      }
    };
    expect(reason(other.privateKey)).toBe('key_mismatch');
    expect(reason('00'.repeat(32))).toBe('bad_key');
    expect(reason('ff'.repeat(32))).toBe('bad_key');
    expect(reason(generateLicenceKeyPair('k-ed', 'ed25519').privateKey)).toBe('bad_key');
    expect(reason(sm2.privateKey.toUpperCase())).toBe('none');
  });

  it('answers malformed_signature, without throwing, for signatures that are not one strict DER (r, s)', () => {
    const signature = signed();
    const der = Buffer.from(signature.value, 'base64');
    const n = Buffer.from('fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123', 'hex');
    const sequence = (...parts: Buffer[]) => Buffer.concat([Buffer.from([0x30, Buffer.concat(parts).length]), ...parts]);
    const integer = (bytes: Buffer) => Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
    const bad: Buffer[] = [
      Buffer.alloc(0),
      Buffer.alloc(64, 1), // an Ed25519-sized value
      der.subarray(0, -1), // truncated
      Buffer.concat([der, Buffer.from([0])]), // trailing byte
      sequence(integer(Buffer.from([1])), integer(Buffer.from([0]))), // s = 0
      sequence(integer(Buffer.from([1])), integer(Buffer.from([0, 1]))), // a needless leading zero
      sequence(integer(Buffer.from([1])), integer(Buffer.from([0x80]))), // negative
      sequence(integer(Buffer.from([1])), integer(Buffer.concat([Buffer.from([0]), n]))), // s = n
    ];
    for (const value of bad) {
      expect(verifyLicenceSignature(licence(), { ...signature, value: value.toString('base64') }, sm2Ring, LICENCE_SIGNERS), value.toString('hex')).toEqual({
        ok: false,
        reason: 'malformed_signature',
      });
    }
    for (const value of ['', 'not base64!', `${signature.value} `, signature.value.slice(0, -2)]) {
      expect(verifyLicenceSignature(licence(), { ...signature, value }, sm2Ring, LICENCE_SIGNERS).ok).toBe(false);
    }
    // Well formed but wrong: each flipped byte inside r or s fails as a bad signature.
    const flipped = Buffer.from(der);
    flipped[flipped.length - 1] = flipped[flipped.length - 1]! ^ 0x01;
    expect(verifyLicenceSignature(licence(), { ...signature, value: flipped.toString('base64') }, sm2Ring, LICENCE_SIGNERS)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('reports a public key that is not an SM2 point on the curve as bad_key', () => {
    const signature = signed();
    const point = sm2PublicKeyPoint(sm2.key.publicKey)!;
    const offCurve = sm2PublicKeyPem(`${point.slice(0, -2)}${point.endsWith('00') ? '01' : '00'}`);
    const ed25519 = generateLicenceKeyPair('k-ed', 'ed25519').key.publicKey;
    for (const publicKey of ['not a key', offCurve, ed25519, point]) {
      expect(verifyLicenceSignature(licence(), signature, [{ ...sm2.key, publicKey }], LICENCE_SIGNERS)).toEqual({ ok: false, reason: 'bad_key' });
    }
  });

  it('verifies both kinds in a ring rotated from Ed25519 to SM2, and from SM2 back to Ed25519', () => {
    const ed = generateLicenceKeyPair('k-ed-01', 'ed25519', LICENCE_SIGNERS);
    const edSigned = signLicence(licence(), [ed.key], ed.privateKey, LICENCE_SIGNERS);
    const next = generateLicenceKeyPair('k-sm2-02', 'sm2', LICENCE_SIGNERS);
    const toSm2 = rotateLicenceKey([ed.key], next.key);
    const sm2Signed = signLicence(licence(), toSm2, next.privateKey, LICENCE_SIGNERS);
    expect(verifyLicenceSignature(licence(), edSigned, toSm2, LICENCE_SIGNERS)).toEqual({ ok: true, keyId: 'k-ed-01', keyStatus: 'retired' });
    expect(verifyLicenceSignature(licence(), sm2Signed, toSm2, LICENCE_SIGNERS)).toEqual({ ok: true, keyId: 'k-sm2-02', keyStatus: 'active' });

    const back = generateLicenceKeyPair('k-ed-02', 'ed25519', LICENCE_SIGNERS);
    const toEd = rotateLicenceKey(toSm2, back.key);
    expect(verifyLicenceSignature(licence(), sm2Signed, toEd, LICENCE_SIGNERS)).toEqual({ ok: true, keyId: 'k-sm2-02', keyStatus: 'retired' });
    expect(verifyLicenceSignature(licence(), edSigned, toEd, LICENCE_SIGNERS).ok).toBe(true);
    expect(verifyLicenceSignature(licence(), signLicence(licence(), toEd, back.privateKey, LICENCE_SIGNERS), toEd, LICENCE_SIGNERS).ok).toBe(true);
    // A signature claiming the other algorithm is refused before any cryptography.
    expect(verifyLicenceSignature(licence(), { ...edSigned, algorithm: 'sm2' }, toEd, LICENCE_SIGNERS)).toEqual({ ok: false, reason: 'algorithm_mismatch' });
  });
});

/** Interoperability with OpenSSL 3 (SM2 with SM3 and the distinguishing ID), when `openssl` is on PATH. */
function opensslVersion(): string | null {
  try {
    return execFileSync('openssl', ['version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}
const openssl = opensslVersion();
const interop = openssl !== null && /^OpenSSL [3-9]\./.test(openssl);
if (!interop) console.info(`SM2 OpenSSL interoperability tests skipped: ${openssl === null ? 'no openssl on PATH' : `${openssl} is not OpenSSL 3 or newer`}`);

describe.skipIf(!interop)('SM2 interoperability with OpenSSL', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-sm2-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content?: string | Uint8Array) => {
    const full = path.join(dir, name);
    if (content !== undefined) fs.writeFileSync(full, content);
    return full;
  };
  const sm2Options = ['-rawin', '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678'];
  /** Whether `openssl pkeyutl -verify` accepts the signature. */
  const opensslVerifies = (payload: Uint8Array, signature: string, publicKey: string) => {
    const args = ['pkeyutl', '-verify', '-pubin', '-inkey', file('pub.pem', publicKey), '-in', file('payload', payload), '-sigfile'];
    try {
      execFileSync('openssl', [...args, file('sig.der', Buffer.from(signature, 'base64')), ...sm2Options], { stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  };

  it('openssl verifies a licence signature made here, and refuses it for tampered content', () => {
    const signature = signed();
    expect(opensslVerifies(licenceSigningPayload(licence()), signature.value, sm2.key.publicKey)).toBe(true);
    expect(opensslVerifies(licenceSigningPayload({ ...licence(), issueDate: '2026-03-03' }), signature.value, sm2.key.publicKey)).toBe(false);
  });

  it('verifies here a signature openssl made with a key openssl generated', () => {
    const privatePem = file('key.pem');
    execFileSync('openssl', ['genpkey', '-algorithm', 'SM2', '-out', privatePem], { stdio: 'pipe' });
    const publicKey = execFileSync('openssl', ['pkey', '-in', privatePem, '-pubout'], { encoding: 'utf8' });
    const payload = file('payload', licenceSigningPayload(licence()));
    const sig = file('openssl.sig');
    execFileSync('openssl', ['pkeyutl', '-sign', '-inkey', privatePem, '-in', payload, '-out', sig, ...sm2Options], { stdio: 'pipe' });
    const ring: LicenceKeyRing = [{ id: 'k-openssl', algorithm: 'sm2', publicKey, status: 'active' }];
    const signature: LicenceSignature = { keyId: 'k-openssl', algorithm: 'sm2', value: fs.readFileSync(sig).toString('base64') };
    expect(sm2Signer.readsPublicKey(publicKey)).toBe(true);
    expect(verifyLicenceSignature(licence(), signature, ring, LICENCE_SIGNERS)).toEqual({ ok: true, keyId: 'k-openssl', keyStatus: 'active' });
    expect(verifyLicenceSignature({ ...licence(), data: { ...licence().data, category: 'C' } }, signature, ring, LICENCE_SIGNERS).ok).toBe(false);
  });
});
