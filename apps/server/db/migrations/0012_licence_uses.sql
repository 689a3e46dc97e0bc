CREATE TABLE "licence_uses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"licence_id" uuid NOT NULL,
	"case_no" varchar(64),
	"impl_code" varchar(50),
	"item_name" varchar(200),
	"material_key" varchar(40),
	"used_by" uuid,
	"used_by_name" varchar(100) NOT NULL,
	"purpose" varchar(200) NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "licence_uses" ADD CONSTRAINT "licence_uses_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_uses" ADD CONSTRAINT "licence_uses_used_by_accounts_id_fk" FOREIGN KEY ("used_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "licence_uses_licence_idx" ON "licence_uses" USING btree ("licence_id");--> statement-breakpoint
CREATE INDEX "licence_uses_impl_idx" ON "licence_uses" USING btree ("impl_code");