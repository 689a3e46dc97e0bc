CREATE TABLE "catalog_bundles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" varchar(40) NOT NULL,
	"name" varchar(100) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"life_event" varchar(20) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"base_codes" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_item_versions" (
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" varchar(16) NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	CONSTRAINT "catalog_item_versions_item_id_version_pk" PRIMARY KEY("item_id","version")
);
--> statement-breakpoint
CREATE TABLE "catalog_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"impl_code" varchar(50) NOT NULL,
	"base_code" varchar(12) NOT NULL,
	"department_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"level" varchar(1) NOT NULL,
	"latest_version" integer DEFAULT 1 NOT NULL,
	"published_version" integer,
	"status" varchar(16) DEFAULT 'draft' NOT NULL,
	"name" varchar(200) NOT NULL,
	"item_type" varchar(2) NOT NULL,
	"service_objects" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"online_depth" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_immediate" boolean DEFAULT false NOT NULL,
	"is_online" boolean DEFAULT false NOT NULL,
	"is_one_visit" boolean DEFAULT false NOT NULL,
	"is_zero_visit" boolean DEFAULT false NOT NULL,
	"is_nearby" boolean DEFAULT false NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"popularity" integer DEFAULT 0 NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_bundles" ADD CONSTRAINT "catalog_bundles_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_item_versions" ADD CONSTRAINT "catalog_item_versions_item_id_catalog_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_bundles_key_uq" ON "catalog_bundles" USING btree ("region_code","key");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_items_impl_code_uq" ON "catalog_items" USING btree ("impl_code");--> statement-breakpoint
CREATE INDEX "catalog_items_department_idx" ON "catalog_items" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "catalog_items_region_idx" ON "catalog_items" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "catalog_items_base_code_idx" ON "catalog_items" USING btree ("base_code");--> statement-breakpoint
CREATE INDEX "catalog_items_search_idx" ON "catalog_items" USING gin (to_tsvector('simple', "search_text"));