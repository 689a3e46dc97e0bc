// Licence signatures (证照签名) over `licenceSigningPayload`, with a key ring so keys can be rotated
// while licences signed with a retired key still verify. The rules (which key, encodings, failure
// reasons) live here; the cryptography of each algorithm sits behind a `LicenceSignatureProvider`.
// Ed25519 is built in; SM2 is provided by the server (`apps/server/src/modules/licences/sm2-signer.ts`)
// and passed in through the optional `providers` argument.
//
// node:crypto is reached through `process.getBuiltinModule` when a function runs, not through a
// static import: the web app imports this package's barrel, and a static `node:crypto` import
// would break the browser bundle. For the same reason no provider library is imported here. Only
// the server calls these functions. Private keys are not stored here: callers pass them in.
import type * as NodeCrypto from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { licenceContentProblems, licenceSigningPayload, type LicenceContent, type LicenceContentProblem } from './licence-content.ts';

/**
 * Signature algorithms a key may name: 'ed25519' (built in) and 'sm2' (GB/T 32918 with an SM3
 * digest, as 国密 e-seals use; needs a provider, else reported as unsupported).
 */
export const LICENCE_SIGNATURE_ALGORITHMS = ['ed25519', 'sm2'] as const;
export type LicenceSignatureAlgorithm = (typeof LICENCE_SIGNATURE_ALGORITHMS)[number];

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
  /** The signature bytes in canonical base64 (Ed25519: 64 bytes; SM2: DER `SEQUENCE { r, s }`). */
  value: string;
}

/**
 * The cryptography of one algorithm. Every method must return rather than throw on bad input
 * (the domain guards anyway). Keys are text, as the key ring stores them.
 */
export interface LicenceSignatureProvider {
  /** A fresh key pair: the public key as a ring entry holds it, the private key as text for the caller to store. */
  generate(): { publicKey: string; privateKey: string };
  /** Whether the ring's public key text is a readable key of this algorithm. */
  readsPublicKey(publicKey: string): boolean;
  /** Whether decoded signature bytes have this algorithm's form (length, DER …). */
  isSignature(signature: Uint8Array): boolean;
  /** The signature of the payload, or null when the private key is unreadable or of another algorithm. */
  sign(payload: Uint8Array, privateKey: KeyObject | string): Uint8Array | null;
  /** Whether the signature is valid for the payload under the public key. */
  verify(payload: Uint8Array, publicKey: string, signature: Uint8Array): boolean;
}

/** Providers beyond (or replacing) the built-in Ed25519 one, by algorithm. */
export type LicenceSignatureProviders = Partial<Record<LicenceSignatureAlgorithm, LicenceSignatureProvider>>;

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
  | 'unsupported_algorithm' // no provider for the key's algorithm
  | 'bad_key' // the ring's public key cannot be read
  | 'malformed_signature' // not canonical base64 of this algorithm's signature form
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
function strictBase64(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

/** An Ed25519 public KeyObject from SPKI PEM or raw base64, or null. Never throws. */
function ed25519PublicKey(text: string): KeyObject | null {
  try {
    const trimmed = text.trim();
    let keyObject: KeyObject;
    if (trimmed.startsWith('-----BEGIN')) {
      keyObject = nodeCrypto().createPublicKey(trimmed);
    } else {
      const raw = strictBase64(trimmed);
      if (raw === null || raw.length !== ED25519_KEY_BYTES) return null;
      keyObject = nodeCrypto().createPublicKey({ key: Buffer.concat([Buffer.from(ED25519_SPKI_HEADER, 'hex'), raw]), format: 'der', type: 'spki' });
    }
    return keyObject.type === 'public' && keyObject.asymmetricKeyType === 'ed25519' ? keyObject : null;
  } catch {
    return null;
  }
}

/** The built-in Ed25519 provider (node:crypto). Keys: SPKI PEM (or raw base64) public, PKCS#8 PEM or KeyObject private. */
const ed25519Provider: LicenceSignatureProvider = {
  generate() {
    const { publicKey, privateKey } = nodeCrypto().generateKeyPairSync('ed25519');
    return {
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
  },
  readsPublicKey: (publicKey) => ed25519PublicKey(publicKey) !== null,
  isSignature: (signature) => signature.length === ED25519_SIGNATURE_BYTES,
  sign(payload, privateKey) {
    try {
      const secret = typeof privateKey === 'string' ? nodeCrypto().createPrivateKey(privateKey) : privateKey;
      if (secret.type !== 'private' || secret.asymmetricKeyType !== 'ed25519') return null;
      return nodeCrypto().sign(null, payload, secret);
    } catch {
      return null;
    }
  },
  verify(payload, publicKey, signature) {
    const key = ed25519PublicKey(publicKey);
    try {
      return key !== null && nodeCrypto().verify(null, payload, key, signature);
    } catch {
      return false;
    }
  },
};

/** The provider of an algorithm: the caller's, else the built-in Ed25519 one; undefined when there is none. */
function providerFor(algorithm: string, providers: LicenceSignatureProviders): LicenceSignatureProvider | undefined {
  if (!(LICENCE_SIGNATURE_ALGORITHMS as readonly string[]).includes(algorithm)) return undefined;
  const all: LicenceSignatureProviders = { ed25519: ed25519Provider, ...providers };
  return all[algorithm as LicenceSignatureAlgorithm];
}

/** Runs a provider call that should not throw; a throw counts as `fallback`. */
function guarded<T>(call: () => T, fallback: T): T {
  try {
    return call();
  } catch {
    return fallback;
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
 * A fresh key pair of any algorithm with a provider: the public half as a ring entry (active), the
 * private half as text for the caller to store (its form is the provider's: PKCS#8 PEM for
 * Ed25519). Throws `LicenceSigningError('unsupported_algorithm')` when there is no provider.
 */
export function generateLicenceKeyPair(
  id: string,
  algorithm: LicenceSignatureAlgorithm = 'ed25519',
  providers: LicenceSignatureProviders = {},
): { key: LicenceKey; privateKey: string } {
  const provider = providerFor(algorithm, providers);
  if (!provider) throw new LicenceSigningError('unsupported_algorithm');
  const { publicKey, privateKey } = provider.generate();
  return { key: { id, algorithm, publicKey, status: 'active' }, privateKey };
}

/**
 * Signs a licence with the ring's active key. `privateKey` must be the private half of the active
 * key, in a form its provider reads (Ed25519: a KeyObject or a PKCS#8 PEM string). Throws
 * `LicenceSigningError` when the content is inconsistent (`licenceContentProblems`), the ring has
 * no single active key, the algorithm has no provider, or a key is unreadable or does not match.
 */
export function signLicence(
  licence: LicenceContent,
  ring: LicenceKeyRing,
  privateKey: KeyObject | string,
  providers: LicenceSignatureProviders = {},
): LicenceSignature {
  const problems = licenceContentProblems(licence);
  if (problems.length > 0) throw new LicenceSigningError('invalid_content', problems);
  const key = activeLicenceKey(ring);
  const provider = providerFor(key.algorithm, providers);
  if (!provider) throw new LicenceSigningError('unsupported_algorithm');
  const payload = licenceSigningPayload(licence);
  const value = guarded(() => provider.sign(payload, privateKey), null);
  if (value === null || !guarded(() => provider.readsPublicKey(key.publicKey), false)) throw new LicenceSigningError('bad_key');
  if (!guarded(() => provider.verify(payload, key.publicKey, value), false)) throw new LicenceSigningError('key_mismatch');
  return { keyId: key.id, algorithm: key.algorithm, value: Buffer.from(value).toString('base64') };
}

/**
 * Verifies a licence signature against the key named by its key id, active or retired, whatever
 * the algorithm of the active key. Never throws. A valid result says which key signed and whether
 * it is still the active one.
 */
export function verifyLicenceSignature(
  licence: LicenceContent,
  signature: LicenceSignature,
  ring: LicenceKeyRing,
  providers: LicenceSignatureProviders = {},
): LicenceVerification {
  const candidates = ring.filter((k) => k.id === signature.keyId);
  if (candidates.length === 0) return { ok: false, reason: 'unknown_key' };
  if (candidates.length > 1) return { ok: false, reason: 'duplicate_key_id' };
  const key = candidates[0] as LicenceKey;
  if (key.algorithm !== signature.algorithm) return { ok: false, reason: 'algorithm_mismatch' };
  const provider = providerFor(key.algorithm, providers);
  if (!provider) return { ok: false, reason: 'unsupported_algorithm' };
  if (!guarded(() => provider.readsPublicKey(key.publicKey), false)) return { ok: false, reason: 'bad_key' };
  const value = typeof signature.value === 'string' ? strictBase64(signature.value) : null;
  if (value === null || !guarded(() => provider.isSignature(value), false)) return { ok: false, reason: 'malformed_signature' };
  let payload: Uint8Array;
  try {
    payload = licenceSigningPayload(licence);
  } catch {
    return { ok: false, reason: 'malformed_content' };
  }
  const valid = guarded(() => provider.verify(payload, key.publicKey, value), false);
  return valid ? { ok: true, keyId: key.id, keyStatus: key.status } : { ok: false, reason: 'bad_signature' };
}
