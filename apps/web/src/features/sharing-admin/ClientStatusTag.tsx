import type { SharingClientStatus } from '@tongban/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** 启用中 / 已停用: the word carries the meaning, the colour only repeats it. */
export function ClientStatusTag({ status }: { status: SharingClientStatus }) {
  const { t } = useTranslation();
  return (
    <Tag className={`tb-sa-status tb-sa-status-${status}`}>{t(status === 'active' ? 'sharingAdmin.clients.active' : 'sharingAdmin.clients.suspended')}</Tag>
  );
}
