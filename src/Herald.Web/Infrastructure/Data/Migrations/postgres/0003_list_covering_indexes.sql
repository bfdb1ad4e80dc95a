-- 稿件列表（省级规模：5000 个单位、100 万篇稿件）：按单位、按作者、全部三种翻页用的索引带上可见范围要用的
-- 状态、作者、单位，过滤、计数和按更新时间排序只读索引即可完成，不必逐行读取带正文的整行（正文在行的前部，
-- 读后面的列要走溢出页）。新索引以旧索引为前缀，旧索引随之删除。
-- PostgreSQL：只为覆盖而加的列放进 INCLUDE，键只留查找和排序用的列（SQLite 没有 INCLUDE，接在键后；ADR 0028）。
DROP INDEX "ix_manuscripts_unit_id_updated_at";
CREATE INDEX "ix_manuscripts_unit_id_updated_at_status_author_id" ON "manuscripts" ("unit_id", "updated_at") INCLUDE ("status", "author_id");

DROP INDEX "ix_manuscripts_author_id_updated_at";
CREATE INDEX "ix_manuscripts_author_id_updated_at_status_unit_id" ON "manuscripts" ("author_id", "updated_at") INCLUDE ("status", "unit_id");

DROP INDEX "ix_manuscripts_updated_at";
CREATE INDEX "ix_manuscripts_updated_at_status_author_id_unit_id" ON "manuscripts" ("updated_at") INCLUDE ("status", "author_id", "unit_id");
