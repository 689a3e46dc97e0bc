import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Logo, product name and (optionally) the current area. */
export function Brand({ to, area, dark = false }: { to: string; area?: string; dark?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className={dark ? 'tb-brand tb-brand-dark' : 'tb-brand'}>
      <svg className="tb-logo" viewBox="0 0 64 64" aria-hidden focusable="false">
        <rect width="64" height="64" rx="14" fill={dark ? '#ffffff' : '#1f4e9e'} />
        <path d="M16 20h32v6H35v22h-6V26H16z" fill={dark ? '#1f4e9e' : '#ffffff'} />
      </svg>
      <span className="tb-brand-name">{t('app.name')}</span>
      {area && <span className="tb-brand-area">{area}</span>}
    </Link>
  );
}
