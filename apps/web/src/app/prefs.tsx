import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

const ELDER_STORAGE_KEY = 'tb.elder';

interface Prefs {
  elderMode: boolean;
  setElderMode: (on: boolean) => void;
}

const PrefsContext = createContext<Prefs>({ elderMode: false, setElderMode: () => undefined });

function readElder(): boolean {
  try {
    return localStorage.getItem(ELDER_STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

/** User preferences that outlive the session (the language lives in i18next). */
export function PrefsProvider({ children }: { children: ReactNode }) {
  const [elderMode, setElder] = useState(readElder);
  const setElderMode = useCallback((on: boolean) => {
    setElder(on);
    try {
      localStorage.setItem(ELDER_STORAGE_KEY, on ? '1' : '0');
    } catch {
      // Storage unavailable: keep the choice for this page only.
    }
  }, []);
  const value = useMemo(() => ({ elderMode, setElderMode }), [elderMode, setElderMode]);
  return <PrefsContext value={value}>{children}</PrefsContext>;
}

export function usePrefs(): Prefs {
  return useContext(PrefsContext);
}
