import { PhoneOutlined } from '@ant-design/icons';
import { Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../app/components/ButtonLink.tsx';
import { DocumentTitle } from '../../../app/components/DocumentTitle.tsx';

/** A guide that does not exist (or no longer): say so kindly, and offer the search and 12345. */
export function GuideNotFound() {
  const { t } = useTranslation();
  return (
    <div className="tb-portal-body">
      <DocumentTitle title={t('guide.notFoundTitle')} />
      <Result
        status="404"
        title={<h1 className="tb-result-title">{t('guide.notFoundTitle')}</h1>}
        subTitle={t('guide.notFoundText')}
        extra={
          <Space wrap>
            <ButtonLink type="primary" to="/portal/search">
              {t('guide.notFoundAction')}
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
