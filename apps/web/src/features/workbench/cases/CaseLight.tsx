import type { CaseSummary } from '@tongban/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DeadlineLight } from '../Lights.tsx';

/** The light with its meaning and the working days left, in words (never colour alone). */
export function CaseLight({ light, remaining }: { light: CaseSummary['light']; remaining: number | null }) {
  const { t } = useTranslation();
  if (!light) return <span className="tb-muted">{t('workbenchCases.noClock')}</span>;
  return <DeadlineLight light={light} label={`${t(`workbenchCases.light.${light}`)} · ${remainingText(t, remaining)}`} />;
}

export function remainingText(t: TFunction, remaining: number | null): string {
  if (remaining === null) return t('workbenchCases.noClock');
  if (remaining < 0) return t('workbenchCases.overdueDays', { count: -remaining });
  if (remaining === 0) return t('workbenchCases.dueToday');
  return t('workbenchCases.remainingDays', { count: remaining });
}
