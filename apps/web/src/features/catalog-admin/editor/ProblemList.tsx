import { CheckCircleFilled } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from './problems.ts';

function GoLink({ problem, onGo, children }: { problem: Problem; onGo: (p: Problem) => void; children: ReactNode }) {
  return (
    <a
      href={`#item_${problem.target?.name.join('_') ?? ''}`}
      onClick={(e) => {
        e.preventDefault();
        onGo(problem);
      }}
    >
      {children}
    </a>
  );
}

/**
 * Problems as a list, each leading to the field that fixes it (switching to its tab). Field
 * problems read "field: what is wrong" as one link (GOV.UK error summary); rule problems say the
 * rule, then "去修改：field". `fixed` marks problems the current text no longer has.
 */
export function ProblemList({
  problems,
  onGo,
  fixed,
  variant = 'fields',
}: {
  problems: Problem[];
  onGo: (p: Problem) => void;
  fixed?: (p: Problem) => boolean;
  variant?: 'fields' | 'rules';
}) {
  const { t } = useTranslation();
  return (
    <ul className="tb-error-list tb-ca-problems">
      {problems.map((p) => {
        const done = fixed?.(p) ?? false;
        const text = variant === 'fields' && p.where ? t('common.labelValue', { label: p.where, value: p.message }) : p.message;
        return (
          <li key={p.key} className={done ? 'tb-ca-problem-fixed' : undefined} data-rule={p.rule}>
            {variant === 'fields' && p.target && !done ? (
              <GoLink problem={p} onGo={onGo}>
                {text}
              </GoLink>
            ) : (
              <span>{text}</span>
            )}
            {done && (
              <span className="tb-ca-fixed">
                <CheckCircleFilled aria-hidden /> {t('catalogAdmin.problems.fixed')}
              </span>
            )}
            {variant === 'rules' && p.target && !done && (
              <>
                {' '}
                <GoLink problem={p} onGo={onGo}>
                  {t('catalogAdmin.problems.goFix', { field: p.where ?? '' })}
                </GoLink>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
