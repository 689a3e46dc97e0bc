import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, index, integer, pgTable, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

/** Administrative regions (GB/T 2260; 9/12-digit statistical codes below county level). */
export const regions = pgTable(
  'regions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: varchar('name', { length: 50 }).notNull(),
    level: varchar('level', { length: 16 }).notNull().$type<'province' | 'city' | 'county' | 'township' | 'village'>(),
    parentCode: varchar('parent_code', { length: 12 }).references((): AnyPgColumn => regions.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);

/** Government departments (部门), each a legal body with its unified social credit code. */
export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 100 }).notNull(),
    shortName: varchar('short_name', { length: 30 }),
    creditCode: varchar('credit_code', { length: 18 }).notNull(),
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    phone: varchar('phone', { length: 20 }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('departments_credit_code_uq').on(t.creditCode), index('departments_region_idx').on(t.regionCode)],
);

/** Service halls: 政务服务中心, 乡镇（街道）便民服务中心, 村（社区）代办点. */
export const halls = pgTable(
  'halls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 100 }).notNull(),
    kind: varchar('kind', { length: 20 }).notNull().$type<'centre' | 'township_centre' | 'village_point'>(),
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    address: varchar('address', { length: 200 }).notNull(),
    phone: varchar('phone', { length: 20 }),
    openingHours: varchar('opening_hours', { length: 150 }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('halls_name_uq').on(t.regionCode, t.name), index('halls_region_idx').on(t.regionCode)],
);

/** Windows (窗口) of a hall. */
export const hallWindows = pgTable(
  'hall_windows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hallId: uuid('hall_id')
      .notNull()
      .references(() => halls.id, { onDelete: 'cascade' }),
    number: varchar('number', { length: 8 }).notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    kind: varchar('kind', { length: 20 })
      .notNull()
      .$type<'comprehensive' | 'department' | 'delivery' | 'consultation' | 'assistance' | 'green_channel' | 'self_service'>(),
    departmentId: uuid('department_id').references(() => departments.id),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('hall_windows_number_uq').on(t.hallId, t.number),
    index('hall_windows_department_idx')
      .on(t.departmentId)
      .where(sql`${t.departmentId} is not null`),
  ],
);
