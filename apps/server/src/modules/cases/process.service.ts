/** Process definitions (办理流程) of implementation items: versioned, validated, pinned by each case. */
import { LRUCache } from 'lru-cache';
import { processDefinitionSchema, type ProcessRecord, type ProcessVersionSummary, type SaveProcess } from '@tongban/contracts';
import { defaultProcess, validateProcess, type ProcessDefinition, type ProcessProblem, type ProcessStep } from '@tongban/domain';
import type { Db, Executor } from '../../platform/db/client.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/policy.ts';
import { canMaintainProcess } from './cases.policy.ts';
import { processRepository as repo, type ProcessRow } from './process.repository.ts';

type Meta = { requestId?: string; ip?: string };
type ItemFacts = NonNullable<Awaited<ReturnType<typeof repo.item>>>;

const stepsOf = (def: ProcessDefinition): { step: ProcessStep; path: string }[] =>
  def.stages.flatMap((stage, i) =>
    stage.type === 'step'
      ? [{ step: stage.step, path: `definition.stages.${i}.step` }]
      : stage.branches.map((step, j) => ({ step, path: `definition.stages.${i}.branches.${j}` })),
  );

/** The departments a definition names (beyond the item's own). */
export function processDepartments(def: ProcessDefinition): string[] {
  return [...new Set(stepsOf(def).flatMap(({ step }) => (step.departmentId ? [step.departmentId] : [])))];
}

function rulesBroken(problems: ProcessProblem[]): AppError {
  return new AppError('PROCESS_RULES_BROKEN', {
    issues: problems.map((p) => ({ path: `definition.${p.path}`, code: p.rule, message: `process.rule.${p.rule}` })),
  });
}

/** Every problem of a definition: the domain's rules, and each department once per parallel block, the item's own (null) included. */
function problemsOf(def: ProcessDefinition, ownDepartment: string): ProcessProblem[] {
  const problems = validateProcess(def);
  const seen = new Set(problems.map((p) => `${p.rule}@${p.path}`));
  return [...problems, ...parallelDepartmentProblems(def, ownDepartment).filter((p) => !seen.has(`${p.rule}@${p.path}`))];
}

/** A parallel block names each department once, the item's own (null) included. */
function parallelDepartmentProblems(def: ProcessDefinition, ownDepartment: string): ProcessProblem[] {
  return def.stages.flatMap((stage, i): ProcessProblem[] => {
    if (stage.type !== 'parallel') return [];
    const ids = stage.branches.map((b) => b.departmentId ?? ownDepartment);
    return new Set(ids).size === ids.length ? [] : [{ path: `stages.${i}.branches`, rule: 'parallel-departments' }];
  });
}

function toSummary(row: ProcessRow): ProcessVersionSummary {
  return { version: row.version, origin: row.origin, createdAt: row.createdAt.toISOString(), createdByName: row.createdByName };
}

export function createProcessService({ db, now }: { db: Db; now: () => Date }) {
  const pinnedVersions = new LRUCache<string, ProcessDefinition>({ max: 2000 });
  async function maintained(actor: Actor, itemId: string): Promise<ItemFacts> {
    const item = await repo.item(db, itemId);
    if (!item || !canMaintainProcess(actor, item)) throw notFound('item');
    return item;
  }

  const record = (item: ItemFacts, row: ProcessRow | undefined): ProcessRecord => ({
    itemId: item.id,
    implCode: item.implCode,
    itemName: item.name,
    version: row?.version ?? null,
    isDefault: !row || row.origin === 'default',
    definition: processDefinitionSchema.parse(row?.definition ?? defaultProcess(item.caseType ?? '2')),
    createdAt: row?.createdAt.toISOString() ?? null,
    createdByName: row?.createdByName ?? null,
  });

  return {
    /** The definition the next case of the item will pin: the latest version, or the default. */
    async current(actor: Actor, itemId: string): Promise<ProcessRecord> {
      const item = await maintained(actor, itemId);
      return record(item, await repo.latest(db, itemId));
    },

    async versions(actor: Actor, itemId: string): Promise<ProcessVersionSummary[]> {
      await maintained(actor, itemId);
      return (await repo.versions(db, itemId)).map(toSummary);
    },

    async version(actor: Actor, itemId: string, version: number): Promise<ProcessRecord> {
      const item = await maintained(actor, itemId);
      const row = await repo.version(db, itemId, version);
      if (!row) throw notFound('version');
      return record(item, row);
    },

    /**
     * Saves version n+1 after the rules (422 PROCESS_RULES_BROKEN listing each) and the
     * departments it names (400). `baseVersion` must be the latest version (409 otherwise).
     */
    async save(actor: Actor, itemId: string, input: SaveProcess, meta: Meta): Promise<ProcessRecord> {
      const item = await maintained(actor, itemId);
      const def = input.definition;
      const problems = problemsOf(def, item.departmentId);
      if (problems.length) throw rulesBroken(problems);
      const named = stepsOf(def).filter(({ step }) => step.departmentId !== null);
      const known = await repo.existingDepartments(db, [...new Set(named.map(({ step }) => step.departmentId!))]);
      const unknown = named.filter(({ step }) => !known.has(step.departmentId!));
      if (unknown.length)
        throw new AppError('VALIDATION_FAILED', {
          issues: unknown.map(({ path }) => ({ path: `${path}.departmentId`, code: 'custom', message: 'ref.notFound' })),
        });
      const version = await db.transaction(async (tx) => {
        const latest = await repo.latest(tx, itemId);
        if ((latest?.version ?? null) !== input.baseVersion) throw conflict({ latestVersion: latest?.version ?? null });
        const next = (latest?.version ?? 0) + 1;
        if (!(await repo.insert(tx, { itemId, version: next, definition: def, origin: 'saved', createdBy: actor.id, createdAt: now() }))) throw conflict();
        await appendAudit(
          tx,
          { actorId: actor.id, action: 'process.save', targetType: 'catalog_item', targetId: itemId, ...meta, details: { version: next } },
          now(),
        );
        return next;
      });
      return record(item, await repo.version(db, itemId, version));
    },

    /** The definition a new case pins (inside its transaction): the latest version, stored as version 1 from the default when there is none. */
    async pinForCase(tx: Executor, itemId: string, caseType: string): Promise<{ version: number; definition: ProcessDefinition }> {
      let latest = await repo.latest(tx, itemId);
      if (!latest) {
        await repo.insert(tx, { itemId, version: 1, definition: defaultProcess(caseType), origin: 'default', createdBy: null, createdAt: now() });
        latest = await repo.latest(tx, itemId);
      }
      if (!latest) throw new Error(`no process definition for item ${itemId}`);
      return { version: latest.version, definition: latest.definition };
    },

    /** A pinned version, as a case reads it. */
    /** A version a case pinned. Versions never change (a trigger refuses it), so they are kept in memory once read. */
    async pinned(tx: Executor, itemId: string, version: number): Promise<ProcessDefinition> {
      const key = `${itemId}:${version}`;
      const known = pinnedVersions.get(key);
      if (known) return known;
      const row = await repo.version(tx, itemId, version);
      if (!row) throw new Error(`item ${itemId} has no process version ${version}`);
      pinnedVersions.set(key, row.definition);
      return row.definition;
    },

    /** Demo seed: stores a definition as the item's next version after the same rules. */
    async seed(tx: Executor, input: { baseCode: string; departmentId: string; definition: ProcessDefinition }): Promise<void> {
      const itemId = await repo.itemIdByBaseCode(tx, input.baseCode, input.departmentId);
      if (!itemId) throw new Error(`demo process: no item ${input.baseCode}`);
      const problems = problemsOf(input.definition, input.departmentId);
      if (problems.length) throw new Error(`demo process for ${input.baseCode}: ${problems.map((p) => `${p.rule}@${p.path}`).join(', ')}`);
      const latest = await repo.latest(tx, itemId);
      await repo.insert(tx, { itemId, version: (latest?.version ?? 0) + 1, definition: input.definition, origin: 'seed', createdBy: null, createdAt: now() });
    },
  };
}

export type ProcessService = ReturnType<typeof createProcessService>;
