import type { CaseDetail } from '@tongban/contracts';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../app/components/ButtonLink.tsx';
import { DocumentTitle } from '../../../app/components/DocumentTitle.tsx';
import { casePath } from '../cases/api.ts';

/** The confirmation page: the case number, what happens next, and where to follow it. */
export function ApplySuccess({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <div className="tb-portal-body tb-apply-success" data-testid="apply-success">
      <DocumentTitle title={t('apply.success.title')} />
      <Result
        status="success"
        title={<h1 className="tb-result-title">{t('apply.success.title')}</h1>}
        subTitle={
          <div className="tb-apply-success-body">
            <p>{t('apply.success.item', { name: detail.itemName })}</p>
            <p className="tb-apply-case-no">
              {t('apply.success.caseNo')}
              <strong className="tb-case-no" data-testid="apply-case-no">
                {detail.caseNo}
              </strong>
            </p>
            <p>{t('apply.success.keep')}</p>
            <p>{t('apply.success.next', { department: detail.departmentName })}</p>
          </div>
        }
        extra={
          <div className="tb-apply-result-actions">
            <ButtonLink type="primary" size="large" to={casePath(detail.caseNo)} data-testid="apply-progress">
              {t('apply.success.progress')}
            </ButtonLink>
            <ButtonLink size="large" to="/portal/cases">
              {t('apply.success.myCases')}
            </ButtonLink>
          </div>
        }
      />
    </div>
  );
}
