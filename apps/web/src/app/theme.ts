import type { ThemeConfig } from 'antd';

/** Government blue, generous touch targets. */
export const baseTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e9e',
    colorLink: '#1f4e9e',
    borderRadius: 6,
    // Secondary texts and placeholders dark enough for WCAG AA contrast (4.5:1) on white.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  },
};

/** Elder mode (长辈模式): bigger type, darker text, stronger primary colour, taller controls. */
export const elderTheme: ThemeConfig = {
  token: {
    fontSize: 18,
    colorText: '#000000',
    colorTextSecondary: '#1a1a1a',
    colorTextTertiary: '#333333',
    colorTextDescription: '#262626',
    colorPrimary: '#0a3a87',
    colorLink: '#0a3a87',
    colorBorder: '#595959',
    controlHeight: 44,
    controlHeightLG: 52,
  },
};
