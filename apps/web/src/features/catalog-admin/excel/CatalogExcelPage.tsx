import { useTranslation } from 'react-i18next';
import { AreaPage } from '../../../app/layout/AreaPage.tsx';
import { ExcelDownloads } from './ExcelDownloads.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { TemplateGuide } from './TemplateGuide.tsx';

/** 实施清单 Excel 导入导出: the template explained, downloads, and the import with its progress and problems. */
export function CatalogExcelPage() {
  const { t } = useTranslation();
  return (
    <AreaPage title={t('catalogExcel.title')} extra={<ExcelDownloads />}>
      <p className="tb-muted">{t('catalogExcel.intro')}</p>
      <TemplateGuide />
      <ImportPanel />
    </AreaPage>
  );
}
