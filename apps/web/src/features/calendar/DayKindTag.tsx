import type { SpecialDayKindValue } from '@tongban/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** 休 放假 (red) or 班 调休上班 (blue): the kind in words and in colour, never colour alone. */
export function DayKindTag({ kind }: { kind: SpecialDayKindValue }) {
  const { t } = useTranslation();
  return (
    <Tag color={kind === 'day_off' ? 'red' : 'blue'} className="tb-cal-tag">
      <span aria-hidden>{t(`calendar.kindShort.${kind}`)}</span> {t(`calendar.kinds.${kind}`)}
    </Tag>
  );
}
