import { DownloadOutlined, FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { CaseDetail, CaseDocumentList as Documents } from '@tongban/contracts';
import { Button, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useFormat } from '../format.ts';
import { QueryError } from './QueryError.tsx';

export const caseDocumentKeys = {
  list: (caseNo: string, version: number) => ['case-documents', caseNo, version] as const,
};

const getDocuments = (caseNo: string, signal?: AbortSignal) => api.get<Documents>(`/api/cases/${encodeURIComponent(caseNo)}/documents`, undefined, signal);

/**
 * The documents a case has now (收件凭证 / 受理通知书, 一次性告知书, 不予受理决定书, 决定书), each
 * with 下载 (a download) and 打印 (the PDF in a new tab, to print from the browser). Read again
 * whenever the case's version changes, so a new document shows up after the action that issues it.
 */
export function CaseDocumentList({ detail, size = 'middle' }: { detail: Pick<CaseDetail, 'caseNo' | 'version'>; size?: 'middle' | 'large' }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = useQuery({
    queryKey: caseDocumentKeys.list(detail.caseNo, detail.version),
    queryFn: ({ signal }) => getDocuments(detail.caseNo, signal),
    placeholderData: (previous) => previous,
  });
  if (query.isPending) return <Skeleton active paragraph={{ rows: 1 }} title={false} aria-label={t('caseDocuments.loading')} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const available = query.data.documents.filter((d) => d.available);
  if (available.length === 0) return <p className="tb-muted">{t('caseDocuments.none')}</p>;
  return (
    <ul className="tb-case-documents" data-testid="case-documents" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {available.map((d) => (
        <li key={d.kind} data-testid={`case-document-${d.kind}`} style={{ padding: '8px 0' }}>
          <Flex wrap gap="small" align="center" justify="space-between">
            <div>
              <FileTextOutlined aria-hidden style={{ marginInlineEnd: 8 }} />
              <strong>{d.title}</strong>
              <div className="tb-muted tb-small">{t('caseDocuments.meta', { docNo: d.docNo, date: fmt.date(d.issuedOn) })}</div>
            </div>
            <Flex wrap gap="small">
              <Button
                size={size}
                href={d.url}
                download
                icon={<DownloadOutlined aria-hidden />}
                aria-label={t('caseDocuments.downloadLabel', { title: d.title })}
              >
                {t('caseDocuments.download')}
              </Button>
              <Button
                size={size}
                href={d.url}
                target="_blank"
                rel="noopener"
                icon={<PrinterOutlined aria-hidden />}
                aria-label={t('caseDocuments.printLabel', { title: d.title })}
              >
                {t('caseDocuments.print')}
              </Button>
            </Flex>
          </Flex>
        </li>
      ))}
    </ul>
  );
}
