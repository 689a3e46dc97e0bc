import type { SessionUser } from '@tongban/contracts';
import { CloseOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Layout, Menu } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { areaPaths, type AreaId } from '../access.ts';
import { AreaSwitcher } from '../components/AreaSwitcher.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { UserMenu } from '../components/UserMenu.tsx';
import { Brand } from './Brand.tsx';

export interface AreaMenuItem {
  to: string;
  label: string;
  icon: ReactNode;
}

/** The longest menu path that the current location is in. */
function selectedKey(pathname: string, items: readonly AreaMenuItem[]): string {
  let best = '';
  for (const item of items) {
    const inside = pathname === item.to || pathname.startsWith(`${item.to}/`);
    if (inside && item.to.length > best.length) best = item.to;
  }
  return best;
}

/**
 * Shell of the staff areas (workbench, admin console, supervision): header, side menu, content.
 * `headerExtra`: e.g. the message bell. Below the `lg` breakpoint the menu is hidden and opens
 * over the content from a button in the header.
 */
export function StaffLayout({ area, user, menu, headerExtra }: { area: AreaId; user: SessionUser; menu: readonly AreaMenuItem[]; headerExtra?: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const [narrow, setNarrow] = useState(false);

  return (
    <Layout className="tb-staff">
      <a className="tb-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="tb-staff-header">
        <div className="tb-staff-header-start">
          {narrow && (
            <Button
              type="text"
              className="tb-staff-menu-button"
              icon={collapsed ? <MenuOutlined /> : <CloseOutlined />}
              aria-label={t(collapsed ? 'app.openMenu' : 'app.closeMenu')}
              aria-expanded={!collapsed}
              aria-controls="tb-staff-menu"
              onClick={() => setCollapsed(!collapsed)}
            />
          )}
          <Brand to={areaPaths[area]} area={t(`areas.${area}`)} dark />
        </div>
        <div className="tb-header-actions">
          {headerExtra}
          <AreaSwitcher user={user} current={area} dark />
          <LanguageSwitch dark />
          <UserMenu user={user} dark />
        </div>
      </Layout.Header>
      <Layout className="tb-staff-body">
        <Layout.Sider
          id="tb-staff-menu"
          theme="light"
          width={220}
          breakpoint="lg"
          collapsedWidth={0}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          onBreakpoint={(below) => {
            setNarrow(below);
            setCollapsed(below);
          }}
          trigger={null}
          className={narrow ? 'tb-staff-sider tb-staff-sider-overlay' : 'tb-staff-sider'}
        >
          <nav aria-label={t(`areas.${area}`)} data-testid="area-menu">
            <Menu
              mode="inline"
              selectedKeys={[selectedKey(location.pathname, menu)]}
              items={menu.map((item) => ({
                key: item.to,
                icon: item.icon,
                label: <Link to={item.to}>{item.label}</Link>,
              }))}
              onClick={({ key, domEvent }) => {
                const fromLink = domEvent.target instanceof Element && domEvent.target.closest('a') !== null;
                if (!fromLink) void navigate(key);
                if (narrow) setCollapsed(true);
              }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="tb-staff-content">
          <main id="main" tabIndex={-1}>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
