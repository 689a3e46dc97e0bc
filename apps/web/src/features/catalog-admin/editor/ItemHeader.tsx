import type { ItemVersion } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { StatusTag, useVersionText } from '../StatusTag.tsx';

/** Code, department, status and which version the public sees. */
export function ItemHeader({ current }: { current: ItemVersion }) {
  const { t } = useTranslation();
  const versionText = useVersionText();
  const { item } = current;
  const v = versionText(item.publishedVersion, item.latestVersion);
  return (
    <dl className="tb-ca-header">
      <div>
        <dt>{t('catalogAdmin.fields.implCode')}</dt>
        <dd className="tb-mono" data-testid="item-impl-code">
          {item.implCode}
        </dd>
      </div>
      <div>
        <dt>{t('catalogAdmin.fields.departmentId')}</dt>
        <dd>{item.departmentName}</dd>
      </div>
      <div>
        <dt>{t('catalogAdmin.list.status')}</dt>
        <dd>
          <StatusTag status={item.status} />
        </dd>
      </div>
      <div>
        <dt>{t('catalogAdmin.list.versions')}</dt>
        <dd data-testid="item-versions-text">
          {v.public}
          {v.latest && <div className="tb-small">{v.latest}</div>}
          <div className="tb-small tb-muted">
            {t('catalogAdmin.version.editing', { version: current.version, status: t(`catalogAdmin.status.${current.status}`) })}
          </div>
        </dd>
      </div>
    </dl>
  );
}
