/**
 * Materials taken from the e-licence library (调取电子证照, 免提交): with the applicant's consent,
 * each material provided as `licence` is matched to the newest licence of its type the applicant
 * holds in force, attached by reference, and the use is logged. Unmatched (or without consent),
 * the window checks the original. The library itself is the licences module's, reached through
 * `CaseLicences`.
 */
import type { CaseMaterial, Material } from '@tongban/contracts';
import type { WriteStep } from '../../platform/db/combined-write.ts';
import type { StoredMaterial } from './cases.schema.ts';

export type AttachedLicence = NonNullable<CaseMaterial['licence']>;

/** One use of a licence for a case (用证记录). */
export interface LicenceUse {
  identifier: string;
  caseNo: string;
  implCode: string;
  itemName: string;
  materialKey: string;
  usedBy: string;
  usedByName: string;
  purpose: string;
  at: Date;
}

/** What the cases module needs of the licence library. */
export interface CaseLicences {
  /** The newest licence in force on `today` of each type (by catalog key) the holder has: type key → identifier. */
  inForce(holderIdNumber: string, typeKeys: readonly string[], today: string): Promise<Map<string, string>>;
  /** Logs uses: steps of the statement that writes the case. */
  useSteps(uses: readonly LicenceUse[]): WriteStep[];
  /** Type, status today and signature check of attached licences. */
  describe(identifiers: readonly string[]): Promise<Map<string, AttachedLicence>>;
}

export const noLicences: CaseLicences = {
  inForce: async () => new Map(),
  useSteps: () => [],
  describe: async () => new Map(),
};

/** Attaches the holder's licences to the materials provided as `licence` (none without consent). */
export async function attachLicences(
  licences: CaseLicences,
  specs: readonly Material[],
  materials: readonly StoredMaterial[],
  holder: { idNumber: string; consent: boolean; today: string },
): Promise<StoredMaterial[]> {
  if (!holder.consent) return [...materials];
  const typeOf = new Map(specs.filter((s) => s.source === 'licence_library' && s.licenceType).map((s) => [s.key, s.licenceType!]));
  const wanted = materials.filter((m) => m.provided === 'licence' && typeOf.has(m.materialKey));
  if (wanted.length === 0) return [...materials];
  const found = await licences.inForce(holder.idNumber, [...new Set(wanted.map((m) => typeOf.get(m.materialKey)!))], holder.today);
  return materials.map((m) => {
    const identifier = m.provided === 'licence' ? found.get(typeOf.get(m.materialKey) ?? '') : undefined;
    return identifier ? { ...m, licenceIdentifier: identifier } : m;
  });
}

/** The identifiers of the licences attached to materials. */
export const licencesOf = (materials: readonly StoredMaterial[]): string[] => materials.flatMap((m) => (m.licenceIdentifier ? [m.licenceIdentifier] : []));
