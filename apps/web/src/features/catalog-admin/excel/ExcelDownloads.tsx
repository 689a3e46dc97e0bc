import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../app/feedback.ts';
import { downloadWorkbook, exportUrl, templateUrl } from './api.ts';

type Which = 'template' | 'published' | 'latest';

/** The blank template and the two exports, each a button that shows it is working. */
export function ExcelDownloads() {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [busy, setBusy] = useState<Which | null>(null);

  const download = (which: Which) => {
    const url = which === 'template' ? templateUrl : exportUrl(which);
    const fallback = which === 'template' ? 'catalog-template.xlsx' : 'catalog-export.xlsx';
    setBusy(which);
    downloadWorkbook(url, fallback)
      .catch((error: unknown) => feedback.failure(error))
      .finally(() => setBusy(null));
  };

  return (
    <Space wrap role="group" aria-label={t('catalogExcel.downloadsLabel')}>
      <Button icon={<FileExcelOutlined aria-hidden />} loading={busy === 'template'} onClick={() => download('template')}>
        {t('catalogExcel.downloadTemplate')}
      </Button>
      <Button icon={<DownloadOutlined aria-hidden />} loading={busy === 'published'} onClick={() => download('published')}>
        {t('catalogExcel.exportPublished')}
      </Button>
      <Button icon={<DownloadOutlined aria-hidden />} loading={busy === 'latest'} onClick={() => download('latest')}>
        {t('catalogExcel.exportLatest')}
      </Button>
    </Space>
  );
}
