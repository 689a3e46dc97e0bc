DROP INDEX "catalog_items_search_idx";--> statement-breakpoint
ALTER TABLE "catalog_items" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;--> statement-breakpoint
CREATE INDEX "catalog_items_search_idx" ON "catalog_items" USING gin ("search_vector");