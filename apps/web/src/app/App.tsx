import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { currentLanguage } from './i18n.ts';
import { PrefsProvider } from './prefs.tsx';
import { queryClient } from './queryClient.ts';
import { router } from './router.tsx';
import { baseTheme } from './theme.ts';

export function App() {
  // Subscribing re-renders the providers (antd locale) whenever the language changes.
  useTranslation();
  const locale = currentLanguage() === 'en' ? enUS : zhCN;
  return (
    <QueryClientProvider client={queryClient}>
      <PrefsProvider>
        <ConfigProvider locale={locale} theme={baseTheme} button={{ autoInsertSpace: false }}>
          <AntApp>
            <RouterProvider router={router} />
          </AntApp>
        </ConfigProvider>
      </PrefsProvider>
    </QueryClientProvider>
  );
}
