import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, isApiError } from '../apiError.ts';

/** A failed load: what went wrong, and a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const requestId = isApiError(error) ? error.requestId : null;
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.loadFailed')}
      description={
        <>
          {errorText(error)}
          {requestId && <div className="tb-muted">{t('errors.requestId', { id: requestId })}</div>}
        </>
      }
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
