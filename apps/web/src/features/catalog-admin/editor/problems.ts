import type { FieldIssue } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { channels, type Channel } from '../vocab.ts';
import { targetOf, type FieldTarget } from './sections.ts';

const isChannel = (v: unknown): v is Channel => typeof v === 'string' && (channels as string[]).includes(v);

/** One thing to fix, with where to fix it. */
export interface Problem {
  key: string;
  /** What is wrong, in words. */
  message: string;
  /** The field, in words ("承诺办结时限", "申请材料 第2项"). */
  where: string | null;
  target: FieldTarget | null;
  /** Publishing rule id, for rule refusals. */
  rule?: string;
}

interface ClientError {
  name: (string | number)[];
  errors: string[];
}

/** Builds problems from the form's own checks and from the server's issues, with field names in words. */
export function useProblems() {
  const { t } = useTranslation();

  const where = (target: FieldTarget | null): string | null => {
    if (!target) return null;
    const field = t(`catalogAdmin.fields.${target.field}`);
    if (target.row) return t('catalogAdmin.problems.rowOf', { field, n: target.row.index + 1 });
    const [, sub] = target.name;
    if (target.field === 'procedure' && typeof sub === 'number') return t('catalogAdmin.problems.rowOf', { field, n: sub + 1 });
    if ((target.field === 'legalLimit' || target.field === 'promisedLimit') && (sub === 'unit' || sub === 'note'))
      return t('catalogAdmin.problems.partOf', { field, part: t(`catalogAdmin.limit.${sub}`) });
    if (target.field === 'channels' && isChannel(sub)) return t('catalogAdmin.problems.partOf', { field, part: t(`guide.channels.${sub}`) });
    return field;
  };

  return {
    fromClient(fields: ClientError[], procedureLength: number): Problem[] {
      return fields
        .filter((f) => f.errors.length > 0)
        .map((f) => {
          const path = f.name.join('.');
          const target = targetOf(path, procedureLength);
          return { key: path, message: f.errors[0] ?? '', where: where(target), target };
        });
    },
    fromIssues(issues: FieldIssue[], procedureLength: number, rules = false): Problem[] {
      return issues.map((issue, i) => {
        const target = targetOf(issue.path, procedureLength);
        return { key: `${issue.path}-${issue.code}-${i}`, message: issue.message, where: where(target), target, ...(rules ? { rule: issue.code } : {}) };
      });
    },
  };
}
