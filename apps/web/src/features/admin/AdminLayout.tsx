import { ApartmentOutlined, BankOutlined, DashboardOutlined, FileExcelOutlined, FileTextOutlined, GlobalOutlined, TeamOutlined } from '@ant-design/icons';
import { ApiOutlined, CalendarOutlined, HistoryOutlined } from '@ant-design/icons';
import type { Role } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { RequireArea } from '../../app/RequireArea.tsx';
import { StaffLayout, type AreaMenuItem } from '../../app/layout/StaffLayout.tsx';

/** Roles that maintain catalog items (事项管理): the server's `maintainers` policy. */
const itemMaintainers: readonly Role[] = ['centre_admin', 'dept_admin'];

/** 管理后台: department and service-centre admins. */
export function AdminLayout() {
  const { t } = useTranslation();
  const menu = (roles: readonly Role[]): AreaMenuItem[] => [
    { to: '/admin', label: t('admin.home'), icon: <DashboardOutlined /> },
    ...(roles.some((r) => itemMaintainers.includes(r))
      ? [
          { to: '/admin/catalog', label: t('catalogAdmin.menu.items'), icon: <FileTextOutlined /> },
          { to: '/admin/catalog/excel', label: t('catalogAdmin.menu.excel'), icon: <FileExcelOutlined /> },
        ]
      : []),
    { to: '/admin/regions', label: t('admin.regions'), icon: <GlobalOutlined /> },
    { to: '/admin/departments', label: t('admin.departments'), icon: <ApartmentOutlined /> },
    { to: '/admin/halls', label: t('admin.halls'), icon: <BankOutlined /> },
    { to: '/admin/staff', label: t('admin.staff'), icon: <TeamOutlined /> },
    { to: '/admin/calendar', label: t('calendar.menu'), icon: <CalendarOutlined /> },
    // 数据共享: the service centre's.
    ...(roles.includes('centre_admin')
      ? [
          { to: '/admin/sharing', label: t('sharingAdmin.menu'), icon: <ApiOutlined /> },
          { to: '/admin/sharing/log', label: t('sharingAdmin.logMenu'), icon: <HistoryOutlined /> },
        ]
      : []),
  ];
  return <RequireArea area="admin">{(user) => <StaffLayout area="admin" user={user} menu={menu(user.roles)} />}</RequireArea>;
}
