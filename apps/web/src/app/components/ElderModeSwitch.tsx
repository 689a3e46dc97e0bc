import { App, Switch } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrefs } from '../prefs.tsx';

/** 长辈模式: one switch, remembered in localStorage. */
export function ElderModeSwitch() {
  const { t } = useTranslation();
  const { elderMode, setElderMode } = usePrefs();
  const { message } = App.useApp();
  const id = useId();
  return (
    <span className="tb-elder-switch">
      <Switch
        id={id}
        size="small"
        checked={elderMode}
        data-testid="elder-switch"
        onChange={(on) => {
          setElderMode(on);
          void message.info(on ? t('elder.on') : t('elder.off'));
        }}
      />
      <label htmlFor={id}>{t('elder.label')}</label>
    </span>
  );
}
