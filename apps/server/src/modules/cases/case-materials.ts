/** Checks of the materials of a case against the item's list (申请材料), pure. */
import type { Material, SubmittedMaterial, SubmittedMaterialInput } from '@tongban/contracts';

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
export function checkMaterials(specs: readonly Material[], given: readonly SubmittedMaterialInput[], path = 'materials') {
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
  const givenByKey = new Map(given.map((g) => [g.materialKey, g]));
  const list: SubmittedMaterial[] = specs.map((m) => ({
    materialKey: m.key,
    provided: givenByKey.get(m.key)?.provided ?? 'missing',
    files: givenByKey.get(m.key)?.files ?? [],
  }));
  return { issues, list };
}

/**
 * `current` with the entries of `changes` replacing those of the same material. The files of a
 * change are taken only `withFiles` (a supplement, whose files were checked to be the actor's);
 * otherwise a material keeps its files while its provision stays the same.
 */
export function mergeMaterials(
  current: readonly SubmittedMaterialInput[],
  changes: readonly SubmittedMaterialInput[],
  { withFiles = false }: { withFiles?: boolean } = {},
): SubmittedMaterial[] {
  const changed = new Map(changes.map((c) => [c.materialKey, c]));
  return current.map((m) => {
    const c = changed.get(m.materialKey);
    const provided = c?.provided ?? m.provided;
    const files = withFiles && c?.files?.length ? c.files : provided === m.provided ? (m.files ?? []) : [];
    return { materialKey: m.materialKey, provided, files };
  });
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
