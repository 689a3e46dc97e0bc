CREATE TABLE "sharing_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"client_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"method" varchar(8) NOT NULL,
	"path" varchar(300) NOT NULL,
	"purpose" varchar(200),
	"status" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sharing_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" varchar(40) NOT NULL,
	"name" varchar(100) NOT NULL,
	"secret_hash" varchar(64) NOT NULL,
	"scopes" text[] NOT NULL,
	"rate_per_minute" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sharing_tokens" (
	"token_hash" varchar(64) PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"scopes" text[] NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sharing_access_log" ADD CONSTRAINT "sharing_access_log_client_id_sharing_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."sharing_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_clients" ADD CONSTRAINT "sharing_clients_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_tokens" ADD CONSTRAINT "sharing_tokens_client_id_sharing_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."sharing_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sharing_access_log_client_idx" ON "sharing_access_log" USING btree ("client_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "sharing_clients_client_id_uq" ON "sharing_clients" USING btree ("client_id");