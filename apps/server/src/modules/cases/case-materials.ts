/** Checks of the materials of a case against the item's list (申请材料), pure. */
import type { Material, SubmittedMaterial } from '@tongban/contracts';

export interface Issue {
  path: string;
  code: string;
  message: string;
}

const issue = (path: string, message: string): Issue => ({ path, code: 'custom', message });

/**
 * What is wrong with a list of materials, and the full list it makes: every material of the
 * item once, `missing` where the list says nothing. 容缺 only for deferrable materials,
 * 告知承诺 only where a commitment is allowed, the licence library only for its materials.
 */
export function checkMaterials(specs: readonly Material[], given: readonly SubmittedMaterial[], path = 'materials') {
  const issues: Issue[] = [];
  const byKey = new Map(specs.map((m) => [m.key, m]));
  const seen = new Set<string>();
  given.forEach((g, i) => {
    const at = `${path}.${i}.materialKey`;
    const spec = byKey.get(g.materialKey);
    if (!spec) return issues.push(issue(at, 'cases.unknownMaterial'));
    if (seen.has(g.materialKey)) return issues.push(issue(at, 'cases.materialTwice'));
    seen.add(g.materialKey);
    if (g.provided === 'deferred' && spec.necessity !== 'deferrable') issues.push(issue(`${path}.${i}.provided`, 'cases.notDeferrable'));
    if (g.provided === 'commitment' && !spec.commitmentAllowed) issues.push(issue(`${path}.${i}.provided`, 'cases.noCommitment'));
    if (g.provided === 'licence' && spec.source !== 'licence_library') issues.push(issue(`${path}.${i}.provided`, 'cases.notFromLibrary'));
    return undefined;
  });
  const provided = new Map(given.map((g) => [g.materialKey, g.provided]));
  const list: SubmittedMaterial[] = specs.map((m) => ({ materialKey: m.key, provided: provided.get(m.key) ?? 'missing' }));
  return { issues, list };
}

/** `current` with the entries of `changes` replacing those of the same material. */
export function mergeMaterials(current: readonly SubmittedMaterial[], changes: readonly SubmittedMaterial[]): SubmittedMaterial[] {
  const changed = new Map(changes.map((c) => [c.materialKey, c.provided]));
  return current.map((m) => ({ materialKey: m.materialKey, provided: changed.get(m.materialKey) ?? m.provided }));
}

/**
 * Materials that must be there to accept: required or deferrable ones that are neither
 * provided nor deferred nor committed. The application form itself (source `online_form`: the
 * form data is it) and documents other departments share (source `government`: 部门共享, never
 * asked of the applicant) do not count.
 */
export function missingForAcceptance(specs: readonly Material[], list: readonly SubmittedMaterial[]): string[] {
  const provided = new Map(list.map((m) => [m.materialKey, m.provided]));
  return specs
    .filter((m) => m.necessity !== 'optional' && m.source !== 'online_form' && m.source !== 'government')
    .filter((m) => (provided.get(m.key) ?? 'missing') === 'missing')
    .map((m) => m.key);
}

export const keysProvidedAs = (list: readonly SubmittedMaterial[], how: SubmittedMaterial['provided']): string[] =>
  list.filter((m) => m.provided === how).map((m) => m.materialKey);
