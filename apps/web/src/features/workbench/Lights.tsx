import { useTranslation } from 'react-i18next';

export type Light = 'red' | 'yellow' | 'green';

/** A deadline light that never relies on colour alone: it carries a shape and text too. */
export function DeadlineLight({ light, label }: { light: Light; label: string }) {
  return (
    <span className={`tb-light tb-light-${light}`}>
      <span className="tb-light-dot" aria-hidden />
      {label}
    </span>
  );
}

export function LightLegend() {
  const { t } = useTranslation();
  return (
    <section className="tb-legend" aria-label={t('workbench.legendTitle')}>
      <h2 className="tb-legend-title">{t('workbench.legendTitle')}</h2>
      <ul>
        <li>
          <DeadlineLight light="red" label={t('workbench.lightRed')} />
        </li>
        <li>
          <DeadlineLight light="yellow" label={t('workbench.lightYellow')} />
        </li>
        <li>
          <DeadlineLight light="green" label={t('workbench.lightGreen')} />
        </li>
      </ul>
    </section>
  );
}
