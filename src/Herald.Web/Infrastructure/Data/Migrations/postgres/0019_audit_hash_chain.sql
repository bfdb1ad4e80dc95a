-- 审计记录的哈希链（议题 9 第 10 项，ADR 0021）：每条记下上一条的哈希和本条内容的哈希，事后改动或删除可被 verify-audit 查出。
ALTER TABLE "audit_entries" ADD COLUMN "previous_hash" character varying(64);

ALTER TABLE "audit_entries" ADD COLUMN "hash" character varying(64);

-- 仍只能追加；唯一允许的修改是给升级前写下的、还没有哈希的记录补上哈希（内容不变），由启动时的补链一次完成。
DROP TRIGGER "trg_audit_entries_no_update" ON "audit_entries";

CREATE TRIGGER "trg_audit_entries_no_update" BEFORE UPDATE ON "audit_entries"
FOR EACH ROW WHEN (OLD."hash" IS NOT NULL OR NEW."hash" IS NULL
    OR NEW."id" IS DISTINCT FROM OLD."id" OR NEW."at" IS DISTINCT FROM OLD."at" OR NEW."user_id" IS DISTINCT FROM OLD."user_id"
    OR NEW."user_name" IS DISTINCT FROM OLD."user_name" OR NEW."action" IS DISTINCT FROM OLD."action" OR NEW."entity_type" IS DISTINCT FROM OLD."entity_type"
    OR NEW."entity_id" IS DISTINCT FROM OLD."entity_id" OR NEW."detail" IS DISTINCT FROM OLD."detail" OR NEW."ip_address" IS DISTINCT FROM OLD."ip_address")
EXECUTE FUNCTION "herald_refuse_append_only_change"();
