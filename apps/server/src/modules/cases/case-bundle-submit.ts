/**
 * 一件事一次办: one application that fans out into one case per item of a bundle. Everything is
 * checked before anything is written; the bundle row is written first, then each case through
 * the ordinary submission with a key derived from the bundle's, so that a retry (after a crash
 * or a lost answer) completes the same cases and never makes a second one.
 */
import { createHash } from 'node:crypto';
import type { BundleDetail, CaseBundle, ItemContent, SubmitBundle, SubmitCase, SubmittedMaterialInput } from '@tongban/contracts';
import { caseStatusNames } from '@tongban/contracts';
import { chinaToday, materialIdentity } from '@tongban/domain';
import { canonicalJson } from '../../platform/audit/audit.ts';
import { AppError, notFound, pgErrorCode } from '../../platform/errors.ts';
import { validateFormData } from '../../platform/forms/form-schema.ts';
import type { Actor } from '../../platform/http/policy.ts';
import { materialFileIssues, noFiles } from './case-draft-files.ts';
import type { CasesDeps, Meta } from './case-engine.ts';
import { checkMaterials, type Issue } from './case-materials.ts';
import { caseBundlesRepository as bundles, type CaseBundleRow } from './case-bundles.repository.ts';
import { casesRepository as repo } from './cases.repository.ts';

type Submit = (actor: Actor, input: SubmitCase, headerKey: string | undefined, meta: Meta) => Promise<{ caseNo: string; created: boolean }>;

const invalid = (issues: Issue[]) => new AppError('VALIDATION_FAILED', { issues });
const issue = (path: string, message: string): Issue => ({ path, code: 'custom', message });

/** The fields of the shared form that an item's own form defines. */
function formFor(content: ItemContent, formData: Record<string, unknown>): Record<string, unknown> {
  const own = Object.keys(content.formSchema.properties ?? {});
  return Object.fromEntries(Object.entries(formData).filter(([key]) => own.includes(key)));
}

/** An item's materials from the bundle's merged ones, remembering where each came from. */
function materialsFor(content: ItemContent, given: SubmitBundle['materials']) {
  const byKey = new Map(given.map((m, i) => [m.key, i]));
  const list: SubmittedMaterialInput[] = [];
  const origin: number[] = [];
  for (const m of content.materials) {
    const at = byKey.get(materialIdentity(m));
    if (at === undefined) continue;
    const g = given[at]!;
    list.push({ materialKey: m.key, provided: g.provided, files: g.files });
    origin.push(at);
  }
  return { list, origin };
}

export function createBundleSubmit(deps: CasesDeps, submit: Submit) {
  const { db, now, catalog } = deps;

  async function present(row: CaseBundleRow): Promise<CaseBundle> {
    const members = await bundles.members(db, row.id);
    return {
      bundleNo: row.bundleNo,
      bundleKey: row.bundleKey,
      bundleName: row.bundleName,
      createdAt: row.createdAt.toISOString(),
      cases: members.map((m) => ({ ...m, statusName: caseStatusNames[m.status] })),
    };
  }

  /** Every problem of the request, across all items, in the request's own paths (nothing is written). */
  async function check(actor: Actor, input: SubmitBundle, bundle: BundleDetail) {
    const known = new Set(bundle.materials.map((m) => m.key));
    const issues: Issue[] = input.materials.flatMap((m, i) => (known.has(m.key) ? [] : [issue(`materials.${i}.key`, 'cases.unknownMaterial')]));
    const plans = [];
    for (const summary of bundle.items) {
      const { content } = await catalog.guide(summary.implCode);
      const formData = formFor(content, input.formData);
      for (const p of validateFormData(content.formSchema, formData))
        issues.push({ path: ['formData', p.path].filter(Boolean).join('.'), code: p.keyword, message: 'cases.formField' });
      const { list, origin } = materialsFor(content, input.materials);
      for (const i of checkMaterials(content.materials, list, 'm').issues)
        issues.push({ ...i, path: i.path.replace(/^m\.(\d+)/, (_all, n: string) => `materials.${origin[Number(n)]}`) });
      plans.push({ implCode: summary.implCode, formData, materials: list });
    }
    const fileIssues = await materialFileIssues(
      deps.files ?? noFiles,
      actor.id,
      input.materials.map((m) => ({ ...m, materialKey: m.key })),
      { requireFiles: input.channel !== 'window' },
    );
    const unique = new Map([...issues, ...fileIssues].map((i) => [`${i.path}:${i.message}`, i]));
    if (unique.size) throw invalid([...unique.values()]);
    return plans;
  }

  /** The bundle row of this request: the one a retry finds, or a new one. */
  async function bundleRow(actor: Actor, input: SubmitBundle, bundle: BundleDetail, requestHash: string): Promise<CaseBundleRow> {
    const at = now();
    const today = chinaToday(at);
    try {
      return await db.transaction(async (tx) => {
        const seq = await repo.nextSequence(tx, 'YJS', today);
        return bundles.insert(tx, {
          bundleNo: `YJS-${today.replaceAll('-', '')}-${String(seq).padStart(6, '0')}`,
          bundleKey: bundle.key,
          bundleName: bundle.name,
          submittedBy: actor.id,
          applicantAccountId: actor.roles.includes('applicant') ? actor.id : null,
          idempotencyKey: input.idempotencyKey,
          requestHash,
          implCodes: bundle.items.map((i) => i.implCode),
          createdAt: at,
        });
      });
    } catch (err) {
      const winner = pgErrorCode(err) === '23505' ? await bundles.byKey(db, actor.id, input.idempotencyKey) : undefined;
      if (winner) return winner;
      throw err;
    }
  }

  return {
    /** Submits (or completes, on a retry) a bundle application: one case per item. `created` is false for a retry. */
    async submit(actor: Actor, input: SubmitBundle, meta: Meta): Promise<{ created: boolean; bundle: CaseBundle }> {
      const { idempotencyKey: _key, ...request } = input;
      const requestHash = createHash('sha256').update(canonicalJson(request)).digest('hex');
      const existing = await bundles.byKey(db, actor.id, input.idempotencyKey);
      if (existing && existing.requestHash !== requestHash)
        throw new AppError('ALREADY_EXISTS', { reason: 'idempotencyKeyReused', bundleNo: existing.bundleNo });
      const bundle = await catalog.bundle(input.bundleKey, input.region);
      if (bundle.items.length === 0) throw notFound('bundle');
      const plans = await check(actor, input, bundle);
      const row = existing ?? (await bundleRow(actor, input, bundle, requestHash));
      let n = 0;
      for (const plan of plans) {
        n += 1;
        const { caseNo } = await submit(
          actor,
          {
            ...plan,
            channel: input.channel,
            delivery: input.delivery,
            onBehalfOf: input.onBehalfOf,
            authorisation: input.authorisation,
            licenceConsent: input.licenceConsent,
            idempotencyKey: `${input.idempotencyKey}.${n}`,
          } as SubmitCase,
          undefined,
          meta,
        );
        await bundles.addMember(db, row.id, n, caseNo);
      }
      return { created: !existing, bundle: await present(row) };
    },

    /** A bundle application, for whoever submitted it or applies through it (404 otherwise). */
    async get(actor: Actor, bundleNo: string): Promise<CaseBundle> {
      const row = await bundles.byNo(db, bundleNo);
      if (!row || (row.submittedBy !== actor.id && row.applicantAccountId !== actor.id)) throw notFound('bundle');
      return present(row);
    },
  };
}
