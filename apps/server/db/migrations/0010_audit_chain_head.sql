CREATE TABLE "audit_chain_head" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"prev_hash" varchar(64) NOT NULL,
	"hash" varchar(64) NOT NULL,
	CONSTRAINT "audit_chain_head_one_row" CHECK ("audit_chain_head"."id" = 1)
);
--> statement-breakpoint
-- The head starts at the last entry of the existing chain (the genesis hash when there is none).
INSERT INTO "audit_chain_head" ("id", "prev_hash", "hash")
SELECT 1, coalesce(last.prev_hash, repeat('0', 64)), coalesce(last.hash, repeat('0', 64))
FROM (SELECT 1) AS one LEFT JOIN LATERAL (SELECT prev_hash, hash FROM audit_log ORDER BY id DESC LIMIT 1) AS last ON true;
--> statement-breakpoint
-- The head is updated, never removed.
CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
