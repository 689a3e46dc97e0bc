import { useTranslation } from 'react-i18next';
import { eventOfTheme } from './vocab.ts';

/** A theme word in the user's language when it is one of the home page tiles, else as it is. */
export function useThemeLabel(): (word: string) => string {
  const { t } = useTranslation();
  return (word) => {
    const event = eventOfTheme(word);
    return event ? t(`portal.events.${event}`) : word;
  };
}
