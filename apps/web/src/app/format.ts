import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** Date formatters in the current language (2026年2月27日 in zh-CN). */
export function useFormat() {
  const { t } = useTranslation();
  const fmt = (value: string | number | Date | null | undefined, pattern: string): string =>
    value === null || value === undefined || value === '' ? '' : dayjs(value).format(pattern);
  return {
    date: (value: string | number | Date | null | undefined) => fmt(value, t('format.date')),
    dateTime: (value: string | number | Date | null | undefined) => fmt(value, t('format.dateTime')),
    time: (value: string | number | Date | null | undefined) => fmt(value, t('format.time')),
    longDate: (value: string | number | Date | null | undefined) => fmt(value, t('format.longDate')),
  };
}
