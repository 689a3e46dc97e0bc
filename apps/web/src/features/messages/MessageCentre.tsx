import { CheckOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Message } from '@tongban/contracts';
import { Button, Grid, Pagination, Popconfirm, Segmented, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../app/components/EmptyState.tsx';
import { QueryError } from '../../app/components/QueryError.tsx';
import { useFeedback } from '../../app/feedback.ts';
import { useFormat } from '../../app/format.ts';
import { caseLinkIn, getUnreadCount, listMessages, markAllRead, markRead, messageKeys, UNREAD_POLL_MS, type MessageArea } from './api.ts';
import { messageText } from './messageText.ts';
import './messages.css';

/** Few per page in the portal (phones scroll), more in the workbench. */
const pageSizes: Record<MessageArea, number> = { portal: 10, workbench: 20 };

/** The filter and page live in the address, so "back" from a case returns to the same list. */
function useListParams() {
  const [search, setSearch] = useSearchParams();
  const unreadOnly = search.get('unread') === '1';
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);
  const set = (next: { unreadOnly: boolean; page: number }) => {
    const out = new URLSearchParams();
    if (next.unreadOnly) out.set('unread', '1');
    if (next.page > 1) out.set('page', String(next.page));
    setSearch(out, { replace: true });
  };
  return { unreadOnly, page, set };
}

/** 消息中心: my messages, newest first, with an unread filter, mark read and mark all read. */
export function MessageCentre({ area }: { area: MessageArea }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const feedback = useFeedback();
  const queryClient = useQueryClient();
  const { unreadOnly, page, set } = useListParams();
  const pageSize = pageSizes[area];

  const list = useQuery({
    queryKey: messageKeys.list(unreadOnly, page, pageSize),
    queryFn: ({ signal }) => listMessages(unreadOnly, page, pageSize, signal),
    placeholderData: keepPreviousData,
    refetchInterval: UNREAD_POLL_MS,
  });
  const unread = useQuery({ queryKey: messageKeys.unread, queryFn: ({ signal }) => getUnreadCount(signal), refetchInterval: UNREAD_POLL_MS });
  const unreadCount = unread.data?.unread ?? 0;
  const refresh = () => queryClient.invalidateQueries({ queryKey: messageKeys.all });

  const readOne = useMutation({ mutationFn: markRead, onSettled: refresh, onError: (error) => feedback.failure(error) });
  const readAll = useMutation({
    mutationFn: markAllRead,
    onSuccess: (result) => feedback.success(t('messages.allMarkedRead', { count: result.marked })),
    onError: (error) => feedback.failure(error),
    onSettled: refresh,
  });

  const toolbar = (
    <div className="tb-messages-toolbar">
      <Segmented
        aria-label={t('messages.filterLabel')}
        value={unreadOnly ? 'unread' : 'all'}
        onChange={(v) => set({ unreadOnly: v === 'unread', page: 1 })}
        options={[
          { value: 'all', label: t('messages.filterAll') },
          { value: 'unread', label: <span data-testid="messages-filter-unread">{t('messages.filterUnread', { count: unreadCount })}</span> },
        ]}
      />
      <Popconfirm
        title={t('messages.markAllConfirmTitle', { count: unreadCount })}
        description={t('messages.markAllConfirmText')}
        okText={t('messages.markAllRead')}
        cancelText={t('common.cancel')}
        onConfirm={() => readAll.mutateAsync()}
        disabled={unreadCount === 0}
      >
        <Button icon={<CheckOutlined aria-hidden />} disabled={unreadCount === 0} loading={readAll.isPending} data-testid="messages-read-all">
          {t('messages.markAllRead')}
        </Button>
      </Popconfirm>
    </div>
  );

  let content;
  if (list.isPending) {
    content = (
      <div aria-busy="true">
        <span className="tb-visually-hidden" role="status">
          {t('messages.loading')}
        </span>
        <Skeleton active paragraph={{ rows: 4 }} />
      </div>
    );
  } else if (list.isError) {
    content = <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  } else if (list.data.total === 0) {
    content = (
      <div data-testid="messages-empty">
        {unreadOnly ? (
          <EmptyState
            title={t('messages.emptyUnreadTitle')}
            text={t('messages.emptyUnreadText')}
            action={<Button onClick={() => set({ unreadOnly: false, page: 1 })}>{t('messages.showAll')}</Button>}
          />
        ) : (
          <EmptyState title={t('messages.emptyTitle')} text={t(area === 'portal' ? 'messages.emptyTextPortal' : 'messages.emptyTextWorkbench')} />
        )}
      </div>
    );
  } else {
    const { items, total } = list.data;
    content = (
      <>
        <p className="tb-results-total" role="status">
          {t('messages.total', { total })}
        </p>
        <ul className="tb-message-list" data-testid="messages">
          {items.map((m) => (
            <MessageItem key={m.id} message={m} area={area} onRead={() => readOne.mutate(m.id)} />
          ))}
        </ul>
        {total > pageSize && (
          <nav className="tb-pager" aria-label={t('messages.pagesLabel')}>
            <Pagination
              current={page}
              pageSize={pageSize}
              total={total}
              showSizeChanger={false}
              showLessItems={!screens.sm}
              size={screens.sm ? 'medium' : 'small'}
              onChange={(next) => {
                set({ unreadOnly, page: next });
                window.scrollTo({ top: 0 });
              }}
            />
          </nav>
        )}
      </>
    );
  }

  return (
    <div className="tb-messages">
      {toolbar}
      {content}
    </div>
  );
}

function MessageItem({ message, area, onRead }: { message: Message; area: MessageArea; onRead: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { title, body } = messageText(message, t, format.date);
  const isUnread = message.readAt === null;
  return (
    <li
      className={`tb-message${isUnread ? ' tb-message-unread' : ''}`}
      data-testid="message"
      data-id={message.id}
      data-kind={message.kind}
      data-read={!isUnread}
    >
      <div className="tb-message-head">
        {isUnread && <span className="tb-message-dot">{t('messages.unreadTag')}</span>}
        <h2 className="tb-message-title">{title}</h2>
        <time className="tb-message-time" dateTime={message.createdAt}>
          {format.dateTime(message.createdAt)}
        </time>
      </div>
      <p className="tb-message-body">{body}</p>
      <div className="tb-message-actions">
        {message.caseNo && (
          <Link to={caseLinkIn(area, message.caseNo)} onClick={() => isUnread && onRead()} data-testid="message-case-link">
            {t('messages.viewCase', { caseNo: message.caseNo })}
          </Link>
        )}
        {isUnread && (
          <Button size="small" onClick={onRead} data-testid="message-read" aria-label={t('messages.markReadFor', { title })}>
            {t('messages.markRead')}
          </Button>
        )}
      </div>
    </li>
  );
}
