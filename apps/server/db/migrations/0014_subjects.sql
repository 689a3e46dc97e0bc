CREATE TABLE "subjects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(16) NOT NULL,
	"identifier" varchar(18) NOT NULL,
	"name" varchar(200) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"status" varchar(16) NOT NULL,
	"source" varchar(100) NOT NULL,
	"details" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sharing_clients" ADD COLUMN "status" varchar(16) DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "sharing_clients" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sharing_clients" ADD COLUMN "suspend_reason" varchar(500);--> statement-breakpoint
ALTER TABLE "sharing_clients" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "sharing_tokens" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "subjects_identifier_uq" ON "subjects" USING btree ("identifier");--> statement-breakpoint
CREATE INDEX "subjects_region_kind_idx" ON "subjects" USING btree ("region_code","kind");--> statement-breakpoint
CREATE INDEX "sharing_access_log_at_idx" ON "sharing_access_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "sharing_tokens_client_idx" ON "sharing_tokens" USING btree ("client_id");