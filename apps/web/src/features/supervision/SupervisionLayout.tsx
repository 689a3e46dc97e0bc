import { AlertOutlined, BarChartOutlined, DashboardOutlined, LikeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RequireArea } from '../../app/RequireArea.tsx';
import { StaffLayout, type AreaMenuItem } from '../../app/layout/StaffLayout.tsx';

/** 效能监督: supervisors and centre admins. */
export function SupervisionLayout() {
  const { t } = useTranslation();
  const menu: AreaMenuItem[] = [
    { to: '/supervision', label: t('supervision.overview'), icon: <DashboardOutlined /> },
    { to: '/supervision/alerts', label: t('supervision.alerts'), icon: <AlertOutlined /> },
    { to: '/supervision/reviews', label: t('supervision.reviews'), icon: <LikeOutlined /> },
    { to: '/supervision/reports', label: t('supervision.reports'), icon: <BarChartOutlined /> },
  ];
  return <RequireArea area="supervision">{(user) => <StaffLayout area="supervision" user={user} menu={menu} />}</RequireArea>;
}
