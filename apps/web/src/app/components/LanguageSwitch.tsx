import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n.ts';

/** 中文 / English toggle: shows the language it switches to, in that language. */
export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const next = lang === 'en' ? 'zh-CN' : 'en';
  const label = next === 'en' ? t('lang.en') : t('lang.zh');
  return (
    <Button
      type="text"
      className={dark ? 'tb-header-btn tb-header-btn-dark' : 'tb-header-btn'}
      icon={<GlobalOutlined aria-hidden />}
      data-testid="lang-switch"
      // The accessible name starts with the visible text (WCAG 2.5.3, label in name).
      aria-label={`${label} · ${t('lang.switchLabel')}`}
      title={t('lang.switchLabel')}
      lang={next}
      onClick={() => setLanguage(next)}
    >
      {label}
    </Button>
  );
}
