import { PhoneOutlined } from '@ant-design/icons';
import { Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../app/components/ButtonLink.tsx';
import { DocumentTitle } from '../../../app/components/DocumentTitle.tsx';

/** A bundle that does not exist (or is not offered any more): say so kindly, and offer the home page and 12345. */
export function BundleNotFound() {
  const { t } = useTranslation();
  return (
    <div className="tb-portal-body" data-testid="bundle-not-found">
      <DocumentTitle title={t('bundles.notFoundTitle')} />
      <Result
        status="404"
        title={<h1 className="tb-result-title">{t('bundles.notFoundTitle')}</h1>}
        subTitle={t('bundles.notFoundText')}
        extra={
          <Space wrap>
            <ButtonLink type="primary" to="/">
              {t('bundles.notFoundAction')}
            </ButtonLink>
            <Button href="tel:12345" icon={<PhoneOutlined aria-hidden />}>
              {t('search.call12345')}
            </Button>
          </Space>
        }
      />
    </div>
  );
}
