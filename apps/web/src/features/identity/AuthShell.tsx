import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentTitle } from '../../app/components/DocumentTitle.tsx';
import { ElderModeSwitch } from '../../app/components/ElderModeSwitch.tsx';
import { ElderTheme } from '../../app/components/ElderTheme.tsx';
import { LanguageSwitch } from '../../app/components/LanguageSwitch.tsx';
import { Brand } from '../../app/layout/Brand.tsx';

/** Frame of the login and registration pages: brand, language, elder mode, one card. */
export function AuthShell({ title, heading, intro, children }: { title: string; heading: string; intro: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <ElderTheme>
      <div className="tb-auth">
        <DocumentTitle title={title} />
        <a className="tb-skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <header className="tb-public-header">
          <Brand to="/" area={t('areas.portal')} />
          <div className="tb-header-actions">
            <ElderModeSwitch />
            <LanguageSwitch />
          </div>
        </header>
        <main id="main" className="tb-auth-main" tabIndex={-1}>
          <div className="tb-auth-card">
            <h1>{heading}</h1>
            <p className="tb-muted">{intro}</p>
            {children}
          </div>
        </main>
      </div>
    </ElderTheme>
  );
}
