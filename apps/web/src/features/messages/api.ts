import type { Message, Page, ReadAllResult, UnreadCount } from '@tongban/contracts';
import { api } from '../../app/api.ts';

export const messageKeys = {
  all: ['messages'] as const,
  unread: ['messages', 'unread-count'] as const,
  list: (unreadOnly: boolean, page: number, pageSize: number) => ['messages', 'list', unreadOnly, page, pageSize] as const,
};

/** The bell asks this often (TanStack Query refetches in the background; a hidden tab does not poll). */
export const UNREAD_POLL_MS = 30_000;

/** GET /api/messages: my messages, newest first. */
export const listMessages = (unreadOnly: boolean, page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<Page<Message>>('/api/messages', { unread: unreadOnly ? 'true' : undefined, page, pageSize }, signal);

export const getUnreadCount = (signal?: AbortSignal) => api.get<UnreadCount>('/api/messages/unread-count', undefined, signal);

export const markRead = (id: string) => api.post<Message>(`/api/messages/${encodeURIComponent(id)}/read`);

export const markAllRead = () => api.post<ReadAllResult>('/api/messages/read-all');

/** Where the messages of an area are. */
export const messagesPath = { portal: '/portal/messages', workbench: '/workbench/messages' } as const;
export type MessageArea = keyof typeof messagesPath;

/** Where a message about a case leads in each area. */
export function caseLinkIn(area: MessageArea, caseNo: string): string {
  return area === 'portal' ? `/portal/cases/${encodeURIComponent(caseNo)}` : `/workbench/cases/${encodeURIComponent(caseNo)}`;
}
