import { ApartmentOutlined, BankOutlined, DashboardOutlined, GlobalOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RequireArea } from '../../app/RequireArea.tsx';
import { StaffLayout, type AreaMenuItem } from '../../app/layout/StaffLayout.tsx';

/** 管理后台: department and service-centre admins. */
export function AdminLayout() {
  const { t } = useTranslation();
  const menu: AreaMenuItem[] = [
    { to: '/admin', label: t('admin.home'), icon: <DashboardOutlined /> },
    { to: '/admin/regions', label: t('admin.regions'), icon: <GlobalOutlined /> },
    { to: '/admin/departments', label: t('admin.departments'), icon: <ApartmentOutlined /> },
    { to: '/admin/halls', label: t('admin.halls'), icon: <BankOutlined /> },
    { to: '/admin/staff', label: t('admin.staff'), icon: <TeamOutlined /> },
  ];
  return <RequireArea area="admin">{(user) => <StaffLayout area="admin" user={user} menu={menu} />}</RequireArea>;
}
