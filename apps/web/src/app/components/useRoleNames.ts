import type { Role } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';

/** Translated role names joined by the language's list separator. */
export function useRoleNames(): (roles: readonly Role[]) => string {
  const { t } = useTranslation();
  return (roles) => roles.map((r) => t(`roles.${r}`)).join(t('common.listSeparator'));
}
