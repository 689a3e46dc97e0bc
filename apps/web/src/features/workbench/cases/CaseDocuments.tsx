import type { CaseDetail } from '@tongban/contracts';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { CaseDocumentList } from '../../../app/components/CaseDocuments.tsx';

/** 办件文书 on the workbench case page: what the window prints and hands over. */
export function CaseDocuments({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Card className="tb-mt" title={<h2 className="tb-card-title">{t('caseDocuments.title')}</h2>}>
      <CaseDocumentList detail={detail} />
    </Card>
  );
}
