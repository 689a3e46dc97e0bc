// Licence signatures (证照签名): Ed25519 over `licenceSigningPayload`, with a key ring so keys can
// be rotated while licences signed with a retired key still verify.
//
// node:crypto is reached through `process.getBuiltinModule` when a function runs, not through a
// static import: the web app imports this package's barrel, and a static `node:crypto` import
// would break the browser bundle. Only the server calls these functions. Private keys are not
// stored here: callers pass a KeyObject or a PEM string in.
import type * as NodeCrypto from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { licenceContentProblems, licenceSigningPayload, type LicenceContent, type LicenceContentProblem } from './licence-content.ts';

/**
 * Signature algorithms a key may name. Only 'ed25519' is implemented; 'sm2' (GB/T 32918 with an
 * SM3 digest, as 国密 e-seals use) is reserved and reported as unsupported until a provider exists.
 */
export const LICENCE_SIGNATURE_ALGORITHMS = ['ed25519', 'sm2'] as const;
export type LicenceSignatureAlgorithm = (typeof LICENCE_SIGNATURE_ALGORITHMS)[number];
const IMPLEMENTED: ReadonlySet<LicenceSignatureAlgorithm> = new Set(['ed25519']);

export type LicenceKeyStatus = 'active' | 'retired';

/** A public signing key of the licence library. Exactly one key of a ring is active; retired keys only verify. */
export interface LicenceKey {
  id: string;
  algorithm: LicenceSignatureAlgorithm;
  /** SPKI PEM (`-----BEGIN PUBLIC KEY-----`), or for Ed25519 the raw 32-byte key in base64. */
  publicKey: string;
  status: LicenceKeyStatus;
}

export type LicenceKeyRing = readonly LicenceKey[];

/** A detached signature as stored beside the licence. */
export interface LicenceSignature {
  keyId: string;
  algorithm: LicenceSignatureAlgorithm;
  /** The signature bytes in base64 (64 bytes for Ed25519). */
  value: string;
}

export type LicenceSigningFailure =
  'invalid_content' | 'no_active_key' | 'several_active_keys' | 'duplicate_key_id' | 'unsupported_algorithm' | 'bad_key' | 'key_mismatch';

/** Thrown when a licence cannot be signed, or a key ring is not usable for signing. */
export class LicenceSigningError extends Error {
  constructor(
    readonly reason: LicenceSigningFailure,
    readonly problems: readonly LicenceContentProblem[] = [],
  ) {
    super(`cannot sign licence: ${reason}${problems.length > 0 ? ` (${problems.join(', ')})` : ''}`);
    this.name = 'LicenceSigningError';
  }
}

export type LicenceVerificationFailure =
  | 'unknown_key' // no key of the ring has the signature's key id
  | 'duplicate_key_id' // more than one key has it
  | 'algorithm_mismatch' // the signature and the key name different algorithms
  | 'unsupported_algorithm'
  | 'bad_key' // the ring's public key cannot be read
  | 'malformed_signature' // not canonical base64 of the right length
  | 'malformed_content' // the licence has no canonical form (e.g. NaN in a data field)
  | 'bad_signature'; // the signature does not match: tampered content or a different key

export type LicenceVerification = { ok: true; keyId: string; keyStatus: LicenceKeyStatus } | { ok: false; reason: LicenceVerificationFailure };

/** DER header of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 key bytes follow. */
const ED25519_SPKI_HEADER = '302a300506032b6570032100';
const ED25519_KEY_BYTES = 32;
const ED25519_SIGNATURE_BYTES = 64;

function nodeCrypto(): typeof NodeCrypto {
  return process.getBuiltinModule('node:crypto');
}

/** Bytes of strict base64 (the one canonical encoding), or null. */
function strictBase64(text: string, length: number): Buffer | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === length && bytes.toString('base64') === text ? bytes : null;
}

/** The key's public KeyObject, or null when it cannot be read or is not of the key's algorithm. Never throws. */
function publicKeyObject(key: LicenceKey): KeyObject | null {
  try {
    const text = key.publicKey.trim();
    let keyObject: KeyObject;
    if (text.startsWith('-----BEGIN')) {
      keyObject = nodeCrypto().createPublicKey(text);
    } else {
      const raw = strictBase64(text, ED25519_KEY_BYTES);
      if (raw === null || key.algorithm !== 'ed25519') return null;
      keyObject = nodeCrypto().createPublicKey({ key: Buffer.concat([Buffer.from(ED25519_SPKI_HEADER, 'hex'), raw]), format: 'der', type: 'spki' });
    }
    return keyObject.type === 'public' && keyObject.asymmetricKeyType === key.algorithm ? keyObject : null;
  } catch {
    return null;
  }
}

/** The one active key of the ring. Throws `LicenceSigningError` when there is none, several, or two keys share an id. */
export function activeLicenceKey(ring: LicenceKeyRing): LicenceKey {
  const ids = new Set(ring.map((k) => k.id));
  if (ids.size !== ring.length) throw new LicenceSigningError('duplicate_key_id');
  const active = ring.filter((k) => k.status === 'active');
  if (active.length === 0) throw new LicenceSigningError('no_active_key');
  if (active.length > 1) throw new LicenceSigningError('several_active_keys');
  return active[0] as LicenceKey;
}

/** Key rotation: the new key becomes the active one and every other key is retired (kept, so old signatures still verify). */
export function rotateLicenceKey(ring: LicenceKeyRing, next: Omit<LicenceKey, 'status'>): LicenceKey[] {
  if (ring.some((k) => k.id === next.id)) throw new LicenceSigningError('duplicate_key_id');
  return [...ring.map((k): LicenceKey => ({ ...k, status: 'retired' })), { ...next, status: 'active' }];
}

/** A fresh Ed25519 key pair: the public half as a ring entry (SPKI PEM, active), the private half for the caller to store. */
export function generateLicenceKey(id: string): { key: LicenceKey; privateKey: KeyObject } {
  const { publicKey, privateKey } = nodeCrypto().generateKeyPairSync('ed25519');
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return { key: { id, algorithm: 'ed25519', publicKey: pem, status: 'active' }, privateKey };
}

/**
 * Signs a licence with the ring's active key. `privateKey` is a KeyObject or a PKCS#8 PEM string
 * and must be the private half of the active key. Throws `LicenceSigningError` when the content is
 * inconsistent (`licenceContentProblems`), the ring has no single active key, the algorithm is not
 * implemented, or the private key is unreadable or does not match.
 */
export function signLicence(licence: LicenceContent, ring: LicenceKeyRing, privateKey: KeyObject | string): LicenceSignature {
  const problems = licenceContentProblems(licence);
  if (problems.length > 0) throw new LicenceSigningError('invalid_content', problems);
  const key = activeLicenceKey(ring);
  if (!IMPLEMENTED.has(key.algorithm)) throw new LicenceSigningError('unsupported_algorithm');
  const crypto = nodeCrypto();
  let secret: KeyObject;
  try {
    secret = typeof privateKey === 'string' ? crypto.createPrivateKey(privateKey) : privateKey;
  } catch {
    throw new LicenceSigningError('bad_key');
  }
  if (secret.type !== 'private' || secret.asymmetricKeyType !== key.algorithm) throw new LicenceSigningError('bad_key');
  const publicKey = publicKeyObject(key);
  if (publicKey === null) throw new LicenceSigningError('bad_key');
  const payload = licenceSigningPayload(licence);
  const value = crypto.sign(null, payload, secret);
  if (!crypto.verify(null, payload, publicKey, value)) throw new LicenceSigningError('key_mismatch');
  return { keyId: key.id, algorithm: key.algorithm, value: value.toString('base64') };
}

/**
 * Verifies a licence signature against the key named by its key id, active or retired. Never
 * throws. A valid result says which key signed and whether it is still the active one.
 */
export function verifyLicenceSignature(licence: LicenceContent, signature: LicenceSignature, ring: LicenceKeyRing): LicenceVerification {
  const candidates = ring.filter((k) => k.id === signature.keyId);
  if (candidates.length === 0) return { ok: false, reason: 'unknown_key' };
  if (candidates.length > 1) return { ok: false, reason: 'duplicate_key_id' };
  const key = candidates[0] as LicenceKey;
  if (key.algorithm !== signature.algorithm) return { ok: false, reason: 'algorithm_mismatch' };
  if (!IMPLEMENTED.has(key.algorithm)) return { ok: false, reason: 'unsupported_algorithm' };
  const publicKey = publicKeyObject(key);
  if (publicKey === null) return { ok: false, reason: 'bad_key' };
  const value = typeof signature.value === 'string' ? strictBase64(signature.value, ED25519_SIGNATURE_BYTES) : null;
  if (value === null) return { ok: false, reason: 'malformed_signature' };
  let payload: Uint8Array;
  try {
    payload = licenceSigningPayload(licence);
  } catch {
    return { ok: false, reason: 'malformed_content' };
  }
  let valid: boolean;
  try {
    valid = nodeCrypto().verify(null, payload, publicKey, value);
  } catch {
    valid = false;
  }
  return valid ? { ok: true, keyId: key.id, keyStatus: key.status } : { ok: false, reason: 'bad_signature' };
}
