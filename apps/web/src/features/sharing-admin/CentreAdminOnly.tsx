import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AreaPage } from '../../app/layout/AreaPage.tsx';
import { useAdminRoles } from '../admin/useAdminRoles.ts';

/** Data sharing is the service centre's: a department admin who opens the address is told so (the server refuses them anyway). */
export function CentreAdminOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { isCentreAdmin } = useAdminRoles();
  if (isCentreAdmin) return <>{children}</>;
  return (
    <AreaPage title={t('sharingAdmin.menu')}>
      <Result status="403" title={<h2 className="tb-result-title">{t('sharingAdmin.adminOnlyTitle')}</h2>} subTitle={t('sharingAdmin.adminOnlyText')} />
    </AreaPage>
  );
}
