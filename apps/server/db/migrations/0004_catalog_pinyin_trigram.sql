CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "catalog_items" drop column "search_vector";--> statement-breakpoint
ALTER TABLE "catalog_items" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (strip(to_tsvector('simple', search_text))) STORED;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD COLUMN "search_pinyin" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "catalog_items_pinyin_idx" ON "catalog_items" USING gin ("search_pinyin" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "catalog_items_search_idx" ON "catalog_items" USING gin ("search_vector");
