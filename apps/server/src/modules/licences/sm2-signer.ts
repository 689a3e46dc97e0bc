/**
 * SM2 licence signatures (国密 SM2, GB/T 32918) through `sm-crypto-v2`, as a provider for the
 * domain's signature functions. Signed: SM3(Z ‖ payload), Z from the standard default user ID
 * `1234567812345678` (GB/T 35276); the signature is DER `SEQUENCE { r INTEGER, s INTEGER }`. So
 * other 国密 implementations (OpenSSL 3, GmSSL, cipher machines) verify it. Node's own SM2 does not
 * follow the standard and is not used (STACK.md).
 *
 * Key forms in `licence_keys`: the public key as SPKI PEM (AlgorithmIdentifier id-ecPublicKey
 * 1.2.840.10045.2.1 with the SM2 curve 1.2.156.10197.1.301, then the uncompressed point 04‖x‖y),
 * the form OpenSSL writes and reads (`openssl pkey -pubin -in key.pem -text`); the private key as
 * the 64 hex digits of the scalar d.
 */
import { sm2 } from 'sm-crypto-v2';
import type { LicenceSignatureProvider } from '@tongban/domain';

/** The default signer ID of GB/T 35276 (ENTL = 128 bits), used when nothing else is agreed. */
export const SM2_DEFAULT_USER_ID = '1234567812345678';

/** DER of an SM2 SubjectPublicKeyInfo up to the point: SEQUENCE { SEQUENCE { ecPublicKey, sm2 curve }, BIT STRING 00 … }. */
const SPKI_PREFIX = '3059301306072a8648ce3d020106082a811ccf5501822d034200';
const SPKI_BYTES = SPKI_PREFIX.length / 2 + 65;
/** Order n of the SM2 curve's base point. */
const ORDER = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const OPTIONS = { hash: true, der: true, userId: SM2_DEFAULT_USER_ID } as const;

/** The SPKI PEM of an uncompressed point (`04` and 128 hex digits). */
export function sm2PublicKeyPem(point: string): string {
  if (!/^04[0-9a-fA-F]{128}$/.test(point)) throw new Error('an SM2 public key is 04 and 128 hex digits');
  const der = Buffer.from(`${SPKI_PREFIX}${point}`, 'hex');
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/** The uncompressed point (`04…`, lowercase hex) of an SM2 SPKI PEM, or null when it is not one or not on the curve. */
export function sm2PublicKeyPoint(pem: string): string | null {
  const match = /^-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----$/.exec(pem.trim());
  if (!match) return null;
  const base64 = (match[1] as string).replace(/\s+/g, '');
  const der = Buffer.from(base64, 'base64');
  if (der.toString('base64') !== base64 || der.length !== SPKI_BYTES) return null;
  const hex = der.toString('hex');
  if (!hex.startsWith(`${SPKI_PREFIX}04`)) return null;
  const point = hex.slice(SPKI_PREFIX.length);
  try {
    return sm2.verifyPublicKey(point) ? point : null;
  } catch {
    return null;
  }
}

/** One DER INTEGER at `at` in minimal form, positive and below the curve order (1 ≤ v < n); its end, or null. */
function derScalar(der: Uint8Array, at: number): number | null {
  if (der[at] !== 0x02) return null;
  const length = der[at + 1] ?? 0;
  const start = at + 2;
  const end = start + length;
  if (length < 1 || length > 33 || end > der.length) return null;
  const first = der[start] as number;
  if (first & 0x80) return null; // negative
  if (first === 0 && (length === 1 || !((der[start + 1] as number) & 0x80))) return null; // zero, or a needless leading 00
  const value = BigInt(`0x${Buffer.from(der.subarray(start, end)).toString('hex')}`);
  return value >= 1n && value < ORDER ? end : null;
}

/** Whether the bytes are exactly a DER `SEQUENCE { r, s }` with 1 ≤ r, s < n (one encoding per signature: no malleable twins). */
export function isSm2Signature(der: Uint8Array): boolean {
  if (der.length < 8 || der.length > 72 || der[0] !== 0x30 || der[1] !== der.length - 2) return false;
  const afterR = derScalar(der, 2);
  return afterR !== null && derScalar(der, afterR) === der.length;
}

/** Whether the text is a usable private scalar: 64 hex digits, 1 ≤ d ≤ n − 2. */
function isPrivateKey(privateKey: unknown): privateKey is string {
  if (typeof privateKey !== 'string' || !/^[0-9a-fA-F]{64}$/.test(privateKey)) return false;
  const d = BigInt(`0x${privateKey}`);
  return d >= 1n && d <= ORDER - 2n;
}

export const sm2Signer: LicenceSignatureProvider = {
  generate() {
    const { publicKey, privateKey } = sm2.generateKeyPairHex();
    return { publicKey: sm2PublicKeyPem(publicKey), privateKey };
  },
  readsPublicKey: (publicKey) => sm2PublicKeyPoint(publicKey) !== null,
  isSignature: isSm2Signature,
  sign(payload, privateKey) {
    if (!isPrivateKey(privateKey)) return null;
    try {
      return Buffer.from(sm2.doSignature(payload, privateKey.toLowerCase(), OPTIONS), 'hex');
    } catch {
      return null;
    }
  },
  verify(payload, publicKey, signature) {
    const point = sm2PublicKeyPoint(publicKey);
    if (point === null || !isSm2Signature(signature)) return false;
    try {
      return sm2.doVerifySignature(payload, Buffer.from(signature).toString('hex'), point, OPTIONS);
    } catch {
      return false;
    }
  },
};
