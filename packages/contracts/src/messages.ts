/** The message centre (消息中心): in-app messages to applicants and staff about their cases and tasks. */
import { z } from 'zod';

/** What a message is about. The web app words each kind in the reader's language from its `params`. */
export const MESSAGE_KINDS = [
  'case_submitted', // 申请已提交
  'case_accepted', // 已受理 (with the due date)
  'case_supplement', // 请补正
  'case_refused', // 不予受理
  'case_decided', // 已办结
  'case_ready', // 可以到窗口领取结果
  'case_delivered', // 已送达
  'case_withdrawn', // 已撤回
  'task_new', // 新待办
  'task_transferred', // 转办给我
  'deadline_yellow', // 即将到期
  'deadline_red', // 已超期
] as const;
export const messageKindSchema = z.enum(MESSAGE_KINDS);
export type MessageKind = z.infer<typeof messageKindSchema>;

/** The facts a message's wording is made from (item name, case number, due date, step …). */
export const messageParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export type MessageParams = z.infer<typeof messageParamsSchema>;

export const messageSchema = z
  .object({
    id: z.uuid(),
    kind: messageKindSchema,
    /** Chinese wording as sent (SMS); the web app prefers the kind's own wording in the reader's language. */
    title: z.string(),
    body: z.string(),
    params: messageParamsSchema,
    caseNo: z.string().nullable(),
    /** A path in the web app, e.g. `/portal/cases/<caseNo>` or `/workbench/cases/<caseNo>`. */
    link: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof messageSchema>;

export const messageListQuerySchema = z.object({
  /** true: unread messages only. */
  unread: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type MessageListQuery = z.infer<typeof messageListQuerySchema>;

export const messageIdParamsSchema = z.object({ id: z.uuid() });

export const unreadCountSchema = z.object({ unread: z.number().int().min(0) }).meta({ id: 'UnreadCount' });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

export const readAllResultSchema = z.object({ marked: z.number().int().min(0), unread: z.number().int().min(0) }).meta({ id: 'ReadAllResult' });
export type ReadAllResult = z.infer<typeof readAllResultSchema>;
