import { useQuery } from '@tanstack/react-query';
import type { CaseDetail } from '@tongban/contracts';
import { Card, Col, Descriptions, Row, Table, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ButtonLink } from '../../../app/components/ButtonLink.tsx';
import { FullPageSpin } from '../../../app/components/FullPageSpin.tsx';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { NotFoundResult } from '../../../app/components/Results.tsx';
import { isApiError } from '../../../app/apiError.ts';
import { useFormat } from '../../../app/format.ts';
import { AreaPage } from '../../../app/layout/AreaPage.tsx';
import { casesKeys, getCase } from './api.ts';
import { CaseActions } from './CaseActions.tsx';
import { CaseDocuments } from './CaseDocuments.tsx';
import { CaseLight, remainingText } from './CaseLight.tsx';

/** 办件详情: everything once, and only the actions this user may take now. */
export function CasePage() {
  const { caseNo = '' } = useParams();
  const query = useQuery({ queryKey: casesKeys.detail(caseNo), queryFn: ({ signal }) => getCase(caseNo, signal) });
  if (query.isPending) return <FullPageSpin />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFoundResult home="/workbench" />;
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <CaseView detail={query.data} />;
}

function formValue(value: unknown, separator: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map((v) => formValue(v, separator)).join(separator);
  if (typeof value === 'object') return JSON.stringify(value);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '—';
}

function CaseView({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const suspended = detail.status === 'suspended';
  const a = detail.applicant;

  return (
    <AreaPage
      title={t('workbenchCases.caseTitle', { item: detail.itemName })}
      extra={<ButtonLink to="/workbench">{t('workbenchCases.backToInbox')}</ButtonLink>}
    >
      <Card data-testid="case-summary">
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'no', label: t('workbenchCases.caseNo'), children: <span className="tb-mono">{detail.caseNo}</span> },
            {
              key: 'status',
              label: t('workbenchCases.status'),
              children: (
                <>
                  <span data-testid="case-status">{detail.statusName}</span>
                  {detail.greenChannel && (
                    <Tag color="green" style={{ marginInlineStart: 8 }}>
                      {t('workbenchCases.greenChannel')}
                    </Tag>
                  )}
                </>
              ),
            },
            {
              key: 'item',
              label: t('workbenchCases.item'),
              children: t('workbenchCases.itemVersion', {
                item: detail.itemName,
                version: detail.itemVersion,
                type: t(`workbenchCases.caseType.${detail.caseType}`, { defaultValue: detail.caseType }),
              }),
            },
            { key: 'dept', label: t('workbenchCases.department'), children: detail.departmentName },
            {
              key: 'steps',
              label: t('workbenchCases.openSteps'),
              children:
                detail.openSteps
                  .map((s) => {
                    const note = [s.departmentName, s.claimedBy && t('workbenchCases.claimedBy', { name: s.claimedBy.name })].filter(Boolean).join(' · ');
                    return note ? t('workbenchCases.nameWithNote', { name: s.name, note }) : s.name;
                  })
                  .join(t('common.listSeparator')) || '—',
            },
            { key: 'submitted', label: t('workbenchCases.submittedAt'), children: fmt.dateTime(detail.submittedAt) },
            ...(detail.postCheck
              ? [
                  {
                    key: 'postCheck',
                    label: t('workbenchCases.postCheck'),
                    children: t(`workbenchCases.postCheckStatus.${detail.postCheck.status}`, {
                      due: detail.postCheck.dueDate ? fmt.date(detail.postCheck.dueDate) : '—',
                    }),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card className="tb-mt" title={<h2 className="tb-card-title">{t('workbenchCases.actionsTitle')}</h2>}>
        <CaseActions detail={detail} />
      </Card>
      <CaseDocuments detail={detail} />

      <Row gutter={[16, 16]} className="tb-mt">
        <Col xs={24} lg={12}>
          <Card title={<h2 className="tb-card-title">{t('workbenchCases.clock')}</h2>} data-testid="case-clock">
            <Descriptions
              column={1}
              items={[
                {
                  key: 'accepted',
                  label: t('workbenchCases.acceptedOn'),
                  children: detail.acceptedOn ? fmt.date(detail.acceptedOn) : t('workbenchCases.notAccepted'),
                },
                {
                  key: 'limit',
                  label: t('workbenchCases.limit'),
                  children: detail.limitWorkingDays === null ? '—' : t('workbenchCases.workingDays', { count: detail.limitWorkingDays }),
                },
                {
                  key: 'due',
                  label: t('workbenchCases.dueDate'),
                  children: detail.dueDate
                    ? `${fmt.date(detail.dueDate)}${detail.dueProvisional ? t('workbenchCases.provisional') : ''}${detail.extensionDays ? t('workbenchCases.extended', { count: detail.extensionDays }) : ''}`
                    : '—',
                },
                {
                  key: 'remaining',
                  label: t('workbenchCases.remaining'),
                  children: (
                    <>
                      <CaseLight light={detail.light} remaining={detail.remainingWorkingDays} />
                      {suspended && (
                        <Tag color="orange" style={{ marginInlineStart: 8 }}>
                          {t('workbenchCases.paused')}
                        </Tag>
                      )}
                    </>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="tb-card-title">{t('workbenchCases.applicant')}</h2>}>
            <Descriptions
              column={1}
              items={[
                { key: 'name', label: t('workbenchCases.applicantName'), children: `${a.name}（${t(`workbenchCases.applicantKind.${a.kind}`)}）` },
                { key: 'id', label: t(`workbenchCases.idType.${a.idType}`), children: <span className="tb-mono">{a.idNumberMasked}</span> },
                { key: 'phone', label: t('workbenchCases.phone'), children: a.phoneMasked ?? '—' },
                ...(a.contactName ? [{ key: 'contact', label: t('workbenchCases.contact'), children: a.contactName }] : []),
                ...(detail.agent
                  ? [{ key: 'agent', label: t('workbenchCases.agent'), children: `${detail.agent.name}（${detail.agent.authorisation.documentNo}）` }]
                  : []),
                { key: 'channel', label: t('workbenchCases.channel'), children: t(`workbenchCases.channels.${detail.channel}`) },
                { key: 'delivery', label: t('workbenchCases.deliveryChoice'), children: t(`workbenchCases.delivery.${detail.delivery.method}`) },
              ]}
            />
          </Card>
        </Col>
      </Row>

      <Card className="tb-mt" title={<h2 className="tb-card-title">{t('workbenchCases.form')}</h2>}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={Object.entries(detail.formData).map(([key, value]) => ({
            key,
            label: detail.formLabels[key] ?? key,
            children: formValue(value, t('common.listSeparator')),
          }))}
        />
      </Card>

      <Card className="tb-mt" title={<h2 className="tb-card-title">{t('workbenchCases.materials')}</h2>}>
        <Table
          rowKey="materialKey"
          size="small"
          pagination={false}
          dataSource={detail.materials}
          columns={[
            { title: t('workbenchCases.materialName'), key: 'name', render: (_v, m) => m.name },
            { title: t('workbenchCases.necessity'), key: 'necessity', render: (_v, m) => t(`workbenchCases.necessities.${m.necessity}`) },
            {
              title: t('workbenchCases.source'),
              key: 'provided',
              render: (_v, m) => (
                <>
                  {m.provided === 'missing' && m.source === 'online_form' ? (
                    <Tag color="blue">{t('workbenchCases.provisions.onlineForm')}</Tag>
                  ) : (
                    <Tag color={m.provided === 'missing' ? 'red' : m.provided === 'deferred' ? 'orange' : undefined}>
                      {t(`workbenchCases.provisions.${m.provided}`)}
                    </Tag>
                  )}
                  {m.provided === 'licence' && (
                    <div className="tb-muted" data-testid={`material-licence-${m.materialKey}`}>
                      {m.licence
                        ? m.licence.verdict === 'valid'
                          ? t('workbenchCases.licenceVerified', { identifier: m.licence.identifier })
                          : t('workbenchCases.licenceNotValid', { identifier: m.licence.identifier, status: m.licence.statusLabel ?? '' })
                        : t('workbenchCases.licenceNotTaken')}
                    </div>
                  )}
                </>
              ),
            },
          ]}
        />
        {detail.supplementRequested.length > 0 && (
          <p className="tb-mt">
            {t('workbenchCases.supplementOpen')}
            {detail.supplementRequested
              .map((s) => (s.note ? t('workbenchCases.nameWithNote', { name: s.name, note: s.note }) : s.name))
              .join(t('common.listSeparator'))}
          </p>
        )}
      </Card>

      <Card className="tb-mt" title={<h2 className="tb-card-title">{t('workbenchCases.timeline')}</h2>}>
        <Timeline
          data-testid="case-timeline"
          items={detail.timeline.map((e) => ({
            key: e.seq,
            children: (
              <div className="tb-case-event">
                <strong>{e.typeName}</strong> · {e.toStatusName}
                <div className="tb-muted tb-small">
                  {fmt.dateTime(e.at)} · {e.actorName}
                  {e.dueDate ? ` · ${t('workbenchCases.dueDate')} ${fmt.date(e.dueDate)}` : ''}
                  {e.remainingWorkingDays !== null ? ` · ${remainingText(t, e.remainingWorkingDays)}` : ''}
                </div>
                {e.opinion && <div>{t('workbenchCases.opinionIs', { opinion: e.opinion })}</div>}
              </div>
            ),
          }))}
        />
      </Card>
    </AreaPage>
  );
}
