/**
 * Notifications (消息): case events become messages to the applicant, the agent and the staff
 * who hold the steps; a periodic job reminds staff of cases near or past their due date.
 * A case event's messages are written in the statement that appends the event, so a
 * rolled-back action says nothing and a committed one loses nothing; a reminder is a job that
 * writes its message once. For kinds that go out, each message gets one delivery per channel
 * (SMS, WeChat), each a job of its own, enqueued beside the message.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  messageKindSchema,
  messageParamsSchema,
  type Message,
  type MessageKind,
  type MessageListQuery,
  type MessageParams,
  type Page,
  type ReadAllResult,
  type UnreadCount,
} from '@tongban/contracts';
import { addDays, chinaToday, parentRegionCode, remainingWorkingDays, type WorkingCalendar } from '@tongban/domain';
import type { Db, Executor } from '../../platform/db/client.ts';
import { runCombined, type WriteStep } from '../../platform/db/combined-write.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/policy.ts';
import type { JobLog, JobQueue } from '../../platform/jobs/index.ts';
import type { CaseEventFact, CaseEventListener } from '../cases/case-engine.ts';
import type { OpenStep } from '../cases/cases.schema.ts';
import type { MessageChannel } from './channels.ts';
import { applicantKinds, decisionOfExchange, outsideText, sentOutside, wording } from './message-text.ts';
import { canReadMessage, caseLink, regionalStepRoles } from './notifications.policy.ts';
import { notificationsRepository as repo, type Holders, type MessageRow } from './notifications.repository.ts';

export interface NotificationsDeps {
  db: Db;
  now: () => Date;
  jobs: JobQueue;
  /** From the calendar module: the working-day calendar of a region. */
  calendar: { workingCalendar(regionCode: string | null): Promise<WorkingCalendar> };
  /** Where messages go beyond the message centre (NOTIFY_CHANNELS). */
  channels: readonly MessageChannel[];
  log?: JobLog;
}

/** Job kinds of this module. */
export const NOTIFY_JOBS = { message: 'notify.message', deliver: 'notify.deliver', deadlines: 'notify.deadline-scan' } as const;

/** Working days left at or below which staff are reminded (yellow); below zero the case is overdue (red). */
export const REMIND_WITHIN_WORKING_DAYS = 2;

/** A message to be written, as its job carries it. */
const draftSchema = z.object({
  recipientAccountId: z.uuid(),
  kind: messageKindSchema,
  params: messageParamsSchema,
  caseNo: z.string().nullable(),
  regionCode: z.string().nullable(),
  link: z.string().nullable(),
  /** When its cause happened (the event's time; the reminder's run). */
  at: z.iso.datetime({ offset: true }),
});
type Draft = z.infer<typeof draftSchema>;

export function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    params: row.params,
    caseNo: row.caseNo,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** The region and every region above it. */
function ancestorsOf(regionCode: string): string[] {
  const chain: string[] = [];
  for (let code = parentRegionCode(regionCode); code !== null; code = parentRegionCode(code)) chain.push(code);
  return chain;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

export function createNotificationsService(deps: NotificationsDeps) {
  const { db, now, jobs, calendar, channels } = deps;

  /** Who holds a step by its role: in its department; window and centre-admin steps: in the case's region. */
  const holdersOf = (step: OpenStep, regionCode: string): Holders =>
    regionalStepRoles.has(step.role)
      ? { role: step.role, regionCode, ancestors: ancestorsOf(regionCode) }
      : { role: step.role, departmentId: step.departmentId };

  /** The accounts that hold a step: its officer once claimed, else its holders. */
  async function holderIds(tx: Executor, step: OpenStep, regionCode: string): Promise<string[]> {
    if (step.claimedBy) return [step.claimedBy.id];
    return repo.staffHolding(tx, holdersOf(step, regionCode));
  }

  const enqueueMessage = (tx: Executor, draft: Draft, dedupeKey?: string) =>
    jobs.enqueue(tx, { kind: NOTIFY_JOBS.message, payload: draft, ...(dedupeKey ? { dedupeKey } : {}) });

  /** What the applicant side hears of an event. */
  function applicantDrafts(fact: CaseEventFact): Draft[] {
    const kind = applicantKinds[fact.type];
    const recipients = [...new Set([fact.applicantAccountId, fact.agentAccountId].filter((id): id is string => id !== null))];
    if (!kind || recipients.length === 0) return [];
    const params: MessageParams = { item: fact.itemName, caseNo: fact.caseNo };
    const kinds: MessageKind[] = [kind];
    const d = fact.details;
    if (fact.type === 'accepted') params.dueDate = fact.dueDate;
    if (fact.type === 'decided') {
      params.decision = decisionOfExchange(fact.exchangeStatus);
      if (fact.deliveryMethod === 'window') kinds.push('case_ready');
    }
    if (fact.type === 'supplement_requested' && Array.isArray(d.missing)) {
      const names = d.missing.map((m: unknown) => (m && typeof m === 'object' ? text((m as { name?: unknown }).name) : null)).filter((n) => n !== null);
      params.missing = names.length ? names.join('、') : null;
    }
    if (fact.type === 'refused') params.reason = text(d.reason);
    if (fact.type === 'delivered') params.method = text(d.method);
    return kinds.flatMap((k) =>
      recipients.map((recipientAccountId) => ({
        recipientAccountId,
        kind: k,
        params,
        caseNo: fact.caseNo,
        regionCode: fact.regionCode,
        link: caseLink('applicant', fact.caseNo),
        at: fact.at.toISOString(),
      })),
    );
  }

  /**
   * What staff hear of an event: 新待办 for every step it opened, to the step's officer if already
   * claimed, else to all its holders (`to: null`); 转办 for the officer a step was handed to.
   * Never the actor.
   */
  function staffNotices(fact: CaseEventFact): { kind: MessageKind; step: OpenStep; to: string | null }[] {
    const before = new Map((fact.previousOpenSteps ?? []).map((s) => [s.key, s]));
    const notices: { kind: MessageKind; step: OpenStep; to: string | null }[] = [];
    for (const step of fact.openSteps) {
      const previous = before.get(step.key);
      if (!previous) notices.push({ kind: 'task_new', step, to: step.claimedBy?.id ?? null });
      else if (step.claimedBy && step.claimedBy.id !== previous.claimedBy?.id) notices.push({ kind: 'task_transferred', step, to: step.claimedBy.id });
    }
    return notices.filter((n) => n.to !== fact.actorId);
  }

  /** A staff message about a step, but its recipient. */
  const staffDraft = (fact: CaseEventFact, kind: MessageKind, step: OpenStep): Omit<Draft, 'recipientAccountId'> => ({
    kind,
    params: { item: fact.itemName, caseNo: fact.caseNo, step: step.name },
    caseNo: fact.caseNo,
    regionCode: fact.regionCode,
    link: caseLink('staff', fact.caseNo),
    at: fact.at.toISOString(),
  });

  /**
   * Hears every case event: its messages are steps of the statement that appends it. The holders
   * of a newly opened step are found by the statement itself; messages to known accounts also
   * get their deliveries and delivery jobs there.
   */
  const caseListener: CaseEventListener = {
    writes(fact) {
      const known: Draft[] = applicantDrafts(fact);
      const steps: WriteStep[] = [];
      staffNotices(fact).forEach((n, i) => {
        const draft = staffDraft(fact, n.kind, n.step);
        // New tasks stay in the workbench (not sent outside), so their ids are not needed here.
        if (n.to) known.push({ recipientAccountId: n.to, ...draft });
        else steps.push(repo.messagesToHoldersStep(`messages_holders_${i}`, holdersOf(n.step, fact.regionCode), fact.actorId, messageRow(draft)));
      });
      return [...steps, ...messageSteps(known.map((draft) => ({ id: randomUUID(), draft })))];
    },
  };

  /** The stored message of a draft, but its id and recipient. */
  function messageRow({ at: when, recipientAccountId: _recipient, ...d }: Omit<Draft, 'recipientAccountId'> & { recipientAccountId?: string }) {
    // The message is dated by its cause, so that messages read in the order things happened.
    return { ...d, ...wording(d.kind, d.params), createdAt: new Date(when) };
  }

  /**
   * Messages (each once, by its id) as steps of a combined write and, for kinds that go out, one
   * delivery per channel (SMS to the account's phone, if it has one) with its job, enqueued only
   * when the delivery is written.
   */
  function messageSteps(items: { id: string; draft: Draft }[]): WriteStep[] {
    if (items.length === 0) return [];
    const rows = items.map(({ id, draft }) => ({ id, recipientAccountId: draft.recipientAccountId, ...messageRow(draft) }));
    const steps = [repo.messagesStep(db, 'messages_known', rows)];
    const at = now();
    items.forEach(({ id, draft }, i) => {
      if (!sentOutside.has(draft.kind)) return;
      channels.forEach((channel, j) => {
        const deliveryId = randomUUID();
        const name = `delivery_${i}_${j}`;
        // WeChat adapters find the account's binding themselves; SMS goes to the account's phone.
        steps.push(repo.deliveryStep(name, { id: deliveryId, messageId: id, channel: channel.name, recipientAccountId: draft.recipientAccountId, at }));
        steps.push(jobs.enqueueStep(`${name}_job`, { kind: NOTIFY_JOBS.deliver, payload: { deliveryId }, maxAttempts: 5 }, name));
      });
    });
    return steps;
  }

  /**
   * 到期提醒: open cases whose clock runs and that are due within two working days (yellow) or
   * overdue (red) remind the staff holding their open steps, once per case, account and day.
   */
  async function remindDeadlines(): Promise<number> {
    const at = now();
    const today = chinaToday(at);
    // Two working days never span more than three weeks, whatever the holidays.
    const horizon = addDays(today, 21);
    const calendars = new Map<string, WorkingCalendar>();
    let afterId: string | null = null;
    let enqueued = 0;
    for (;;) {
      const rows = await repo.casesDueBy(db, horizon, afterId, 200);
      for (const c of rows) {
        afterId = c.id;
        if (!c.dueDate) continue;
        let cal = calendars.get(c.regionCode);
        if (!cal) calendars.set(c.regionCode, (cal = await calendar.workingCalendar(c.regionCode)));
        const remaining = remainingWorkingDays(cal, c.dueDate, today);
        if (remaining > REMIND_WITHIN_WORKING_DAYS) continue;
        const kind: MessageKind = remaining < 0 ? 'deadline_red' : 'deadline_yellow';
        await db.transaction(async (tx) => {
          const told = new Set<string>();
          for (const step of c.openSteps) {
            for (const id of await holderIds(tx, step, c.regionCode)) {
              if (told.has(id)) continue;
              told.add(id);
              const draft: Draft = {
                recipientAccountId: id,
                kind,
                params: { item: c.itemName, caseNo: c.caseNo, dueDate: c.dueDate, days: Math.abs(remaining), step: step.name },
                caseNo: c.caseNo,
                regionCode: c.regionCode,
                link: caseLink('staff', c.caseNo),
                at: at.toISOString(),
              };
              if (await enqueueMessage(tx, draft, `deadline:${c.id}:${today}:${id}`)) enqueued++;
            }
          }
        });
      }
      if (rows.length < 200) return enqueued;
    }
  }

  /** Job (a reminder): writes one message, once by the job's id, with its deliveries. */
  async function writeMessage(jobId: string, payload: unknown): Promise<void> {
    const draft = draftSchema.parse(payload);
    await runCombined(db, messageSteps([{ id: jobId, draft }]));
  }

  /** Job: sends one delivery through its channel; a failure is recorded and thrown (the queue retries, then gives up). */
  async function deliver(payload: unknown, lastAttempt: boolean): Promise<void> {
    const { deliveryId } = z.object({ deliveryId: z.uuid() }).parse(payload);
    const found = await repo.delivery(db, deliveryId);
    if (!found || found.delivery.status === 'sent') return;
    const { delivery } = found;
    const channel = channels.find((c) => c.name === delivery.channel);
    if (!channel) {
      await repo.updateDelivery(db, deliveryId, { status: 'failed', at: now(), lastError: `no ${delivery.channel} channel is configured (NOTIFY_CHANNELS)` });
      return;
    }
    try {
      await channel.send(delivery.to, outsideText(found.title, found.body));
    } catch (err) {
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
      await repo.updateDelivery(db, deliveryId, { status: lastAttempt ? 'failed' : 'retrying', attempts: repo.oneMoreAttempt, lastError: error, at: now() });
      throw err;
    }
    await repo.updateDelivery(db, deliveryId, { status: 'sent', attempts: repo.oneMoreAttempt, lastError: null, at: now() });
  }

  return {
    caseListener,
    remindDeadlines,
    writeMessage,
    deliver,

    /** My messages, newest first; `unread=true` for the unread ones only. */
    async list(actor: Actor, q: MessageListQuery): Promise<Page<Message>> {
      const { rows, total } = await repo.list(db, actor.id, { unreadOnly: q.unread === 'true', limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      return { items: rows.map(toMessage), total, page: q.page, pageSize: q.pageSize };
    },

    async unreadCount(actor: Actor): Promise<UnreadCount> {
      return { unread: await repo.unreadCount(db, actor.id) };
    },

    /** Marks one of my messages read; anybody else's is 404. */
    async markRead(actor: Actor, id: string): Promise<Message> {
      const row = await repo.markRead(db, actor.id, id, now());
      if (!row || !canReadMessage(actor, row)) throw notFound('message');
      return toMessage(row);
    },

    async markAllRead(actor: Actor): Promise<ReadAllResult> {
      const marked = await repo.markAllRead(db, actor.id, now());
      return { marked, unread: await repo.unreadCount(db, actor.id) };
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
