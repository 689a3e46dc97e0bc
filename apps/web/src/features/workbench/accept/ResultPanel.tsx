import { PrinterOutlined } from '@ant-design/icons';
import type { CaseDetail } from '@tongban/contracts';
import { Button, Card, Descriptions, Result, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../app/components/ButtonLink.tsx';
import { useFormat } from '../../../app/format.ts';
import type { WalkInKind } from './ActionModal.tsx';
import { documentUrl, type CaseDocument } from './walkIn.ts';

const documentOf: Record<WalkInKind, CaseDocument> = { accept: 'receipt', supplement: 'supplement-notice', refuse: 'refusal' };
const statusOf = { accept: 'success', supplement: 'warning', refuse: 'error' } as const;

export interface WalkInResult {
  kind: WalkInKind;
  detail: CaseDetail;
  /** 通办 line as shown before submitting, or null. */
  tongban: string | null;
  /** What the refusal said (the detail's timeline has it too). */
  reason?: string;
  legalBasis?: string;
}

/** The end of one application: its number, what happened, the document to print, and the next one. */
export function ResultPanel({ result, onNext }: { result: WalkInResult; onNext: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { kind, detail } = result;
  const headingRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const steps = detail.openSteps
    .map((s) => (s.departmentName ? t('workbenchCases.nameWithNote', { name: s.name, note: s.departmentName }) : s.name))
    .join(t('common.listSeparator'));

  return (
    <Card data-testid="walkin-result" data-kind={kind}>
      <div ref={headingRef} tabIndex={-1} className="tb-walkin-result-focus">
        <Result
          status={statusOf[kind]}
          title={t(`walkIn.result.${kind}Title`)}
          subTitle={
            <>
              {t('walkIn.result.caseNo')}
              {t('walkIn.result.colon')}
              <Typography.Text copyable strong className="tb-mono tb-walkin-case-no" data-testid="walkin-case-no">
                {detail.caseNo}
              </Typography.Text>
            </>
          }
          extra={[
            <Button
              key="print"
              type="primary"
              size="large"
              icon={<PrinterOutlined aria-hidden />}
              href={documentUrl(detail.caseNo, documentOf[kind])}
              target="_blank"
              rel="noopener"
              data-testid="walkin-print"
            >
              {t(`walkIn.result.print.${kind}`)}
            </Button>,
            <Button key="next" size="large" onClick={onNext} data-testid="walkin-next">
              {t('walkIn.result.next')}
            </Button>,
            <ButtonLink key="case" size="large" type="link" to={`/workbench/cases/${encodeURIComponent(detail.caseNo)}`}>
              {t('walkIn.result.viewCase')}
            </ButtonLink>,
          ]}
        />
      </div>
      <p className="tb-walkin-result-text" data-testid="walkin-result-text">
        {t(`walkIn.result.${kind}Text`, { due: detail.dueDate ? fmt.date(detail.dueDate) : '—' })}
      </p>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'item', label: t('walkIn.result.item'), children: detail.itemName },
          {
            key: 'applicant',
            label: t('walkIn.result.applicant'),
            children: `${detail.applicant.name}（${detail.applicant.idNumberMasked}）`,
          },
          { key: 'dept', label: t('walkIn.result.department'), children: detail.departmentName },
          {
            key: 'status',
            label: t('walkIn.result.status'),
            children: <span data-testid="walkin-result-status">{t(`walkIn.result.statuses.${detail.status}`)}</span>,
          },
          ...(result.tongban ? [{ key: 'tongban', label: t('walkIn.result.tongban'), children: result.tongban, span: 2 }] : []),
          ...(kind === 'accept'
            ? [
                { key: 'due', label: t('walkIn.result.due'), children: detail.dueDate ? fmt.date(detail.dueDate) : '—' },
                { key: 'next', label: t('walkIn.result.nextStep'), children: steps || '—' },
              ]
            : []),
          ...(kind === 'supplement'
            ? [
                {
                  key: 'missing',
                  label: t('walkIn.result.missing'),
                  span: 2,
                  children: (
                    <ol className="tb-walkin-missing">
                      {detail.supplementRequested.map((m) => (
                        <li key={m.materialKey}>
                          {m.name}
                          {m.note ? t('walkIn.result.noteSuffix', { note: m.note }) : ''}
                        </li>
                      ))}
                    </ol>
                  ),
                },
              ]
            : []),
          ...(kind === 'refuse'
            ? [
                { key: 'reason', label: t('walkIn.result.reason'), span: 2, children: result.reason ?? '—' },
                { key: 'basis', label: t('walkIn.result.legalBasis'), span: 2, children: result.legalBasis ?? '—' },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
