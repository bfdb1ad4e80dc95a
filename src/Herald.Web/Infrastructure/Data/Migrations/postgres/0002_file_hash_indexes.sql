-- 清理过期暂存上传时：按时间找过期行，按文件散列判断文件是否仍被引用。
CREATE INDEX "ix_manuscript_attachments_file_hash" ON "manuscript_attachments" ("file_hash");

CREATE INDEX "ix_staged_uploads_created_at" ON "staged_uploads" ("created_at");

CREATE INDEX "ix_staged_uploads_hash" ON "staged_uploads" ("hash");
