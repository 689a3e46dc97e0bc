import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { zhCN, type Messages } from '../i18n/zh-CN.ts';
import { en } from '../i18n/en.ts';

export type AppLanguage = 'zh-CN' | 'en';
export const appLanguages: readonly AppLanguage[] = ['zh-CN', 'en'];
export const LANG_STORAGE_KEY = 'tb.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

function normalise(lng: string | undefined): AppLanguage {
  return lng?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

function readStoredLanguage(): AppLanguage {
  try {
    return normalise(localStorage.getItem(LANG_STORAGE_KEY) ?? undefined);
  } catch {
    return 'zh-CN';
  }
}

/** Keeps everything outside React in step with the language: storage, <html lang>, dayjs. */
function applyLanguage(lang: AppLanguage): void {
  document.documentElement.lang = lang;
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

const initial = readStoredLanguage();
applyLanguage(initial);

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  load: 'currentOnly',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (lng) => applyLanguage(normalise(lng)));

export function currentLanguage(): AppLanguage {
  return normalise(i18n.resolvedLanguage ?? i18n.language);
}

export function setLanguage(lang: AppLanguage): void {
  void i18n.changeLanguage(lang);
}

export { i18n };
