import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import type { SessionUser } from '@tongban/contracts';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText } from '../apiError.ts';
import { useLogout } from '../session.ts';
import { useRoleNames } from './useRoleNames.ts';

interface Props {
  user: SessionUser;
  /** Extra entries above "log out" (e.g. 我的办件 in the portal). */
  items?: MenuProps['items'];
  dark?: boolean;
}

/** Display name, translated role names, and log out. */
export function UserMenu({ user, items = [], dark = false }: Props) {
  const { t } = useTranslation();
  const roleNames = useRoleNames();
  const logout = useLogout();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const onLogout = () => {
    logout.mutate(undefined, {
      onSuccess: () => {
        void message.success(t('user.loggedOut'));
        void navigate('/login');
      },
      onError: (error) => void message.error(errorText(error)),
    });
  };

  const menuItems: MenuProps['items'] = [
    ...(items ?? []),
    ...((items ?? []).length > 0 ? [{ type: 'divider' as const }] : []),
    {
      key: 'logout',
      icon: <LogoutOutlined aria-hidden />,
      label: <span data-testid="logout">{t('user.logout')}</span>,
      danger: true,
      onClick: onLogout,
    },
  ];

  return (
    <Dropdown
      trigger={['click']}
      menu={{ items: menuItems }}
      popupRender={(menu) => (
        <div className="tb-user-pop">
          <div className="tb-user-pop-head">
            <strong>{user.displayName}</strong>
            <div className="tb-user-pop-roles">{t('user.rolesLine', { roles: roleNames(user.roles) })}</div>
            {user.departmentName && <div className="tb-user-pop-roles">{t('user.departmentLine', { name: user.departmentName })}</div>}
          </div>
          {menu}
        </div>
      )}
    >
      <Button
        type="text"
        className={dark ? 'tb-header-btn tb-header-btn-dark' : 'tb-header-btn'}
        data-testid="user-menu"
        aria-label={t('user.menuLabel', { name: user.displayName })}
        icon={<UserOutlined aria-hidden />}
        loading={logout.isPending}
      >
        <span className="tb-user-name">{user.displayName}</span>
        <DownOutlined aria-hidden className="tb-user-caret" />
      </Button>
    </Dropdown>
  );
}
