import type { CaseProgress } from '@tongban/contracts';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format.ts';
import { CaseClockLines, MissingMaterials } from '../cases/CaseClock.tsx';
import { CaseStatusTag } from '../cases/CaseStatusTag.tsx';
import { CaseTimeline, type TimelineEntry } from '../cases/CaseTimeline.tsx';

/** The answer of the progress query: where the case is, how long it may take, what is missing, and the timeline. */
export function ProgressResult({ progress, headingRef }: { progress: CaseProgress; headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const format = useFormat();
  // The timeline shows the 补正 list and a refusal's reason with its legal basis; there are no opinions to show.
  const timeline: TimelineEntry[] = progress.timeline.map((e) => ({
    ...e,
    details: { missing: e.missing },
    opinion: e.reason ? (e.legalBasis ? t('progress.reasonWithBasis', { reason: e.reason, basis: e.legalBasis }) : e.reason) : null,
  }));
  const current = progress.currentSteps.map((s) => (s.departmentName ? t('progress.stepAt', { step: s.name, department: s.departmentName }) : s.name));

  return (
    <article className="tb-progress-result" data-testid="progress-result" aria-labelledby="progress-result-h">
      <p className="tb-progress-result-label">{t('progress.resultHeading')}</p>
      <h2 id="progress-result-h" ref={headingRef} tabIndex={-1} data-testid="progress-item">
        {progress.itemName}
      </h2>
      <div className="tb-case-summary" data-testid="case-summary">
        <CaseStatusTag status={progress.status} />
        <dl className="tb-case-facts">
          <div>
            <dt>{t('myCases.caseNo')}</dt>
            <dd className="tb-case-no">{progress.caseNo}</dd>
          </div>
          <div>
            <dt>{t('progress.applicant')}</dt>
            <dd data-testid="progress-applicant">{progress.applicantName}</dd>
          </div>
          <div>
            <dt>{t('myCases.department')}</dt>
            <dd>{progress.departmentName}</dd>
          </div>
          <div>
            <dt>{t('myCases.submittedOn')}</dt>
            <dd>{format.date(progress.submittedAt)}</dd>
          </div>
          {progress.acceptedOn && (
            <div>
              <dt>{t('progress.acceptedOn')}</dt>
              <dd>{format.date(progress.acceptedOn)}</dd>
            </div>
          )}
          {progress.dueDate && (
            <div>
              <dt>{progress.dueProvisional ? t('myCases.dueProvisional') : t('myCases.dueOn')}</dt>
              <dd>{format.date(progress.dueDate)}</dd>
            </div>
          )}
          {current.length > 0 && (
            <div>
              <dt>{t('progress.currentStep')}</dt>
              <dd data-testid="progress-current">{current.join(t('progress.listSeparator'))}</dd>
            </div>
          )}
          {progress.decision && (
            <div>
              <dt>{t('progress.decisionLabel')}</dt>
              <dd>{t(`progress.decision.${progress.decision}`)}</dd>
            </div>
          )}
        </dl>
        <CaseClockLines clock={progress} />
      </div>

      {progress.status === 'supplementing' && progress.supplementRequested.length > 0 && (
        <MissingMaterials items={progress.supplementRequested} text={t('progress.missingText')} />
      )}

      <section className="tb-section" aria-labelledby="progress-timeline-h">
        <h3 id="progress-timeline-h" className="tb-progress-timeline-h">
          {t('myCases.progress.timeline')}
        </h3>
        <CaseTimeline detail={{ status: progress.status, timeline }} />
      </section>
    </article>
  );
}
