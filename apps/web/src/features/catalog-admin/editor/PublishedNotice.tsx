import type { ItemVersion } from '@tongban/contracts';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { publicGuidePath, type EditableItem } from '../api.ts';

/**
 * What the public sees while this version is edited: editing a published version makes version
 * n+1, and the public keeps seeing n until n+1 is published.
 */
export function PublishedNotice({ item, dirty, justPublished }: { item: EditableItem; dirty: boolean; justPublished: ItemVersion | null }) {
  const { t } = useTranslation();
  const { current } = item;
  const published = current.item.publishedVersion;
  const guideLink = (
    <Link to={publicGuidePath(current.item.implCode)} data-testid="public-guide-link">
      {t('catalogAdmin.notice.openPublic')}
    </Link>
  );
  if (justPublished) {
    return (
      <Alert
        className="tb-mb"
        type="success"
        showIcon
        data-testid="published-notice"
        title={t('catalogAdmin.done.published', { version: justPublished.version })}
        description={guideLink}
      />
    );
  }
  if (current.item.status === 'retired') {
    return <Alert className="tb-mb" type="warning" showIcon title={t('catalogAdmin.notice.retired')} />;
  }
  if (current.status === 'published') {
    return (
      <Alert
        className="tb-mb"
        type="info"
        showIcon
        title={t(dirty ? 'catalogAdmin.notice.editingPublishedDirty' : 'catalogAdmin.notice.editingPublished', {
          version: current.version,
          next: current.version + 1,
        })}
        description={guideLink}
      />
    );
  }
  if (published === null) return <Alert className="tb-mb" type="info" showIcon title={t('catalogAdmin.notice.neverPublished')} />;
  return (
    <Alert
      className="tb-mb"
      type="info"
      showIcon
      title={t('catalogAdmin.notice.draftOfPublished', { version: current.version, published, status: t(`catalogAdmin.status.${current.status}`) })}
      description={guideLink}
    />
  );
}
