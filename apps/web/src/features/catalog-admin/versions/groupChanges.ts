import type { ItemContent } from '@tongban/contracts';
import type { DiffEntry } from '../api.ts';

/** One change in words-to-be: a part of an element, or a row of a list added, removed or changed. */
export interface Change {
  kind: 'added' | 'removed' | 'changed' | 'order';
  /** Row of a list: a material's name (keyed) or an index ('0'). */
  row?: string;
  /** Part inside the element or the row ('value', 'standard', 'properties.x.title'). */
  part?: string;
  before?: unknown;
  after?: unknown;
}

export interface ChangeGroup {
  field: string;
  changes: Change[];
}

/** Lists of plain values: shown whole, before and after, rather than item by item. */
const valueLists = new Set(['exerciseLevels', 'jointDepartments', 'onlineDepth', 'serviceObjects', 'personThemes', 'businessThemes', 'keywords']);
const rowLists = new Set(['materials', 'fees', 'faq', 'procedure']);

const KEYED = /^([A-Za-z]+)\[([^\]]+)\](?:\.(.+))?$/;

/**
 * Groups the server's diff (`diffContent`: 'legalLimit.value', 'materials[id_card].name',
 * 'fees.2', 'materials.$order') by element, naming materials by their name in either version.
 */
export function groupChanges(entries: DiffEntry[], before?: ItemContent, after?: ItemContent): ChangeGroup[] {
  const groups = new Map<string, Change[]>();
  const add = (field: string, change: Change) => groups.set(field, [...(groups.get(field) ?? []), change]);
  const materialName = (key: string) => after?.materials.find((m) => m.key === key)?.name ?? before?.materials.find((m) => m.key === key)?.name ?? key;
  const kindOf = (e: DiffEntry): Change['kind'] => (e.before === undefined ? 'added' : e.after === undefined ? 'removed' : 'changed');

  for (const e of entries) {
    const keyed = KEYED.exec(e.path);
    if (keyed) {
      const [, field = '', key = '', part] = keyed;
      add(field, {
        kind: part ? 'changed' : kindOf(e),
        row: field === 'materials' ? materialName(key) : key,
        ...(part ? { part } : {}),
        before: e.before,
        after: e.after,
      });
      continue;
    }
    const [field = '', ...rest] = e.path.split('.');
    if (rest[0] === '$order') {
      add(field, { kind: 'order' });
      continue;
    }
    if (valueLists.has(field)) {
      if (!groups.has(field)) {
        const b = before?.[field as keyof ItemContent];
        const a = after?.[field as keyof ItemContent];
        add(field, before && after ? { kind: 'changed', before: b, after: a } : { kind: kindOf(e), part: rest.join('.'), before: e.before, after: e.after });
      } else if (!(before && after)) {
        add(field, { kind: kindOf(e), part: rest.join('.'), before: e.before, after: e.after });
      }
      continue;
    }
    if (rowLists.has(field) && rest[0] !== undefined && /^\d+$/.test(rest[0])) {
      const [row, ...part] = rest;
      add(field, { kind: part.length === 0 ? kindOf(e) : 'changed', row, ...(part.length ? { part: part.join('.') } : {}), before: e.before, after: e.after });
      continue;
    }
    add(field, { kind: 'changed', ...(rest.length ? { part: rest.join('.') } : {}), before: e.before, after: e.after });
  }
  return [...groups].map(([field, changes]) => ({ field, changes }));
}
