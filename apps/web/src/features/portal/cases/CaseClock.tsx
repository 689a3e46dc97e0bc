import type { CaseDetail } from '@tongban/contracts';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isClosed } from './api.ts';
import { useRemainingText } from './CaseStatusTag.tsx';

type Clock = Pick<CaseDetail, 'status' | 'dueDate' | 'remainingWorkingDays' | 'light'>;

/** Under a case's facts: the working days left (coloured by its light), that the clock has not started, or that the case is closed. */
export function CaseClockLines({ clock }: { clock: Clock }) {
  const { t } = useTranslation();
  const remaining = useRemainingText();
  const closed = isClosed(clock.status);
  const left = clock.dueDate && !closed ? remaining(clock.remainingWorkingDays) : null;
  return (
    <>
      {left && (
        <p className={`tb-case-remaining tb-case-left-${clock.light ?? 'green'}`} data-testid="case-remaining">
          {left}
        </p>
      )}
      {!clock.dueDate && !closed && <p className="tb-muted">{t('myCases.clockNotStarted')}</p>}
      {closed && (
        <p className="tb-case-closed" data-testid="case-closed">
          {t(`myCases.next.${clock.status}`)}
        </p>
      )}
    </>
  );
}

/** 补正: every material the window asked for, once, with its note; `text` says what to do about it. */
export function MissingMaterials({ items, text }: { items: CaseDetail['supplementRequested']; text: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      className="tb-mt"
      type="warning"
      showIcon
      data-testid="case-missing"
      title={t('myCases.progress.missingTitle')}
      description={
        <>
          <p>{text}</p>
          <MissingList items={items} />
        </>
      }
    />
  );
}

/** The materials a 补正 notice asked for, each with the window's note. */
export function MissingList({ items }: { items: readonly { materialKey: string; name: string; note: string }[] }) {
  const { t } = useTranslation();
  return (
    <ul className="tb-case-missing-list">
      {items.map((m) => (
        <li key={m.materialKey}>
          {m.name}
          {m.note && <span className="tb-muted">{t('myCases.progress.missingNote', { note: m.note })}</span>}
        </li>
      ))}
    </ul>
  );
}
