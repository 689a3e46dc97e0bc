import type { SessionUser } from '@tongban/contracts';
import { Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { homePath, type AreaId } from '../access.ts';
import { useLogout } from '../session.ts';
import { ButtonLink } from './ButtonLink.tsx';
import { DocumentTitle } from './DocumentTitle.tsx';
import { useRoleNames } from './useRoleNames.ts';

/** 403: the user is logged in, but not with a role for this area. */
export function ForbiddenResult({ user, area }: { user: SessionUser; area: AreaId }) {
  const { t } = useTranslation();
  const roleNames = useRoleNames();
  const logout = useLogout();
  const navigate = useNavigate();
  const areaName = t(`areas.${area}`);
  return (
    <main id="main" className="tb-center-page">
      <DocumentTitle title={t('result.forbiddenTitle', { area: areaName })} />
      <Result
        status="403"
        title={<h1 className="tb-result-title">{t('result.forbiddenTitle', { area: areaName })}</h1>}
        subTitle={t('result.forbiddenText', { roles: roleNames(user.roles) })}
        extra={
          <Space wrap>
            <ButtonLink type="primary" to={homePath(user.roles)}>
              {t('result.backHome')}
            </ButtonLink>
            <Button
              loading={logout.isPending}
              onClick={() =>
                logout.mutate(undefined, {
                  onSettled: () => void navigate(`/login?next=${encodeURIComponent(window.location.pathname)}`),
                })
              }
            >
              {t('result.switchAccount')}
            </Button>
          </Space>
        }
      />
    </main>
  );
}

export function NotFoundResult({ home = '/' }: { home?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <DocumentTitle title={t('result.notFoundTitle')} />
      <Result
        status="404"
        title={<h1 className="tb-result-title">{t('result.notFoundTitle')}</h1>}
        subTitle={t('result.notFoundText')}
        extra={
          <ButtonLink type="primary" to={home}>
            {t('result.goHome')}
          </ButtonLink>
        }
      />
    </>
  );
}
