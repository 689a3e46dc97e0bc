import { useTranslation } from 'react-i18next';
import { DocumentTitle } from '../../app/components/DocumentTitle.tsx';
import { AreaPage } from '../../app/layout/AreaPage.tsx';
import { RequireLogin } from '../portal/RequireLogin.tsx';
import { MessageCentre } from './MessageCentre.tsx';

/** /portal/messages — 消息中心 of an applicant or agent. */
export function PortalMessagesPage() {
  const { t } = useTranslation();
  return (
    <RequireLogin>
      {() => (
        <div className="tb-portal-body tb-portal-messages">
          <DocumentTitle title={t('messages.title')} />
          <h1>{t('messages.title')}</h1>
          <p className="tb-muted">{t('messages.introPortal')}</p>
          <MessageCentre area="portal" />
        </div>
      )}
    </RequireLogin>
  );
}

/** /workbench/messages — 消息中心 of an officer: new tasks, transfers and deadline reminders. */
export function WorkbenchMessagesPage() {
  const { t } = useTranslation();
  return (
    <AreaPage title={t('messages.title')}>
      <p className="tb-muted">{t('messages.introWorkbench')}</p>
      <MessageCentre area="workbench" />
    </AreaPage>
  );
}
