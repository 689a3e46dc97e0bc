CREATE TABLE "licence_events" (
	"licence_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"action" varchar(20) NOT NULL,
	"from_status" varchar(20),
	"to_status" varchar(20) NOT NULL,
	"reason" text,
	"case_no" varchar(64),
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "licence_events_licence_id_seq_pk" PRIMARY KEY("licence_id","seq")
);
--> statement-breakpoint
CREATE TABLE "licence_keys" (
	"id" varchar(40) PRIMARY KEY NOT NULL,
	"algorithm" varchar(16) NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"status" varchar(16) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "licence_number_sequences" (
	"type_code" varchar(21) NOT NULL,
	"issuer_code" varchar(18) NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "licence_number_sequences_type_code_issuer_code_year_pk" PRIMARY KEY("type_code","issuer_code","year")
);
--> statement-breakpoint
CREATE TABLE "licence_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" varchar(40) NOT NULL,
	"code" varchar(21) NOT NULL,
	"name" varchar(100) NOT NULL,
	"defining_authority" varchar(100) NOT NULL,
	"holder_kind" varchar(16) NOT NULL,
	"fields" jsonb NOT NULL,
	"validity_years" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier" varchar(120) NOT NULL,
	"type_id" uuid NOT NULL,
	"number" varchar(40) NOT NULL,
	"version" integer NOT NULL,
	"previous_identifier" varchar(120),
	"holder_name" varchar(100) NOT NULL,
	"holder_id_type" varchar(3) NOT NULL,
	"holder_id_number" varchar(18) NOT NULL,
	"issuer_code" varchar(18) NOT NULL,
	"issuer_name" varchar(100) NOT NULL,
	"issuer_department_id" uuid,
	"region_code" varchar(12) NOT NULL,
	"issue_date" date NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"data" jsonb NOT NULL,
	"status" varchar(20) NOT NULL,
	"signature" jsonb NOT NULL,
	"case_no" varchar(64),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "licence_events" ADD CONSTRAINT "licence_events_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_events" ADD CONSTRAINT "licence_events_actor_id_accounts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_type_id_licence_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."licence_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_issuer_department_id_departments_id_fk" FOREIGN KEY ("issuer_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "licence_types_key_uq" ON "licence_types" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "licence_types_code_uq" ON "licence_types" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "licences_identifier_uq" ON "licences" USING btree ("identifier");--> statement-breakpoint
CREATE INDEX "licences_holder_idx" ON "licences" USING btree ("holder_id_number");--> statement-breakpoint
CREATE INDEX "licences_case_idx" ON "licences" USING btree ("case_no");