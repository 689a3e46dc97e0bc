/** The calendar module's public surface (工作日历): working days and deadlines for every other module. */
import type { Db } from '../../platform/db/client.ts';
import { calendarRoutes } from './calendar.routes.ts';
import { createCalendarService } from './calendar.service.ts';

export type { CalendarService } from './calendar.service.ts';

export function createCalendarModule(deps: { db: Db; regionExists: (code: string) => Promise<boolean>; cacheSeconds?: number }) {
  const service = createCalendarService(deps);
  return { service, routes: calendarRoutes(service) };
}
