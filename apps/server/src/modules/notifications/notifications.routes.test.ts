import { randomUUID } from 'node:crypto';
import { writeEvent } from '../cases/case-engine.ts';
import { and, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, Page, ReadAllResult, UnreadCount } from '@tongban/contracts';
import type { Client, TestApp } from '../../../test/app.ts';
import { engines, isolatedDatabase } from '../../../test/databases.ts';
import { expectError } from '../../../test/http.ts';
import { demoEnterprise } from '../../../db/seed/demo-data.ts';
import { accounts, jobs as jobsTable, messageDeliveries, messages } from '../../platform/db/schema.ts';
import { createJobQueue, drainJobs } from '../../platform/jobs/index.ts';
import { createCalendarModule } from '../calendar/index.ts';
import { caseTestApp, itemByName, newKey, ok, pharmacyForm, pharmacyMaterials, testClock, withFiles } from '../cases/cases.testkit.ts';
import { createNotificationsModule, NOTIFY_JOBS, type MessageChannel } from './index.ts';

describe.each(engines())('notifications (消息) on %s', (engine) => {
  const clock = testClock();
  let t: TestApp;
  let pharmacy: { id: string; implCode: string };
  const c = {} as Record<'enterprise' | 'citizen' | 'window' | 'reviewer' | 'approver' | 'admin', Client>;

  /** Moves the clock and logs everyone in again (sessions expire by the same clock). */
  async function at(iso: string) {
    clock.set(iso);
    c.enterprise = await t.login('bashufood');
    c.citizen = await t.login('zhangsan');
    c.window = await t.login('window01');
    c.reviewer = await t.login('reviewer01');
    c.approver = await t.login('approver01');
    c.admin = await t.login('admin');
  }
  /** Moves the clock by minutes (messages then sort by time). */
  const later = (minutes = 1) => clock.set(new Date(clock.now().getTime() + minutes * 60_000).toISOString());
  const drain = async () => {
    const result = await drainJobs(t.app);
    expect(result.failed).toBe(0);
    return result;
  };
  const act = (client: Client, caseNo: string, body: Record<string, unknown>) => ok(client, `/api/cases/${caseNo}/actions`, body);
  const submit = async (client: Client, delivery: Record<string, unknown> = { method: 'window' }) =>
    ok(
      client,
      '/api/cases',
      { implCode: pharmacy.implCode, formData: pharmacyForm, materials: await withFiles(client, pharmacyMaterials), delivery, idempotencyKey: newKey() },
      201,
    );
  const list = async (client: Client, query = 'pageSize=100') => {
    const res = await client.get(`/api/messages?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page<Message>>();
  };
  /** A client's messages about one case, newest first. */
  const about = async (client: Client, caseNo: string) => (await list(client)).items.filter((m) => m.caseNo === caseNo);
  const unread = async (client: Client) => (await client.get('/api/messages/unread-count')).json<UnreadCount>().unread;
  const jobCount = async () => (await t.database.db.select({ n: count() }).from(jobsTable))[0]!.n;
  const messageCount = async () => (await t.database.db.select({ n: count() }).from(messages))[0]!.n;

  beforeAll(async () => {
    t = await caseTestApp(engine, clock);
    pharmacy = await itemByName(t, '药品零售企业许可');
    await at('2026-03-02T09:00:00+08:00');
  });
  afterAll(async () => t.close());

  it('tells the applicant of each step of a case and the staff of each new task, and sends what goes out once the jobs have run', async () => {
    const made = await submit(c.enterprise);
    const caseNo = made.caseNo;
    // Written with the submission; what goes out (SMS, WeChat) waits for the jobs.
    const [written] = await about(c.enterprise, caseNo);
    expect(written?.kind).toBe('case_submitted');
    expect(await about(c.window, caseNo)).toHaveLength(1);
    expect((await t.database.db.select().from(messageDeliveries).where(eq(messageDeliveries.messageId, written!.id))).map((d) => d.status)).toEqual([
      'pending',
      'pending',
    ]);
    expect((await drain()).done).toBe(2);

    const [submitted] = await about(c.enterprise, caseNo);
    expect(submitted).toMatchObject({
      kind: 'case_submitted',
      title: '申请已提交',
      caseNo,
      link: `/portal/cases/${caseNo}`,
      params: { item: '药品零售企业许可', caseNo },
      readAt: null,
    });
    expect(submitted!.body).toContain(caseNo);
    expect(await about(c.window, caseNo)).toMatchObject([{ kind: 'task_new', title: '新待办', params: { step: '受理' }, link: `/workbench/cases/${caseNo}` }]);
    expect(await about(c.reviewer, caseNo)).toEqual([]);
    // The applicant's message went out by SMS (to the account's phone) and WeChat, through the development channels.
    const deliveries = await t.database.db.select().from(messageDeliveries).where(eq(messageDeliveries.messageId, submitted!.id));
    expect(deliveries.map((d) => [d.channel, d.status, d.attempts]).sort()).toEqual([
      ['sms', 'sent', 1],
      ['wechat', 'sent', 1],
    ]);
    expect(deliveries.find((d) => d.channel === 'sms')!.to).toBe(demoEnterprise.phone);
    // New tasks stay in the workbench: no SMS for them.
    const [task] = await about(c.window, caseNo);
    expect(await t.database.db.select().from(messageDeliveries).where(eq(messageDeliveries.messageId, task!.id))).toEqual([]);

    later();
    await act(c.window, caseNo, { action: 'accept', opinion: '材料齐全' });
    await drain();
    const [accepted] = await about(c.enterprise, caseNo);
    expect(accepted).toMatchObject({ kind: 'case_accepted', title: '申请已受理', params: { dueDate: '2026-03-16' } });
    expect(accepted!.body).toContain('2026年3月16日');
    expect((await about(c.reviewer, caseNo)).map((m) => [m.kind, m.params.step])).toEqual([['task_new', '审查']]);
    // The window officer accepted it: nothing new for them.
    expect((await about(c.window, caseNo)).map((m) => m.kind)).toEqual(['task_new']);

    later();
    await act(c.reviewer, caseNo, { action: 'approve', step: 'review', opinion: '审查通过' });
    await drain();
    expect((await about(c.approver, caseNo)).map((m) => [m.kind, m.params.step])).toEqual([['task_new', '决定']]);
    expect((await about(c.enterprise, caseNo)).map((m) => m.kind)).toEqual(['case_accepted', 'case_submitted']);

    later();
    await act(c.approver, caseNo, { action: 'decide', decision: 'approve', opinion: '准予许可' });
    await drain();
    const afterDecision = await about(c.enterprise, caseNo);
    expect(afterDecision.map((m) => m.kind).sort()).toEqual(['case_accepted', 'case_decided', 'case_ready', 'case_submitted']);
    expect(afterDecision.find((m) => m.kind === 'case_decided')).toMatchObject({ title: '已办结', params: { decision: 'approve' } });
    expect(afterDecision.find((m) => m.kind === 'case_decided')!.body).toContain('准予许可');
    expect(afterDecision.find((m) => m.kind === 'case_ready')!.body).toContain('出件窗口领取');
    expect((await about(c.window, caseNo)).map((m) => [m.kind, m.params.step])).toEqual([
      ['task_new', '送达'],
      ['task_new', '受理'],
    ]);

    later();
    await act(c.window, caseNo, { action: 'deliver', method: 'window', recipient: '李娜' });
    await drain();
    expect((await about(c.enterprise, caseNo))[0]).toMatchObject({ kind: 'case_delivered', title: '结果已送达', params: { method: 'window' } });
    expect((await about(c.enterprise, caseNo))[0]!.body).toContain('窗口领取');
  });

  it('says no “ready to collect” when the result goes by post', async () => {
    const made = await submit(c.enterprise, {
      method: 'post',
      address: { recipient: '李娜', phone: '13800000002', address: '巴中市巴州区江北大道东段88号', postcode: '636000' },
    });
    await act(c.window, made.caseNo, { action: 'accept' });
    await act(c.reviewer, made.caseNo, { action: 'approve', step: 'review', opinion: '审查通过' });
    await act(c.approver, made.caseNo, { action: 'decide', decision: 'reject', opinion: '不符合条件' });
    await drain();
    const kinds = (await about(c.enterprise, made.caseNo)).map((m) => m.kind);
    expect(kinds).toContain('case_decided');
    expect(kinds).not.toContain('case_ready');
    expect((await about(c.enterprise, made.caseNo)).find((m) => m.kind === 'case_decided')).toMatchObject({ params: { decision: 'reject' } });
  });

  it('asks for a supplement, tells the window again when it arrives, confirms a withdrawal, and gives the reason of a refusal', async () => {
    later();
    const made = await submit(c.enterprise);
    later();
    await act(c.window, made.caseNo, { action: 'request-supplement', missing: [{ materialKey: 'premises', note: '请补充房屋产权证明' }] });
    await drain();
    const [supplement] = await about(c.enterprise, made.caseNo);
    expect(supplement).toMatchObject({ kind: 'case_supplement', title: '请补正材料', params: { missing: expect.any(String) } });
    expect(supplement!.body).toContain(String(supplement!.params.missing));

    later();
    await act(c.enterprise, made.caseNo, { action: 'supplement', materials: await withFiles(c.enterprise, [{ materialKey: 'premises', provided: 'upload' }]) });
    await drain();
    // The accept step opened again: a new task for the window.
    expect((await about(c.window, made.caseNo)).map((m) => [m.kind, m.params.step])).toEqual([
      ['task_new', '受理'],
      ['task_new', '受理'],
    ]);

    later();
    await act(c.enterprise, made.caseNo, { action: 'withdraw', reason: '信息填错了' });
    await drain();
    expect((await about(c.enterprise, made.caseNo))[0]).toMatchObject({ kind: 'case_withdrawn', title: '申请已撤回' });

    const refused = await submit(c.citizen);
    later();
    await act(c.window, refused.caseNo, { action: 'refuse', reason: '不属于本机关职权范围', legalBasis: '《行政许可法》第三十二条' });
    await drain();
    const [refusal] = await about(c.citizen, refused.caseNo);
    expect(refusal).toMatchObject({ kind: 'case_refused', params: { reason: '不属于本机关职权范围' } });
    expect(refusal!.body).toContain('不属于本机关职权范围');
    // Nobody else hears of the citizen's case.
    expect(await about(c.enterprise, refused.caseNo)).toEqual([]);
  });

  it('writes and enqueues nothing for an action that fails (stale version, wrong state, wrong officer)', async () => {
    const made = await submit(c.enterprise);
    await drain();
    const before = await jobCount();
    const messagesBefore = await messageCount();
    expectError(await c.window.post(`/api/cases/${made.caseNo}/actions`, { action: 'accept', version: made.version + 1 }), 'CONFLICT');
    expectError(await c.reviewer.post(`/api/cases/${made.caseNo}/actions`, { action: 'approve', step: 'review', opinion: '通过' }), 'INVALID_STATE');
    expectError(await c.reviewer.post(`/api/cases/${made.caseNo}/actions`, { action: 'accept' }), 'FORBIDDEN');
    expect(await jobCount()).toBe(before);
    expect(await messageCount()).toBe(messagesBefore);
    expect((await drain()).done).toBe(0);
    expect((await about(c.enterprise, made.caseNo)).map((m) => m.kind)).toEqual(['case_submitted']);
    // The same action, done right, is heard.
    await act(c.window, made.caseNo, { action: 'accept', version: made.version });
    expect(await messageCount()).toBeGreaterThan(messagesBefore);
    expect(await jobCount()).toBeGreaterThan(before);
  });

  it('reminds the officers who hold a case’s open step when it is due within two working days or overdue, once a day', async () => {
    await at('2026-03-02T10:00:00+08:00');
    const made = await submit(c.enterprise);
    await act(c.window, made.caseNo, { action: 'accept' });
    await drain();
    const reminders = async () => (await about(c.reviewer, made.caseNo)).filter((m) => m.kind.startsWith('deadline_'));
    /** The hourly reminder job runs through the queue itself. */
    const scanAt = async (iso: string) => {
      await at(iso);
      await t.app.jobs.scheduleRecurring();
      await drain();
    };

    await scanAt('2026-03-11T09:00:00+08:00'); // three working days left
    expect(await reminders()).toEqual([]);
    await scanAt('2026-03-12T09:00:00+08:00'); // two left: yellow
    expect((await reminders()).map((m) => [m.kind, m.params.days, m.params.dueDate])).toEqual([['deadline_yellow', 2, '2026-03-16']]);
    expect((await reminders())[0]).toMatchObject({ title: '办件即将到期', link: `/workbench/cases/${made.caseNo}` });
    await scanAt('2026-03-12T11:30:00+08:00'); // later the same day: not again
    expect(await reminders()).toHaveLength(1);
    const scans = await t.database.db
      .select()
      .from(jobsTable)
      .where(and(eq(jobsTable.kind, NOTIFY_JOBS.deadlines), like(jobsTable.dedupeKey, '%2026-03-12T03:00:00.000Z')));
    expect(scans.map((s) => s.doneAt !== null)).toEqual([true]); // the 11:00 scan ran, and told nobody twice
    // The next hour's scan is already waiting.
    const next = await t.database.db
      .select()
      .from(jobsTable)
      .where(eq(jobsTable.dedupeKey, `${NOTIFY_JOBS.deadlines}@2026-03-12T04:00:00.000Z`));
    expect(next).toHaveLength(1);
    expect(next[0]!.doneAt).toBeNull();

    await scanAt('2026-03-13T09:00:00+08:00'); // one left: yellow again, the next day
    expect((await reminders()).map((m) => [m.kind, m.params.days])).toEqual([
      ['deadline_yellow', 1],
      ['deadline_yellow', 2],
    ]);
    await scanAt('2026-03-17T09:00:00+08:00'); // due on the 16th: red
    expect((await reminders())[0]).toMatchObject({ kind: 'deadline_red', title: '办件已超期', params: { days: 1 } });
    // The applicant is not reminded of the officers' deadline.
    expect((await about(c.enterprise, made.caseNo)).filter((m) => m.kind.startsWith('deadline_'))).toEqual([]);
  });

  it('shows each account only its own messages, counts the unread and marks them read one by one or all at once', async () => {
    await at('2026-03-20T09:00:00+08:00');
    for (let i = 0; i < 3; i++) {
      later();
      await submit(c.citizen);
    }
    await drain();
    const total = (await list(c.citizen, 'pageSize=1')).total;
    expect(total).toBeGreaterThanOrEqual(3);
    const count = await unread(c.citizen);
    expect(count).toBe(total);

    const page2 = await list(c.citizen, 'page=2&pageSize=2');
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total });
    expect(page2.items).toHaveLength(Math.min(2, total - 2));
    const first = (await list(c.citizen, 'pageSize=2')).items;
    expect(first.map((m) => m.id)).not.toContain(page2.items[0]!.id);
    expect(first[0]!.createdAt >= first[1]!.createdAt).toBe(true);

    const target = first[0]!;
    // Another account's message, an unknown one and a malformed id.
    expectError(await c.enterprise.post(`/api/messages/${target.id}/read`), 'NOT_FOUND');
    expectError(await c.window.post(`/api/messages/${target.id}/read`), 'NOT_FOUND');
    expectError(await c.citizen.post(`/api/messages/${randomUUID()}/read`), 'NOT_FOUND');
    expectError(await c.citizen.post('/api/messages/not-an-id/read'), 'VALIDATION_FAILED');
    expectError(await t.anonymous.get('/api/messages'), 'UNAUTHENTICATED');
    expectError(await t.anonymous.get('/api/messages/unread-count'), 'UNAUTHENTICATED');
    expectError(await c.citizen.get('/api/messages?unread=maybe'), 'VALIDATION_FAILED');
    expect(await unread(c.citizen)).toBe(count);

    later();
    const read = await c.citizen.post(`/api/messages/${target.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    const readAt = read.json<Message>().readAt;
    expect(readAt).toBe(clock.now().toISOString());
    expect(await unread(c.citizen)).toBe(count - 1);
    later();
    // Reading again keeps the first reading time.
    expect((await c.citizen.post(`/api/messages/${target.id}/read`)).json<Message>().readAt).toBe(readAt);
    const unreadOnly = await list(c.citizen, 'unread=true&pageSize=100');
    expect(unreadOnly.total).toBe(count - 1);
    expect(unreadOnly.items.map((m) => m.id)).not.toContain(target.id);
    expect(unreadOnly.items.every((m) => m.readAt === null)).toBe(true);

    const windowUnread = await unread(c.window);
    const all = await c.citizen.post('/api/messages/read-all');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json<ReadAllResult>()).toEqual({ marked: count - 1, unread: 0 });
    expect(await unread(c.citizen)).toBe(0);
    expect((await list(c.citizen, 'unread=true')).total).toBe(0);
    expect((await list(c.citizen)).total).toBe(total);
    // Nobody else's messages were touched.
    expect(await unread(c.window)).toBe(windowUnread);
    expect(windowUnread).toBeGreaterThan(0);
    expect((await c.citizen.post('/api/messages/read-all')).json<ReadAllResult>()).toEqual({ marked: 0, unread: 0 });
  });
});

describe.each(engines())('message delivery through a failing channel on %s', (engine) => {
  it('retries with a growing delay, then gives up and keeps the error on the delivery and the job', async () => {
    const database = await isolatedDatabase(engine);
    try {
      const clock = testClock();
      const { db } = database;
      const queue = createJobQueue({ db, now: clock.now });
      const sent: string[] = [];
      const sms: MessageChannel = {
        name: 'sms',
        send: async (to) => {
          sent.push(to);
          throw new Error('SMS gateway refused: quota exceeded');
        },
      };
      const calendar = createCalendarModule({ db, regionExists: async () => true }).service;
      const notifications = createNotificationsModule({ db, now: clock.now, jobs: queue, calendar, channels: [sms] });
      const [enterprise] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, 'bashufood'));
      await db.transaction((tx) =>
        writeEvent(
          { listeners: [notifications.caseListener] },
          tx,
          [],
          {
            caseId: randomUUID(),
            caseNo: 'TEST-20260302-000001',
            itemName: '药品零售企业许可',
            type: 'submitted',
            fromStatus: null,
            toStatus: 'submitted',
            applicantAccountId: enterprise!.id,
            agentAccountId: null,
            departmentId: randomUUID(),
            regionCode: '511900',
            actorId: enterprise!.id,
            dueDate: null,
            exchangeStatus: '1',
            deliveryMethod: 'window',
            openSteps: [],
            details: {},
            at: clock.now(),
          },
          [],
        ),
      );

      // The message is written with its cause; its SMS is the one job.
      expect(await queue.drain()).toEqual({ done: 0, retried: 1, failed: 0 });
      const [message] = await db.select().from(messages).where(eq(messages.recipientAccountId, enterprise!.id));
      expect(message).toMatchObject({ kind: 'case_submitted', caseNo: 'TEST-20260302-000001' });
      const delivery = async () => (await db.select().from(messageDeliveries).where(eq(messageDeliveries.messageId, message!.id)))[0]!;
      const deliverJob = async () => (await db.select().from(jobsTable).where(eq(jobsTable.kind, NOTIFY_JOBS.deliver)))[0]!;
      expect(await delivery()).toMatchObject({ channel: 'sms', to: demoEnterprise.phone, status: 'retrying', attempts: 1 });
      expect((await delivery()).lastError).toContain('quota exceeded');
      expect((await deliverJob()).runAt.getTime() - clock.now().getTime()).toBe(queue.retryDelayMs);

      // Not due yet: nothing runs.
      expect(await queue.drain()).toEqual({ done: 0, retried: 0, failed: 0 });
      const delays: number[] = [];
      for (let attempt = 2; attempt <= 5; attempt++) {
        clock.set((await deliverJob()).runAt.toISOString());
        const result = await queue.drain();
        expect(result).toEqual(attempt < 5 ? { done: 0, retried: 1, failed: 0 } : { done: 0, retried: 0, failed: 1 });
        if (attempt < 5) delays.push((await deliverJob()).runAt.getTime() - clock.now().getTime());
      }
      expect(delays).toEqual([2, 4, 8].map((f) => f * queue.retryDelayMs));
      expect(sent).toEqual(Array(5).fill(demoEnterprise.phone));
      expect(await delivery()).toMatchObject({ status: 'failed', attempts: 5 });
      const job = await deliverJob();
      expect(job).toMatchObject({ attempts: 5, maxAttempts: 5, doneAt: null, lockedUntil: null });
      expect(job.failedAt).not.toBeNull();
      expect(job.lastError).toContain('SMS gateway refused: quota exceeded');

      // Given up: never run again.
      clock.set('2026-04-01T09:00:00+08:00');
      await queue.drain();
      expect(sent).toHaveLength(5);
    } finally {
      await database.close();
    }
  });
});
