import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { usePrefs } from '../prefs.tsx';
import { elderTheme } from '../theme.ts';

/** Applies elder mode (larger type, higher contrast) to public pages. */
export function ElderTheme({ children }: { children: ReactNode }) {
  const { elderMode } = usePrefs();
  return (
    <ConfigProvider theme={elderMode ? elderTheme : {}}>
      <div className={elderMode ? 'tb-elder' : undefined}>{children}</div>
    </ConfigProvider>
  );
}
