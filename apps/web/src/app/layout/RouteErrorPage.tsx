import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router';
import { DocumentTitle } from '../components/DocumentTitle.tsx';

/** Last-resort error page: also shown when an area's chunk fails to download. */
export function RouteErrorPage() {
  const error = useRouteError();
  const navigate = useNavigate();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <main id="main" className="tb-center-page">
        <DocumentTitle title={t('result.notFoundTitle')} />
        <Result
          status="404"
          title={t('result.notFoundTitle')}
          subTitle={t('result.notFoundText')}
          extra={
            <Button type="primary" onClick={() => void navigate('/')}>
              {t('result.goHome')}
            </Button>
          }
        />
      </main>
    );
  }
  return (
    <main id="main" className="tb-center-page">
      <DocumentTitle title={t('errors.routeTitle')} />
      <Result
        status="error"
        title={t('errors.routeTitle')}
        subTitle={t('errors.routeChunk')}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('errors.reloadPage')}
          </Button>
        }
      />
    </main>
  );
}
