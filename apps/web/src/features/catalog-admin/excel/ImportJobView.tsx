import { useQuery } from '@tanstack/react-query';
import type { ImportJob } from '@tongban/contracts';
import { Alert, Progress, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { excelKeys, getImportJob } from './api.ts';
import { ImportErrors } from './ImportErrors.tsx';

const POLL_MS = 800;
const finished = (job: ImportJob | undefined) => job?.status === 'succeeded' || job?.status === 'failed';

/** Follows an import job on the server: its progress while it runs, then its outcome. */
export function ImportJobView({ id, again }: { id: string; again: ReactNode }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: excelKeys.job(id),
    queryFn: ({ signal }) => getImportJob(id, signal),
    refetchInterval: (q) => (finished(q.state.data) ? false : POLL_MS),
    staleTime: 0,
  });
  const job = query.data;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!job || !finished(job)) return <JobProgress job={job} />;
  if (job.status === 'succeeded') {
    return (
      <Result
        status="success"
        title={<h2 className="tb-result-title">{t('catalogExcel.succeeded')}</h2>}
        subTitle={
          <>
            <span role="status">{t('catalogExcel.succeededText', { created: job.created, updated: job.updated, unchanged: job.unchanged })}</span>{' '}
            {job.created + job.updated > 0 && t(job.publish ? 'catalogExcel.publishedNote' : 'catalogExcel.draftNote')}
          </>
        }
        extra={again}
      />
    );
  }
  if (job.errorCount > 0) return <ImportErrors id={job.id} count={job.errorCount} actions={again} />;
  return <Alert type="error" showIcon title={t('catalogExcel.failedOther')} description={job.message} action={again} />;
}

function JobProgress({ job }: { job: ImportJob | undefined }) {
  const { t } = useTranslation();
  const counting = job !== undefined && job.totalRows > 0;
  const percent = counting ? Math.floor((job.processedRows / job.totalRows) * 100) : 0;
  const text = !counting
    ? t('catalogExcel.reading')
    : t(job.status === 'importing' ? 'catalogExcel.importing' : 'catalogExcel.validating', { processed: job.processedRows, total: job.totalRows });
  return (
    <div>
      <p role="status" aria-live="polite">
        {text}
      </p>
      <Progress percent={percent} status="active" aria-label={t('catalogExcel.progressLabel')} showInfo={counting} />
      <p className="tb-muted tb-small">{t('catalogExcel.background')}</p>
    </div>
  );
}
