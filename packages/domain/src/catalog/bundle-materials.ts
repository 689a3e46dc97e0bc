// 一件事 材料合并: one merged, de-duplicated list of materials for a bundle of items.

/** Structural view of a material (the contract's `Material` satisfies it). */
export interface BundleMaterialInput {
  name: string;
  kind: 'original' | 'copy' | 'original_and_copy' | 'original_or_copy';
  form: 'paper' | 'electronic' | 'paper_and_electronic';
  originalCopies: number;
  copyCopies: number;
  necessity: 'required' | 'optional' | 'deferrable';
  source: 'applicant' | 'government' | 'licence_library' | 'online_form';
  licenceType: string | null;
  commitmentAllowed: boolean;
}

export interface MergedMaterial<M extends BundleMaterialInput> extends BundleMaterialInput {
  /** What made two materials the same: `licence:<type>` or `name:<name>`. */
  key: string;
  /** The items that ask for it, in bundle order. */
  usedBy: { implCode: string; name: string }[];
  /** The first item's own description of it (filling notes, samples …). */
  first: M;
}

const necessityStrength = { optional: 0, deferrable: 1, required: 2 } as const;
const hasOriginal = (k: BundleMaterialInput['kind']) => k === 'original' || k === 'original_and_copy';
const hasCopy = (k: BundleMaterialInput['kind']) => k === 'copy' || k === 'original_and_copy';

/** Two materials are the same when they are the same licence type, or (otherwise) carry the same name. */
export function materialIdentity(m: Pick<BundleMaterialInput, 'name' | 'source' | 'licenceType'>): string {
  if (m.source === 'licence_library' && m.licenceType) return `licence:${m.licenceType}`;
  return `name:${m.name.replace(/\s+/g, '')}`;
}

function strictestKind(a: BundleMaterialInput['kind'], b: BundleMaterialInput['kind']): BundleMaterialInput['kind'] {
  if (a === b) return a;
  const original = hasOriginal(a) || hasOriginal(b);
  const copy = hasCopy(a) || hasCopy(b);
  if (original && copy) return 'original_and_copy';
  if (original) return 'original';
  return copy ? 'copy' : 'original_or_copy';
}

function widestForm(a: BundleMaterialInput['form'], b: BundleMaterialInput['form']): BundleMaterialInput['form'] {
  return a === b ? a : 'paper_and_electronic';
}

/**
 * Merges the materials of a bundle's items: each material once, asked for as strictly as the
 * strictest item asks (必要 over 容缺后补 over 非必要, original over copy, the most copies), a
 * written commitment only when every item accepts one, and the list of items that need it.
 */
export function mergeBundleMaterials<M extends BundleMaterialInput>(items: { implCode: string; name: string; materials: M[] }[]): MergedMaterial<M>[] {
  const merged = new Map<string, MergedMaterial<M>>();
  for (const item of items) {
    for (const m of item.materials) {
      const key = materialIdentity(m);
      const seen = merged.get(key);
      if (!seen) {
        merged.set(key, {
          key,
          name: m.name,
          kind: m.kind,
          form: m.form,
          originalCopies: m.originalCopies,
          copyCopies: m.copyCopies,
          necessity: m.necessity,
          source: m.source,
          licenceType: m.licenceType,
          commitmentAllowed: m.commitmentAllowed,
          usedBy: [{ implCode: item.implCode, name: item.name }],
          first: m,
        });
        continue;
      }
      seen.kind = strictestKind(seen.kind, m.kind);
      seen.form = widestForm(seen.form, m.form);
      seen.originalCopies = Math.max(seen.originalCopies, m.originalCopies);
      seen.copyCopies = Math.max(seen.copyCopies, m.copyCopies);
      if (necessityStrength[m.necessity] > necessityStrength[seen.necessity]) seen.necessity = m.necessity;
      seen.commitmentAllowed = seen.commitmentAllowed && m.commitmentAllowed;
      if (!seen.usedBy.some((u) => u.implCode === item.implCode)) seen.usedBy.push({ implCode: item.implCode, name: item.name });
    }
  }
  return [...merged.values()];
}
