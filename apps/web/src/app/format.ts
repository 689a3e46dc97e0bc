import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { useTranslation } from 'react-i18next';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Case numbers, documents and deadlines count days in China: instants are shown in its time, whatever the device's zone. */
const CHINA = 'Asia/Shanghai';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date (`2026-03-02`) as it is; an instant in China time. */
function inChina(value: string | number | Date): dayjs.Dayjs {
  return typeof value === 'string' && DATE_ONLY.test(value) ? dayjs(value) : dayjs(value).tz(CHINA);
}

/** Date formatters in the current language (2026年2月27日 in zh-CN). */
export function useFormat() {
  const { t } = useTranslation();
  const fmt = (value: string | number | Date | null | undefined, pattern: string): string =>
    value === null || value === undefined || value === '' ? '' : inChina(value).format(pattern);
  return {
    date: (value: string | number | Date | null | undefined) => fmt(value, t('format.date')),
    dateTime: (value: string | number | Date | null | undefined) => fmt(value, t('format.dateTime')),
    time: (value: string | number | Date | null | undefined) => fmt(value, t('format.time')),
    longDate: (value: string | number | Date | null | undefined) => fmt(value, t('format.longDate')),
  };
}
