-- 审计记录的哈希链（议题 9 第 10 项，ADR 0021）：每条记下上一条的哈希和本条内容的哈希，事后改动或删除可被 verify-audit 查出。
ALTER TABLE "audit_entries" ADD COLUMN "previous_hash" TEXT NULL;

ALTER TABLE "audit_entries" ADD COLUMN "hash" TEXT NULL;

-- 仍只能追加；唯一允许的修改是给升级前写下的、还没有哈希的记录补上哈希（内容不变），由启动时的补链一次完成。
DROP TRIGGER "trg_audit_entries_no_update";

CREATE TRIGGER "trg_audit_entries_no_update" BEFORE UPDATE ON "audit_entries"
WHEN OLD."hash" IS NOT NULL OR NEW."hash" IS NULL
    OR NEW."id" IS NOT OLD."id" OR NEW."at" IS NOT OLD."at" OR NEW."user_id" IS NOT OLD."user_id"
    OR NEW."user_name" IS NOT OLD."user_name" OR NEW."action" IS NOT OLD."action" OR NEW."entity_type" IS NOT OLD."entity_type"
    OR NEW."entity_id" IS NOT OLD."entity_id" OR NEW."detail" IS NOT OLD."detail" OR NEW."ip_address" IS NOT OLD."ip_address"
BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
