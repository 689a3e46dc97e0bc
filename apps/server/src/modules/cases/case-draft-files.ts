/**
 * The files of materials (材料附件), for submissions, supplements, drafts and the case page:
 * which uploads a material may carry, and which files belong to a case. The uploads themselves
 * are the files module's, reached through `CaseFiles`.
 */
import type { FileMeta, SubmittedMaterialInput } from '@tongban/contracts';
import type { Issue } from './case-materials.ts';

/** What the cases module needs of uploads (the files module's directory). */
export interface CaseFiles {
  /** The ids among `ids` that are uploads of the account. */
  ownedBy(accountId: string, ids: readonly string[]): Promise<Set<string>>;
  /** Name, size and type of uploads (unknown ids are left out). */
  describe(ids: readonly string[]): Promise<Map<string, FileMeta>>;
  /** An upload with its content, or null. */
  read(id: string): Promise<{ meta: FileMeta; bytes: Buffer } | null>;
}

/** Without a files module nothing is anyone's: every file given is refused. */
export const noFiles: CaseFiles = {
  ownedBy: async () => new Set(),
  describe: async () => new Map(),
  read: async () => null,
};

const issue = (path: string, message: string): Issue => ({ path, code: 'custom', message });

/**
 * What is wrong with the files of a list of materials: files on a material not provided by
 * upload, a file twice in one material, a file that is not an upload of `accountId`, and (when
 * `requireFiles`: the online, kiosk and agent channels, where nothing is checked at a counter)
 * a material provided by upload without any file.
 */
export async function materialFileIssues(
  files: CaseFiles,
  accountId: string,
  materials: readonly SubmittedMaterialInput[],
  { requireFiles, path = 'materials' }: { requireFiles: boolean; path?: string },
): Promise<Issue[]> {
  const owned = await files.ownedBy(
    accountId,
    materials.flatMap((m) => m.files ?? []),
  );
  const issues: Issue[] = [];
  materials.forEach((m, i) => {
    const ids = m.files ?? [];
    if (ids.length > 0 && m.provided !== 'upload') issues.push(issue(`${path}.${i}.files`, 'files.onlyForUpload'));
    else if (ids.length === 0 && m.provided === 'upload' && requireFiles) issues.push(issue(`${path}.${i}.files`, 'files.uploadNeeded'));
    if (new Set(ids).size !== ids.length) issues.push(issue(`${path}.${i}.files`, 'files.twice'));
    ids.forEach((id, j) => {
      if (!owned.has(id)) issues.push(issue(`${path}.${i}.files.${j}`, 'files.notYours'));
    });
  });
  return issues;
}

/** The file ids a list of materials carries. */
export const filesOf = (materials: readonly { files?: readonly string[] | undefined }[]): string[] => materials.flatMap((m) => m.files ?? []);

/**
 * Every file that belongs to a case: those of its materials now, and those it was submitted with
 * or a supplement provided (kept in the events' details, so that earlier files stay readable
 * after a later one replaced them).
 */
export function caseFileIds(c: {
  row: { materials: readonly { files?: readonly string[] }[] };
  events: readonly { details: Record<string, unknown> }[];
}): Set<string> {
  const ids = new Set(filesOf(c.row.materials));
  for (const e of c.events) {
    const submitted = e.details['files'];
    if (Array.isArray(submitted)) for (const id of submitted) if (typeof id === 'string') ids.add(id);
    const listed = e.details['materials'];
    if (!Array.isArray(listed)) continue;
    for (const m of listed as unknown[]) {
      const files = (m as { files?: unknown } | null)?.files;
      if (Array.isArray(files)) for (const id of files) if (typeof id === 'string') ids.add(id);
    }
  }
  return ids;
}
