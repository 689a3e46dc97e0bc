import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ImportError } from '@tongban/contracts';
import { Alert, Button, Space, Table, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../app/components/QueryError.tsx';
import { useFeedback } from '../../../app/feedback.ts';
import { listPagination } from '../../../app/pagination.ts';
import { downloadWorkbook, excelKeys, listImportErrors, reportUrl } from './api.ts';

/** A failed validation: how many problems, where they are (paginated), and the marked-up file. */
export function ImportErrors({ id, count, actions }: { id: string; count: number; actions: ReactNode }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [params, setParams] = useState({ page: 1, pageSize: 10 });
  const [downloading, setDownloading] = useState(false);
  const query = useQuery({
    queryKey: excelKeys.errors(id, params.page, params.pageSize),
    queryFn: ({ signal }) => listImportErrors(id, params.page, params.pageSize, signal),
    placeholderData: keepPreviousData,
  });

  const download = () => {
    setDownloading(true);
    downloadWorkbook(reportUrl(id), 'catalog-import-errors.xlsx')
      .catch((error: unknown) => feedback.failure(error))
      .finally(() => setDownloading(false));
  };

  const columns: TableColumnsType<ImportError> = [
    { title: t('catalogExcel.errorColumns.sheet'), dataIndex: 'sheet', key: 'sheet', width: 100 },
    { title: t('catalogExcel.errorColumns.row'), dataIndex: 'row', key: 'row', width: 70, align: 'right' },
    {
      title: t('catalogExcel.errorColumns.column'),
      dataIndex: 'column',
      key: 'column',
      width: 70,
      render: (v: string) => <span className="tb-mono">{v}</span>,
    },
    { title: t('catalogExcel.errorColumns.header'), dataIndex: 'header', key: 'header', width: 180 },
    { title: t('catalogExcel.errorColumns.message'), dataIndex: 'message', key: 'message' },
  ];

  return (
    <section aria-labelledby="tb-excel-errors">
      <Alert
        type="error"
        showIcon
        title={t('catalogExcel.failedTitle')}
        description={
          <>
            <p>{t('catalogExcel.failedRows', { count })}</p>
            <p className="tb-muted">{t('catalogExcel.reportHint')}</p>
          </>
        }
        action={
          <Space orientation="vertical">
            <Button type="primary" icon={<DownloadOutlined aria-hidden />} loading={downloading} onClick={download}>
              {t('catalogExcel.downloadReport')}
            </Button>
            {actions}
          </Space>
        }
      />
      <h2 id="tb-excel-errors" className="tb-card-title tb-mt">
        {t('catalogExcel.errorsTitle')}
      </h2>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<ImportError>
        className="tb-mt"
        rowKey={(e) => `${e.sheet}:${e.row}:${e.column}:${e.message}`}
        size="small"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 720 }}
        pagination={listPagination(params, query.data?.total, setParams, t)}
      />
    </section>
  );
}
