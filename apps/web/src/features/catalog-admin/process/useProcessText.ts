import { useQueries } from '@tanstack/react-query';
import { fieldMessage, type TimeLimit } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { getDepartment, processKeys } from './api.ts';
import { shareAmount, type Definition, type Problem, type StepKind, type StepRole, type JoinRule } from './model.ts';

/** Names of departments by id (GET /api/org/departments/:id, cached); undefined while loading or unknown. */
export function useDepartmentNames(ids: readonly (string | null)[]): (id: string) => string | undefined {
  const unique = [...new Set(ids.filter((id): id is string => !!id))].sort();
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: processKeys.department(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => getDepartment(id, signal),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  const names = new Map<string, string>();
  results.forEach((r, n) => {
    const id = unique[n];
    if (id && r.data) names.set(id, r.data.shortName ?? r.data.name);
  });
  return (id) => names.get(id);
}

/** Every department id a definition names. */
export const departmentIdsOf = (def: Definition | undefined): string[] =>
  (def?.stages ?? []).flatMap((s) => (s.type === 'step' ? [s.step] : s.branches)).flatMap((st) => (st.departmentId ? [st.departmentId] : []));

const fieldLabels = ['name', 'kind', 'role', 'departmentId', 'sharePercent', 'key', 'join'] as const;
type FieldLabel = (typeof fieldLabels)[number];
const isFieldLabel = (s: string | undefined): s is FieldLabel => fieldLabels.includes(s as FieldLabel);

/** The words of the process editor: kinds, roles, joins, time shares, problems and where they are. */
export function useProcessText() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.resolvedLanguage ?? i18n.language).startsWith('en') ? 'en' : 'zh';

  const kind = (k: StepKind) => t(`processEditor.kinds.${k}`);
  const role = (r: string) => t(`roles.${r as StepRole}`);
  const join = (j: JoinRule) => t(`processEditor.join.${j}`);

  /** '6 个工作日' for a share of the limit; null when the limit is unknown. */
  const amount = (limit: Pick<TimeLimit, 'value' | 'unit'> | null | undefined, percent: number): string | null => {
    const a = shareAmount(limit, percent);
    if (!a) return null;
    if (a.unit === 'immediate') return t('processEditor.limit.immediate');
    return t(`processEditor.limit.${a.unit}`, { n: a.amount });
  };

  const limitText = (limit: Pick<TimeLimit, 'value' | 'unit'> | null | undefined): string =>
    !limit
      ? t('processEditor.limit.unknown')
      : limit.unit === 'immediate'
        ? t('processEditor.limit.immediate')
        : t(`processEditor.limit.${limit.unit}`, { n: limit.value });

  const message = (p: Problem): string => {
    if (p.message) return p.message;
    if (p.rule === 'name-required' || p.rule === 'name-length') return t(`processEditor.rules.${p.rule}`);
    return fieldMessage(`process.rule.${p.rule}`, lang) ?? t('processEditor.rules.unknown');
  };

  /** Where a problem is, in words: '第 3 阶段“联合现场核查” · 部门 2“从业人员健康核验” · 时限占比'. */
  const where = (p: Problem, def: Definition): string => {
    const parts = p.path.split('.');
    if (parts[0] !== 'stages' || parts.length < 2) return t('processEditor.where.whole');
    const i = Number(parts[1]);
    const stage = def.stages[i];
    const stageName = stage ? (stage.type === 'step' ? stage.step.name : stage.name) : '';
    const out = [t('processEditor.where.stage', { n: i + 1, name: stageName })];
    let rest = parts.slice(2);
    if (rest[0] === 'step') rest = rest.slice(1);
    else if (rest[0] === 'branches') {
      const j = Number(rest[1]);
      if (Number.isInteger(j) && stage?.type === 'parallel') {
        out.push(t('processEditor.where.branch', { n: j + 1, name: stage.branches[j]?.name ?? '' }));
        rest = rest.slice(2);
      } else {
        out.push(t('processEditor.where.branches'));
        rest = [];
      }
    }
    if (isFieldLabel(rest[0])) out.push(t(`processEditor.fields.${rest[0]}`));
    return out.join(' · ');
  };

  return { kind, role, join, amount, limitText, message, where };
}
