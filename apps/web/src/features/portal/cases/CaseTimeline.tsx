import type { CaseStatusCode, CaseTimelineEntry } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format.ts';
import { isClosed } from './api.ts';
import { MissingList } from './CaseClock.tsx';

type Missing = { materialKey: string; name: string; note: string };

/**
 * An event as the timeline shows it: the case detail's entries, or those of the progress query
 * without login (no opinions or details, but the step and its department).
 */
export type TimelineEntry = Pick<CaseTimelineEntry, 'seq' | 'type' | 'typeName' | 'at'> &
  Partial<Pick<CaseTimelineEntry, 'opinion' | 'details'>> & { stepName?: string | null; departmentName?: string | null };

/** The 补正 list an event recorded (details.missing: names and notes). */
function missingOf(entry: TimelineEntry): Missing[] {
  const list = entry.details?.['missing'];
  if (!Array.isArray(list)) return [];
  return list.filter((m): m is Missing => typeof m === 'object' && m !== null && typeof (m as Missing).name === 'string');
}

/** The progress as a timeline in plain words: each step, when, and (last) what happens next. */
export function CaseTimeline({ detail }: { detail: { status: CaseStatusCode; timeline: readonly TimelineEntry[] } }) {
  const { t } = useTranslation();
  const format = useFormat();
  const entries = [...detail.timeline].sort((a, b) => a.seq - b.seq);
  return (
    <ol className="tb-case-timeline" data-testid="case-timeline">
      {entries.map((e) => {
        const missing = e.type === 'supplement_requested' ? missingOf(e) : [];
        return (
          <li key={e.seq} className="tb-case-event tb-case-event-done" data-testid="case-event" data-type={e.type}>
            <span className="tb-case-dot" aria-hidden />
            <div className="tb-case-event-body">
              <p className="tb-case-event-title">
                <strong>{t(`myCases.events.${e.type}`)}</strong>
                <span className="tb-case-legal">{t('myCases.legalTerm', { term: e.typeName })}</span>
              </p>
              <p className="tb-case-event-when">
                <time dateTime={e.at}>{format.date(e.at)}</time>
              </p>
              {e.stepName && (
                <p className="tb-case-event-where" data-testid="case-event-step">
                  {e.departmentName ? t('progress.stepAt', { step: e.stepName, department: e.departmentName }) : e.stepName}
                </p>
              )}
              {e.opinion && <p className="tb-case-event-note">{t('myCases.progress.opinion', { text: e.opinion })}</p>}
              {missing.length > 0 && <MissingList items={missing} />}
            </div>
          </li>
        );
      })}
      {!isClosed(detail.status) && (
        <li className="tb-case-event tb-case-event-next" data-testid="case-next">
          <span className="tb-case-dot" aria-hidden />
          <div className="tb-case-event-body">
            <p className="tb-case-event-title">
              <strong>{t('myCases.progress.nextTitle')}</strong>
            </p>
            <p className="tb-case-event-note">{t(`myCases.next.${detail.status}`)}</p>
          </div>
        </li>
      )}
    </ol>
  );
}
