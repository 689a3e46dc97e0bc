import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
import { departments, regions } from '../org/org.schema.ts';

/**
 * An implementation item (实施清单事项). Its elements live in immutable versions; the columns
 * here are a projection of the published version, for listing, filtering and search.
 */
export const catalogItems = pgTable(
  'catalog_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 实施编码: unique and never reused, also after retirement. */
    implCode: varchar('impl_code', { length: 50 }).notNull(),
    baseCode: varchar('base_code', { length: 12 }).notNull(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    level: varchar('level', { length: 1 }).notNull(),
    latestVersion: integer('latest_version').notNull().default(1),
    publishedVersion: integer('published_version'),
    status: varchar('status', { length: 16 }).notNull().default('draft').$type<'draft' | 'submitted' | 'published' | 'retired'>(),
    name: varchar('name', { length: 200 }).notNull(),
    itemType: varchar('item_type', { length: 2 }).notNull(),
    serviceObjects: text('service_objects')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    onlineDepth: text('online_depth')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    isImmediate: boolean('is_immediate').notNull().default(false),
    isOnline: boolean('is_online').notNull().default(false),
    isOneVisit: boolean('is_one_visit').notNull().default(false),
    isZeroVisit: boolean('is_zero_visit').notNull().default(false),
    isNearby: boolean('is_nearby').notNull().default(false),
    /** Name, keywords and materials cut into words (jieba), for full-text search. */
    searchText: text('search_text').notNull().default(''),
    /** The words as a stored tsvector without positions (smaller rows), so that matching and ranking never recompute it. */
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`strip(to_tsvector('simple', search_text))`),
    /** Name and keywords in toneless pinyin and initials (yingyezhizhao yyzz), trigram-indexed: homophone typos and pinyin input. */
    searchPinyin: text('search_pinyin').notNull().default(''),
    popularity: integer('popularity').notNull().default(0),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('catalog_items_impl_code_uq').on(t.implCode),
    index('catalog_items_department_idx').on(t.departmentId),
    index('catalog_items_region_idx').on(t.regionCode),
    index('catalog_items_base_code_idx').on(t.baseCode),
    index('catalog_items_search_idx').using('gin', t.searchVector),
    index('catalog_items_pinyin_idx').using('gin', sql`${t.searchPinyin} gin_trgm_ops`),
  ],
);

/** One version of an item's elements. Published versions are never changed; an edit makes version n+1. */
export const catalogItemVersions = pgTable(
  'catalog_item_versions',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => catalogItems.id),
    version: integer('version').notNull(),
    status: varchar('status', { length: 16 }).notNull().$type<'draft' | 'submitted' | 'published' | 'retired'>(),
    content: jsonb('content').notNull().$type<Record<string, unknown>>(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.version] })],
);

/** 一件事: several implementation items applied for together, with de-duplicated materials. */
export const catalogBundles = pgTable(
  'catalog_bundles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: varchar('key', { length: 40 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    description: text('description').notNull().default(''),
    lifeEvent: varchar('life_event', { length: 20 }).notNull(),
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    baseCodes: text('base_codes').array().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('catalog_bundles_key_uq').on(t.regionCode, t.key)],
);
