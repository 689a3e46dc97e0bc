CREATE TABLE "case_events" (
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" varchar(32) NOT NULL,
	"payload" jsonb NOT NULL,
	"details" jsonb NOT NULL,
	"actor_id" uuid,
	"actor_name" varchar(50) NOT NULL,
	"actor_role" varchar(16) NOT NULL,
	"from_status" varchar(16),
	"to_status" varchar(16) NOT NULL,
	"exchange_code" varchar(2),
	"opinion" text,
	"due_date" date,
	"region_code" varchar(12) NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_events_case_id_seq_pk" PRIMARY KEY("case_id","seq")
);
--> statement-breakpoint
CREATE TABLE "case_number_sequences" (
	"impl_code" varchar(50) NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "case_number_sequences_impl_code_day_pk" PRIMARY KEY("impl_code","day")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_no" varchar(50) NOT NULL,
	"item_id" uuid NOT NULL,
	"item_version" integer NOT NULL,
	"process_version" integer NOT NULL,
	"impl_code" varchar(50) NOT NULL,
	"item_name" varchar(200) NOT NULL,
	"case_type" varchar(1) NOT NULL,
	"department_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"taken_region_code" varchar(12) NOT NULL,
	"taken_hall_id" uuid,
	"applicant_account_id" uuid,
	"applicant" jsonb NOT NULL,
	"agent_account_id" uuid,
	"agent_authorisation" jsonb,
	"submitted_by" uuid NOT NULL,
	"channel" varchar(8) NOT NULL,
	"form_data" jsonb NOT NULL,
	"materials" jsonb NOT NULL,
	"delivery" jsonb NOT NULL,
	"status" varchar(16) NOT NULL,
	"exchange_status" varchar(2) NOT NULL,
	"green_channel" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"accepted_on" date,
	"limit_working_days" integer,
	"due_date" date,
	"due_provisional" boolean DEFAULT false NOT NULL,
	"open_steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"open_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"open_assignees" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer NOT NULL,
	"idempotency_key" varchar(100) NOT NULL,
	"request_hash" varchar(64) NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "process_definitions" (
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"origin" varchar(8) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "process_definitions_item_id_version_pk" PRIMARY KEY("item_id","version")
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_accounts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_item_id_catalog_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_taken_region_code_regions_code_fk" FOREIGN KEY ("taken_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_taken_hall_id_halls_id_fk" FOREIGN KEY ("taken_hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_applicant_account_id_accounts_id_fk" FOREIGN KEY ("applicant_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_agent_account_id_accounts_id_fk" FOREIGN KEY ("agent_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_item_id_process_version_process_definitions_item_id_version_fk" FOREIGN KEY ("item_id","process_version") REFERENCES "public"."process_definitions"("item_id","version") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_definitions" ADD CONSTRAINT "process_definitions_item_id_catalog_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_definitions" ADD CONSTRAINT "process_definitions_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_actor_idx" ON "case_events" USING btree ("actor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_case_no_uq" ON "cases" USING btree ("case_no");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_idempotency_uq" ON "cases" USING btree ("submitted_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "cases_applicant_idx" ON "cases" USING btree ("applicant_account_id");--> statement-breakpoint
CREATE INDEX "cases_agent_idx" ON "cases" USING btree ("agent_account_id") WHERE "cases"."agent_account_id" is not null;--> statement-breakpoint
CREATE INDEX "cases_department_status_idx" ON "cases" USING btree ("department_id","status");--> statement-breakpoint
CREATE INDEX "cases_region_status_idx" ON "cases" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "cases_open_assignees_idx" ON "cases" USING gin ("open_assignees");--> statement-breakpoint
-- Written by hand: a case's log and the process versions cases pin are append-only at the database level too.
CREATE FUNCTION case_tables_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = '42501';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_events_no_update BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION case_tables_append_only();
--> statement-breakpoint
CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
  FOR EACH STATEMENT EXECUTE FUNCTION case_tables_append_only();
--> statement-breakpoint
CREATE TRIGGER process_definitions_no_update BEFORE UPDATE OR DELETE ON process_definitions
  FOR EACH ROW EXECUTE FUNCTION case_tables_append_only();
--> statement-breakpoint
CREATE TRIGGER process_definitions_no_truncate BEFORE TRUNCATE ON process_definitions
  FOR EACH STATEMENT EXECUTE FUNCTION case_tables_append_only();
