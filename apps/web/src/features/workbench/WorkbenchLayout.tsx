import { BellOutlined, FileProtectOutlined, FileSearchOutlined, IdcardOutlined, InboxOutlined, ShopOutlined, SolutionOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RequireArea } from '../../app/RequireArea.tsx';
import { StaffLayout, type AreaMenuItem } from '../../app/layout/StaffLayout.tsx';
import { MessageBell } from '../messages/MessageBell.tsx';

/** 工作台: window clerks, reviewers, approvers and admins. */
export function WorkbenchLayout() {
  const { t } = useTranslation();
  return (
    <RequireArea area="workbench">
      {(user) => {
        const menu: AreaMenuItem[] = [
          { to: '/workbench', label: t('workbench.inbox'), icon: <InboxOutlined /> },
          ...(user.roles.includes('window') ? [{ to: '/workbench/accept', label: t('workbench.accept'), icon: <SolutionOutlined /> }] : []),
          { to: '/workbench/cases', label: t('workbench.cases'), icon: <FileSearchOutlined /> },
          { to: '/workbench/subjects', label: t('subjects.menu'), icon: <IdcardOutlined /> },
          { to: '/workbench/licences', label: t('licenceManage.menu'), icon: <FileProtectOutlined /> },
          { to: '/workbench/window', label: t('workbench.myWindow'), icon: <ShopOutlined /> },
          { to: '/workbench/messages', label: t('messages.title'), icon: <BellOutlined /> },
        ];
        return <StaffLayout area="workbench" user={user} menu={menu} headerExtra={<MessageBell area="workbench" dark />} />;
      }}
    </RequireArea>
  );
}
