import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, isApiError } from './apiError.ts';

/**
 * Confirmation and failure messages for actions. Success is a short toast naming the thing;
 * a failure stays on screen until read, and says what to do next.
 */
export function useFeedback() {
  const { message, modal } = App.useApp();
  const { t } = useTranslation();

  const defaultHint = (error: unknown): string | undefined => {
    if (!isApiError(error)) return undefined;
    switch (error.code) {
      case 'CONFLICT':
        return t('errors.conflictAction');
      case 'FORBIDDEN':
        return t('errors.forbiddenAction');
      case 'CSRF_FAILED':
        return t('errors.csrfAction');
      default:
        return error.requestId && error.status >= 500 ? t('errors.requestId', { id: error.requestId }) : undefined;
    }
  };

  return {
    success(text: string): void {
      void message.success(text);
    },
    /** `hints` gives a tailored "what to do" per error code (e.g. HAS_DEPENDENTS). */
    failure(error: unknown, hints: Partial<Record<string, string>> = {}): void {
      const hint = (isApiError(error) ? hints[error.code] : undefined) ?? defaultHint(error);
      modal.error({ title: errorText(error), content: hint, okText: t('common.close') });
    },
  };
}
