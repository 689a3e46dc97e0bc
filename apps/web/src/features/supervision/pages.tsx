import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../app/components/EmptyState.tsx';
import { NotFoundResult } from '../../app/components/Results.tsx';
import { AreaPage } from '../../app/layout/AreaPage.tsx';

/** 总览: KPI cards, zero/empty until cases flow (charts come with the metrics issue). */
export function OverviewPage() {
  const { t } = useTranslation();
  const noData = t('supervision.kpiNoData');
  const kpis = [
    { key: 'total', title: t('supervision.kpiTotal'), value: '0' },
    { key: 'onTime', title: t('supervision.kpiOnTime'), value: noData },
    { key: 'overdue', title: t('supervision.kpiOverdue'), value: '0' },
    { key: 'satisfaction', title: t('supervision.kpiSatisfaction'), value: noData },
  ];
  return (
    <AreaPage title={t('supervision.overview')}>
      <Row gutter={[16, 16]}>
        {kpis.map((k) => (
          <Col key={k.key} xs={24} sm={12} xl={6}>
            <Card>
              <Statistic title={k.title} value={k.value} />
            </Card>
          </Col>
        ))}
      </Row>
      <p className="tb-muted tb-mt">{t('supervision.overviewNote')}</p>
    </AreaPage>
  );
}

export function AlertsPage() {
  const { t } = useTranslation();
  return (
    <AreaPage title={t('supervision.alerts')}>
      <Card>
        <EmptyState title={t('supervision.alertsEmpty')} text={t('supervision.alertsEmptyText')} />
      </Card>
    </AreaPage>
  );
}

export function ReviewsPage() {
  const { t } = useTranslation();
  return (
    <AreaPage title={t('supervision.reviews')}>
      <Card>
        <EmptyState title={t('supervision.reviewsEmpty')} text={t('supervision.reviewsEmptyText')} />
      </Card>
    </AreaPage>
  );
}

export function ReportsPage() {
  const { t } = useTranslation();
  return (
    <AreaPage title={t('supervision.reports')}>
      <Card>
        <EmptyState title={t('supervision.reportsEmpty')} text={t('supervision.reportsEmptyText')} />
      </Card>
    </AreaPage>
  );
}

export function AreaNotFound() {
  return <NotFoundResult home="/supervision" />;
}
