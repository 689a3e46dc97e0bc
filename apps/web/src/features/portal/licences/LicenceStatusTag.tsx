import type { LicenceStatusName } from '@tongban/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { licenceStatusColor } from './api.ts';

/** A licence's status today in words (有效, 已撤销 …), coloured. */
export function LicenceStatusTag({ status }: { status: LicenceStatusName }) {
  const { t } = useTranslation();
  return (
    <Tag color={licenceStatusColor(status)} className="tb-licence-status" data-testid="licence-status" data-status={status}>
      {t(`licences.status.${status}`)}
    </Tag>
  );
}
