import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarAdjustment, CalendarYear, CalendarYearSummary, DeadlineResult } from '@tongban/contracts';
import { OFFICIAL_NATIONAL_SCHEDULES } from '@tongban/domain';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { expectError, issuesOf } from '../../../test/http.ts';
import { auditLog } from '../../platform/db/schema.ts';

describe.each(engines())('calendar routes on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  let deptadmin: Client;

  const getJson = async <T>(client: Client, url: string): Promise<T> => {
    const res = await client.get(url);
    expect(res.statusCode, `${url} ${res.body}`).toBe(200);
    return res.json<T>();
  };
  const deadline = (query: string) => getJson<DeadlineResult>(t.anonymous, `/api/calendar/deadline?${query}`);
  const audits = async (action: string, targetId: string) =>
    (
      await t.database.db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)))
    )[0]!.n;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.login('admin');
    deptadmin = await t.login('deptadmin');
  });
  afterAll(async () => t.close());

  describe('the national calendar seeded by the migration', () => {
    it('holds the official 2024–2026 schedules, published, exactly as the domain lists them', async () => {
      const years = await getJson<CalendarYearSummary[]>(t.anonymous, '/api/calendar/years');
      expect(years.map((y) => [y.year, y.status])).toEqual([
        [2024, 'published'],
        [2025, 'published'],
        [2026, 'published'],
      ]);
      for (const official of OFFICIAL_NATIONAL_SCHEDULES) {
        const year = await getJson<CalendarYear>(t.anonymous, `/api/calendar/years/${official.year}`);
        expect(year.source).toBe(official.source);
        expect(year.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name }))).toEqual(official.days);
        expect(year.days.every((d) => d.effective && d.regionCode === null)).toBe(true);
      }
    });

    it('answers a year without a schedule as status none, with no days', async () => {
      expect(await getJson<CalendarYear>(t.anonymous, '/api/calendar/years/2030')).toMatchObject({ year: 2030, status: 'none', version: null, days: [] });
    });
  });

  describe('GET /api/calendar/deadline', () => {
    it('skips 2025 National Day and counts the make-up Saturday', async () => {
      expect(await deadline('from=2025-09-30&days=5')).toEqual({
        from: '2025-09-30',
        workingDays: 5,
        region: null,
        firstDay: '2025-10-09',
        due: '2025-10-14',
        calendarDays: 14,
        provisional: false,
        unpublishedYears: [],
      });
    });

    it('skips 2026 Spring Festival: the make-up Saturday 02-14 is day 1', async () => {
      expect(await deadline('from=2026-02-13&days=3')).toMatchObject({ firstDay: '2026-02-14', due: '2026-02-25', provisional: false });
    });

    it('counts a make-up Sunday (2025-09-28)', async () => {
      expect(await deadline('from=2025-09-26&days=1')).toMatchObject({ due: '2025-09-28' });
    });

    it('flags a deadline in 2027 as provisional', async () => {
      expect(await deadline('from=2026-12-28&days=10')).toMatchObject({ due: '2027-01-11', provisional: true, unpublishedYears: [2027] });
    });

    it.each([
      ['from=2025-02-30&days=5', 'querystring.from', '请输入有效的日期，格式为 YYYY-MM-DD（如 2025-10-01）'],
      ['from=2025-13-01&days=5', 'querystring.from', '请输入有效的日期，格式为 YYYY-MM-DD（如 2025-10-01）'],
      ['from=20250101&days=5', 'querystring.from', '请输入有效的日期，格式为 YYYY-MM-DD（如 2025-10-01）'],
      ['from=1999-12-31&days=5', 'querystring.from', '日期须在2000年至2099年之间'],
      ['days=5', 'querystring.from', '此项为必填项'],
      ['from=2025-10-01&days=-1', 'querystring.days', '工作日数应为0至1000之间的整数'],
      ['from=2025-10-01&days=abc', 'querystring.days', '工作日数应为0至1000之间的整数'],
      ['from=2025-10-01&days=1001', 'querystring.days', '工作日数应为0至1000之间的整数'],
      ['from=2025-10-01&days=', 'querystring.days', '工作日数应为0至1000之间的整数'],
      ['from=2025-10-01&days=5&region=12345', 'querystring.region', '行政区划代码应为6位、9位或12位数字'],
      ['from=2025-10-01&days=5&region=990000', 'querystring.region', '行政区划代码应为6位、9位或12位数字'],
      ['from=2025-10-01&days=5&region=511999', 'querystring.region', '所选的记录不存在，请重新选择'],
    ])('refuses %s with 400 naming the field', async (query, path, message) => {
      const issues = issuesOf(await t.anonymous.get(`/api/calendar/deadline?${query}`));
      expect(issues).toContainEqual(expect.objectContaining({ path, message }));
    });

    it('explains a bad date in English too', async () => {
      const res = await t.anonymous.request({ method: 'GET', url: '/api/calendar/deadline?from=2025-02-30&days=5', headers: { 'accept-language': 'en' } });
      const body = expectError(res, 'VALIDATION_FAILED', 'en');
      expect(body.details).toMatchObject({ issues: [{ path: 'querystring.from', message: 'Enter a real date as YYYY-MM-DD (for example 2025-10-01)' }] });
    });
  });

  describe('regional adjustments', () => {
    let adjustment: CalendarAdjustment;

    it('a day off in 巴州区 moves a deadline there and below, nowhere else', async () => {
      const res = await admin.post('/api/calendar/adjustments', { regionCode: '511902', date: '2025-10-09', kind: 'day_off', name: '区庆' });
      expect(res.statusCode, res.body).toBe(201);
      adjustment = res.json<CalendarAdjustment>();
      expect(adjustment).toMatchObject({ regionCode: '511902', regionName: '巴州区', date: '2025-10-09', kind: 'day_off', name: '区庆' });
      expect(await audits('calendar.adjustment.create', adjustment.id)).toBe(1);

      expect((await deadline('from=2025-09-30&days=5&region=511902')).due).toBe('2025-10-15');
      expect((await deadline('from=2025-09-30&days=5&region=511902101201')).due).toBe('2025-10-15'); // 红旗村, inside
      expect((await deadline('from=2025-09-30&days=5&region=511902101')).due).toBe('2025-10-15'); // 清江镇, 9 digits
      expect((await deadline('from=2025-09-30&days=5&region=511903')).due).toBe('2025-10-14'); // 恩阳区, beside
      expect((await deadline('from=2025-09-30&days=5&region=511900')).due).toBe('2025-10-14'); // the city above
      expect((await deadline('from=2025-09-30&days=5')).due).toBe('2025-10-14');
    });

    it('shows in the year of that region, beside the national days', async () => {
      const year = await getJson<CalendarYear>(t.anonymous, '/api/calendar/years/2025?region=511902101201');
      expect(year.region).toBe('511902101201');
      expect(year.days.filter((d) => d.regionCode !== null)).toEqual([
        { id: adjustment.id, date: '2025-10-09', kind: 'day_off', name: '区庆', regionCode: '511902', regionName: '巴州区', effective: true },
      ]);
      const elsewhere = await getJson<CalendarYear>(t.anonymous, '/api/calendar/years/2025?region=511903');
      expect(elsewhere.days.some((d) => d.regionCode !== null)).toBe(false);
    });

    it('refuses a second adjustment on the same day, one that changes nothing, and unknown regions', async () => {
      expectError(
        await admin.post('/api/calendar/adjustments', { regionCode: '511902', date: '2025-10-09', kind: 'make_up_working_day', name: 'x' }),
        'CALENDAR_ADJUSTMENT_EXISTS',
      );
      expect(issuesOf(await admin.post('/api/calendar/adjustments', { regionCode: '511902', date: '2025-10-12', kind: 'day_off', name: '周日' }))).toEqual([
        { path: 'kind', code: 'custom', message: '这项调整不会改变该地区的日历：这一天在该地区本来就是所选的类型' },
      ]);
      expect(issuesOf(await admin.post('/api/calendar/adjustments', { regionCode: '511999', date: '2025-10-13', kind: 'day_off', name: 'x' }))).toEqual([
        { path: 'regionCode', code: 'custom', message: '所选的记录不存在，请重新选择' },
      ]);
      const bad = issuesOf(await admin.post('/api/calendar/adjustments', { regionCode: '511902', date: '2025-02-29', kind: 'holiday', name: '' }));
      expect(bad.map((i) => i.path).sort()).toEqual(['date', 'kind', 'name']);
    });

    it('is for centre admins within their region: 401 anonymous, 403 department admin, 403 outside the scope', async () => {
      const body = { regionCode: '511903', date: '2025-10-13', kind: 'day_off', name: 'x' };
      expectError(await t.anonymous.post('/api/calendar/adjustments', body), 'UNAUTHENTICATED');
      expectError(await deptadmin.post('/api/calendar/adjustments', body), 'FORBIDDEN');
      expectError(await deptadmin.delete(`/api/calendar/adjustments/${adjustment.id}`), 'FORBIDDEN');
      expectError(await admin.post('/api/calendar/adjustments', { ...body, regionCode: '510000' }), 'FORBIDDEN'); // the province, above 巴中市
    });

    it('removing it restores the deadline', async () => {
      expectError(await admin.delete('/api/calendar/adjustments/00000000-0000-4000-8000-000000000000'), 'NOT_FOUND');
      const res = await admin.delete(`/api/calendar/adjustments/${adjustment.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(await audits('calendar.adjustment.delete', adjustment.id)).toBe(1);
      expect((await deadline('from=2025-09-30&days=5&region=511902')).due).toBe('2025-10-14');
    });
  });

  describe('adding and publishing a year', () => {
    const schedule2027 = {
      year: 2027,
      source: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
      days: [
        { date: '2027-01-01', kind: 'day_off', name: '元旦' },
        { date: '2027-02-06', kind: 'day_off', name: '春节' },
      ],
    };

    it('is for centre admins only', async () => {
      expectError(await t.anonymous.post('/api/calendar/years', schedule2027), 'UNAUTHENTICATED');
      expectError(await deptadmin.post('/api/calendar/years', schedule2027), 'FORBIDDEN');
      expectError(await deptadmin.post('/api/calendar/years/2026/publish', { version: 1 }), 'FORBIDDEN');
    });

    it('refuses a schedule with dates outside its year, make-up weekdays, repeated dates, and an existing year', async () => {
      const issues = issuesOf(
        await admin.post('/api/calendar/years', {
          ...schedule2027,
          days: [
            { date: '2028-01-01', kind: 'day_off', name: '元旦' },
            { date: '2027-02-08', kind: 'make_up_working_day', name: '春节' },
            { date: '2027-02-06', kind: 'day_off', name: '春节' },
            { date: '2027-02-06', kind: 'day_off', name: '春节' },
          ],
        }),
      );
      expect(issues.map((i) => [i.path, i.message])).toEqual([
        ['days.0.date', '日期不属于该年度：只能是该年的日期，或上一年12月中由本年通知调整的日期'],
        ['days.1.kind', '调休上班日只能是周六或周日（周一至周五本来就是工作日）'],
        ['days.3.date', '同一日期在本年度安排中只能出现一次'],
      ]);
      expectError(await admin.post('/api/calendar/years', { ...schedule2027, year: 2026 }), 'CALENDAR_YEAR_EXISTS');
      expect(issuesOf(await admin.post('/api/calendar/years', { ...schedule2027, year: 1999 })).map((i) => i.path)).toEqual(['year']);
      expectError(await admin.put('/api/calendar/years/2026', { source: 'x', days: schedule2027.days, version: 1 }), 'CALENDAR_YEAR_PUBLISHED');
    });

    it('a draft does not count; once published, the 2027 deadline is no longer provisional', async () => {
      const created = await admin.post('/api/calendar/years', schedule2027);
      expect(created.statusCode, created.body).toBe(201);
      const draft = created.json<CalendarYear>();
      expect(draft).toMatchObject({ year: 2027, status: 'draft', version: 1 });
      expect(draft.days.every((d) => !d.effective)).toBe(true);
      expect(await deadline('from=2026-12-28&days=10')).toMatchObject({ due: '2027-01-11', provisional: true });

      // Edit the draft, then publish it: a stale version is refused.
      const edited = await admin.put('/api/calendar/years/2027', {
        source: schedule2027.source,
        days: [...schedule2027.days, { date: '2027-02-07', kind: 'day_off', name: '春节' }],
        version: 1,
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json<CalendarYear>()).toMatchObject({ version: 2, status: 'draft' });
      expectError(await admin.post('/api/calendar/years/2027/publish', { version: 1 }), 'CONFLICT');
      const published = await admin.post('/api/calendar/years/2027/publish', { version: 2 });
      expect(published.statusCode, published.body).toBe(200);
      expect(published.json<CalendarYear>()).toMatchObject({ status: 'published', version: 3 });
      expect(published.json<CalendarYear>().days.every((d) => d.effective)).toBe(true);
      expect(await audits('calendar.year.create', '2027')).toBe(1);
      expect(await audits('calendar.year.update', '2027')).toBe(1);
      expect(await audits('calendar.year.publish', '2027')).toBe(1);

      // 2027-01-01 is now 元旦: one more day to go, and the answer is final.
      expect(await deadline('from=2026-12-28&days=10')).toMatchObject({ due: '2027-01-12', provisional: false, unpublishedYears: [] });
      expectError(await admin.post('/api/calendar/years/2027/publish', { version: 3 }), 'CALENDAR_YEAR_PUBLISHED');
      expectError(await admin.post('/api/calendar/years/2031/publish', { version: 1 }), 'NOT_FOUND');
    });

    it('refuses malformed years in the path', async () => {
      for (const year of ['27', 'abcd', '1999', '2100']) {
        expect(
          issuesOf(await t.anonymous.get(`/api/calendar/years/${year}`)).map((i) => i.path),
          year,
        ).toEqual(['params.year']);
      }
    });
  });
});
