/**
 * The licence library's signing keys (签名密钥): the ring is read from the database and kept in
 * memory; the first signature creates a key when there is none; rotation adds a new active key
 * and retires the others, which still verify the licences they signed. New keys use the configured
 * algorithm (LICENCE_SIGNING_ALGORITHM): Ed25519 (private key as PKCS#8 PEM) or SM2 (public key as
 * SPKI PEM, private key as 64 hex digits; see sm2-signer.ts).
 */
import { randomBytes } from 'node:crypto';
import { generateLicenceKeyPair, type LicenceKey, type LicenceSignatureAlgorithm, type LicenceSignatureProviders } from '@tongban/domain';
import type { Db, Executor } from '../../platform/db/client.ts';
import { licencesRepository as repo, type LicenceKeyRow } from './licences.repository.ts';
import { sm2Signer } from './sm2-signer.ts';

/**
 * The signature providers beyond the domain's built-in Ed25519: every algorithm the ring may hold
 * verifies, whichever one new keys use (a ring rotated from Ed25519 to SM2 holds both).
 */
export const LICENCE_SIGNERS: LicenceSignatureProviders = { sm2: sm2Signer };

export interface KeyRing {
  keys: LicenceKey[];
  /** The active key's id and its private key (PKCS#8 PEM for Ed25519, hex for SM2). */
  active: { id: string; privateKey: string } | null;
}

const toRing = (rows: LicenceKeyRow[]): KeyRing => {
  const active = rows.find((r) => r.status === 'active');
  return {
    keys: rows.map((r) => ({ id: r.id, algorithm: r.algorithm, publicKey: r.publicKey, status: r.status })),
    active: active ? { id: active.id, privateKey: active.privateKey } : null,
  };
};

export function createKeyRing(db: Db, now: () => Date, algorithm: LicenceSignatureAlgorithm = 'ed25519') {
  let cached: KeyRing | null = null;

  async function addKey(tx: Executor): Promise<string> {
    const at = now();
    const id = `k${at.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
    const { key, privateKey } = generateLicenceKeyPair(id, algorithm, LICENCE_SIGNERS);
    await repo.activateKey(tx, { id, algorithm: key.algorithm, publicKey: key.publicKey, privateKey, status: 'active' }, at);
    return id;
  }

  return {
    /** The ring as it stands (re-read when `fresh`, e.g. for a key id not seen yet). */
    async ring(tx: Executor = db, fresh = false): Promise<KeyRing> {
      if (!cached || fresh) cached = toRing(await repo.keys(tx));
      return cached;
    },
    /** The ring with an active key, in the caller's transaction; the first signature creates the first key. */
    async forSigning(tx: Executor): Promise<KeyRing> {
      const ring = await this.ring(tx);
      if (ring.active) return ring;
      await repo.lockKeys(tx);
      let current = toRing(await repo.keys(tx));
      if (!current.active) {
        await addKey(tx);
        current = toRing(await repo.keys(tx));
      }
      // Read again once committed (a rolled-back key must not be used).
      cached = null;
      return current;
    },
    /** Rotation: a new active key; the previous ones are retired and keep verifying. Returns the new key's id. */
    async rotate(tx: Executor): Promise<string> {
      await repo.lockKeys(tx);
      const id = await addKey(tx);
      cached = null;
      return id;
    },
  };
}

export type LicenceKeyRing = ReturnType<typeof createKeyRing>;
