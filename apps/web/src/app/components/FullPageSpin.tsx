import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <div className="tb-center-page" role="status" aria-live="polite">
      <Spin size="large" />
      <span className="tb-visually-hidden">{t('app.loading')}</span>
    </div>
  );
}
