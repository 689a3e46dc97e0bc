import type { CaseStatusCode } from '@tongban/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { statusColor } from './api.ts';

/** A case status in plain words, with the legal term beside it (材料不全，请补充（补正中）). */
export function CaseStatusTag({ status }: { status: CaseStatusCode }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor(status)} className="tb-case-status" data-testid="case-status" data-status={status}>
      {t(`myCases.status.${status}.plain`)}
      <span className="tb-case-legal">{t('myCases.legalTerm', { term: t(`myCases.status.${status}.legal`) })}</span>
    </Tag>
  );
}

/** The working days left in plain words: days left, due today, or late. */
export function useRemainingText() {
  const { t } = useTranslation();
  return (days: number | null): string | null => {
    if (days === null) return null;
    if (days > 0) return t('myCases.remaining', { count: days });
    if (days === 0) return t('myCases.dueToday');
    return t('myCases.overdue', { count: -days });
  };
}
