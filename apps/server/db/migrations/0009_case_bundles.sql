CREATE TABLE "case_bundle_members" (
	"bundle_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"case_id" uuid NOT NULL,
	CONSTRAINT "case_bundle_members_bundle_id_position_pk" PRIMARY KEY("bundle_id","position")
);
--> statement-breakpoint
CREATE TABLE "case_bundles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bundle_no" varchar(30) NOT NULL,
	"bundle_key" varchar(60) NOT NULL,
	"bundle_name" varchar(100) NOT NULL,
	"submitted_by" uuid NOT NULL,
	"applicant_account_id" uuid,
	"idempotency_key" varchar(100) NOT NULL,
	"request_hash" varchar(64) NOT NULL,
	"impl_codes" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_bundle_members" ADD CONSTRAINT "case_bundle_members_bundle_id_case_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."case_bundles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_bundle_members" ADD CONSTRAINT "case_bundle_members_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_bundles" ADD CONSTRAINT "case_bundles_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_bundles" ADD CONSTRAINT "case_bundles_applicant_account_id_accounts_id_fk" FOREIGN KEY ("applicant_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_bundle_members_case_uq" ON "case_bundle_members" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_bundles_no_uq" ON "case_bundles" USING btree ("bundle_no");--> statement-breakpoint
CREATE UNIQUE INDEX "case_bundles_idempotency_uq" ON "case_bundles" USING btree ("submitted_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "case_bundles_applicant_idx" ON "case_bundles" USING btree ("applicant_account_id");