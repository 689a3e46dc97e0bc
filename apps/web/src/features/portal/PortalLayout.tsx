import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { loginPath } from '../../app/access.ts';
import { AreaSwitcher } from '../../app/components/AreaSwitcher.tsx';
import { ButtonLink } from '../../app/components/ButtonLink.tsx';
import { ElderModeSwitch } from '../../app/components/ElderModeSwitch.tsx';
import { ElderTheme } from '../../app/components/ElderTheme.tsx';
import { LanguageSwitch } from '../../app/components/LanguageSwitch.tsx';
import { UserMenu } from '../../app/components/UserMenu.tsx';
import { Brand } from '../../app/layout/Brand.tsx';
import { MessageBell } from '../messages/MessageBell.tsx';
import { useSession } from '../../app/session.ts';

/** 网上办事大厅: public, phone first, elder mode. */
export function PortalLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const user = session.data ?? null;
  const isApplicant = user !== null && user.roles.some((r) => r === 'applicant' || r === 'agent');
  const next = location.pathname === '/' ? null : location.pathname + location.search;

  const personalLinks = [
    ...(isApplicant
      ? [
          { to: '/portal/cases', label: t('portal.myCases') },
          { to: '/portal/licences', label: t('portal.myLicences') },
        ]
      : []),
    ...(user ? [{ to: '/portal/profile', label: t('portal.profile') }] : []),
  ];

  return (
    <ElderTheme>
      <div className="tb-portal">
        <a className="tb-skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <header className="tb-public-header tb-portal-header">
          <Brand to="/" area={t('areas.portal')} />
          <div className="tb-header-actions">
            <ElderModeSwitch />
            <LanguageSwitch />
            {user ? (
              <>
                {isApplicant && <MessageBell area="portal" />}
                <AreaSwitcher user={user} current="portal" />
                <UserMenu user={user} items={personalLinks.map((l) => ({ key: l.to, label: l.label, onClick: () => void navigate(l.to) }))} />
              </>
            ) : (
              <>
                <ButtonLink type="text" className="tb-header-btn" to={next ? loginPath(next) : '/login'} data-testid="portal-login">
                  {t('user.login')}
                </ButtonLink>
                <ButtonLink type="primary" to="/register">
                  {t('user.register')}
                </ButtonLink>
              </>
            )}
          </div>
        </header>
        <nav className="tb-portal-nav" aria-label={t('portal.menuLabel')} data-testid="area-menu">
          <NavLink to="/" end>
            {t('portal.home')}
          </NavLink>
          <NavLink to="/portal/search">{t('portal.navGuides')}</NavLink>
          {personalLinks.map((l) => (
            <NavLink key={l.to} to={l.to}>
              {l.label}
            </NavLink>
          ))}
        </nav>
        <main id="main" className="tb-portal-main" tabIndex={-1}>
          <Outlet />
        </main>
        <footer className="tb-portal-footer">
          <p>{t('portal.hotline')}</p>
          <p>{t('portal.footer')}</p>
          {session.isError && (
            <Button type="link" size="small" onClick={() => void session.refetch()}>
              {t('common.retry')}
            </Button>
          )}
        </footer>
      </div>
    </ElderTheme>
  );
}
