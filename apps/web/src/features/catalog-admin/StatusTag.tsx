import type { ItemStatus } from '@tongban/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// Darker text than antd's presets, for WCAG AA contrast; the word carries the meaning, not the colour.
const statusClass: Record<ItemStatus, string> = {
  draft: 'tb-ca-status tb-ca-status-draft',
  submitted: 'tb-ca-status tb-ca-status-submitted',
  published: 'tb-ca-status tb-ca-status-published',
  retired: 'tb-ca-status tb-ca-status-retired',
};

export function StatusTag({ status }: { status: ItemStatus }) {
  const { t } = useTranslation();
  return <Tag className={statusClass[status]}>{t(`catalogAdmin.status.${status}`)}</Tag>;
}

/** "公众：第 2 版 · 最新：第 3 版（待发布）" in words. */
export function useVersionText(): (published: number | null, latest: number) => { public: string; latest: string | null } {
  const { t } = useTranslation();
  return (published, latest) => ({
    public: published === null ? t('catalogAdmin.version.notPublished') : t('catalogAdmin.version.public', { version: published }),
    latest: published === latest ? null : t('catalogAdmin.version.pending', { version: latest }),
  });
}
