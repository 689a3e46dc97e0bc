import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../app/components/ButtonLink.tsx';
import { getUnreadCount, messageKeys, messagesPath, UNREAD_POLL_MS, type MessageArea } from './api.ts';

/** The bell in a header: the unread count (polled every 30 s), a link to the message centre. */
export function MessageBell({ area, dark = false }: { area: MessageArea; dark?: boolean }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: messageKeys.unread,
    queryFn: ({ signal }) => getUnreadCount(signal),
    refetchInterval: UNREAD_POLL_MS,
  });
  const unread = query.data?.unread ?? 0;
  const label = unread > 0 ? t('messages.bellUnread', { count: unread }) : t('messages.bell');
  return (
    <ButtonLink
      type="text"
      to={messagesPath[area]}
      className={`tb-header-btn tb-message-bell${dark ? ' tb-header-btn-dark' : ''}`}
      aria-label={label}
      title={label}
      data-testid="message-bell"
      data-unread={unread}
    >
      <Badge count={unread} size="small" overflowCount={99} offset={[4, -2]}>
        <BellOutlined aria-hidden className="tb-message-bell-icon" />
      </Badge>
    </ButtonLink>
  );
}
