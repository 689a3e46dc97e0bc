import { useTranslation } from 'react-i18next';
import type { TimeLimit } from '../catalog/vocab.ts';

/** A time limit in words: 即办, 5个工作日, 20个自然日, 3个月, 1年. */
export function useLimitText(): (limit: TimeLimit) => string {
  const { t } = useTranslation();
  return (limit) => {
    switch (limit.unit) {
      case 'immediate':
        return t('guide.limits.immediate');
      case 'working_day':
        return t('guide.limits.workingDay', { count: limit.value });
      case 'natural_day':
        return t('guide.limits.naturalDay', { count: limit.value });
      case 'month':
        return t('guide.limits.month', { count: limit.value });
      case 'year':
        return t('guide.limits.year', { count: limit.value });
    }
  };
}
