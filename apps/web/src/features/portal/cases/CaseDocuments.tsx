import type { CaseDetail } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { CaseDocumentList } from '../../../app/components/CaseDocuments.tsx';

/** 办件文书 on the applicant's progress page: receipts, notices and decisions to keep or print. */
export function CaseDocuments({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <section className="tb-section" aria-labelledby="case-documents-h">
      <h2 id="case-documents-h">{t('caseDocuments.title')}</h2>
      <p className="tb-muted">{t('caseDocuments.intro')}</p>
      <CaseDocumentList detail={detail} size="large" />
    </section>
  );
}
