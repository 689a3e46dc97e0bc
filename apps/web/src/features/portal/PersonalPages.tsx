import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { DocumentTitle } from '../../app/components/DocumentTitle.tsx';
import { NotFoundResult } from '../../app/components/Results.tsx';
import { ChangePasswordForm } from '../identity/ChangePasswordForm.tsx';
import { ProfileDetails } from '../identity/ProfileDetails.tsx';
import { RequireLogin } from './RequireLogin.tsx';

/** 个人中心: the masked profile from /api/auth/me and the change-password form. */
export function ProfilePage() {
  const { t } = useTranslation();
  return (
    <RequireLogin>
      {(user) => (
        <div className="tb-portal-body">
          <DocumentTitle title={t('profile.title')} />
          <h1>{t('profile.title')}</h1>
          <Card title={<h2 className="tb-card-title">{t('profile.basicInfo')}</h2>} className="tb-mt">
            <ProfileDetails user={user} />
          </Card>
          <Card title={<h2 className="tb-card-title">{t('password.title')}</h2>} className="tb-mt">
            <ChangePasswordForm />
          </Card>
        </div>
      )}
    </RequireLogin>
  );
}

export function PortalIndexRedirect() {
  return <Navigate to="/" replace />;
}

export function PortalNotFound() {
  return (
    <div className="tb-portal-body">
      <NotFoundResult />
    </div>
  );
}
