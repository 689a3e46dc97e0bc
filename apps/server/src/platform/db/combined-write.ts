/**
 * Several writes as one statement: each is a data-modifying common table expression
 * (`with a as (insert …), b as (update …) select …`). PostgreSQL runs every one of them exactly
 * once, on one snapshot, and the statement commits or fails as a whole, so writes that need
 * nothing read back between them cost one round trip instead of one each plus BEGIN and COMMIT.
 * A step may read what an earlier step returns (`select … from <its name>`), never the rows it
 * wrote through the table itself.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from './client.ts';

/** One data-modifying statement (INSERT, UPDATE or DELETE, with RETURNING where a later step reads it), named in the statement. */
export interface WriteStep {
  /** Unique within the statement; steps of a module take its prefix (`audit_head`, `messages_staff_1` …). */
  name: string;
  sql: SQL;
}

/** `with <steps> <result>`; `result` is the final SELECT (it may read the steps' RETURNING rows). */
export function combinedWrite(steps: readonly WriteStep[], result: SQL = sql`select 1`): SQL {
  if (steps.length === 0) return result;
  const names = new Set<string>();
  for (const step of steps) {
    if (!/^[a-z_][a-z0-9_]*$/.test(step.name) || names.has(step.name)) throw new Error(`write step name "${step.name}" is invalid or taken twice`);
    names.add(step.name);
  }
  return sql`with ${sql.join(
    steps.map((s) => sql`${sql.raw(s.name)} as (${s.sql})`),
    sql`, `,
  )} ${result}`;
}

/** Runs the steps as one statement (on their own they are a transaction; inside one, part of it). */
export async function runCombined(db: Executor, steps: readonly WriteStep[]): Promise<void> {
  if (steps.length) await db.execute(combinedWrite(steps));
}
