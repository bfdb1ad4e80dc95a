-- 省级规模下的数据表与工作台（议题 8）：两个索引加上可见范围要用的列，替换原来的索引（包含其全部用途，提交时不多维护索引）。
-- 按状态排序翻页：(状态, 更新时间) 加作者、单位，只读索引（草稿一组两万多行，逐行回表要 0.2–0.5 秒）。
-- PostgreSQL：只为覆盖而加的列放进 INCLUDE，键只留查找和排序用的列（SQLite 没有 INCLUDE，接在键后；ADR 0028）。
DROP INDEX "ix_manuscripts_status_updated_at";
CREATE INDEX "ix_manuscripts_status_updated_at_author_id_unit_id" ON "manuscripts" ("status", "updated_at") INCLUDE ("author_id", "unit_id");
-- 采编池（待处理的数字和最早的几篇）：(采编状态, 审定时间) 加状态、单位，只读索引（池中几十万篇时逐行回表数一遍要十秒）。
DROP INDEX "ix_manuscripts_editorial_approved_at";
CREATE INDEX "ix_manuscripts_editorial_approved_at_status_unit_id" ON "manuscripts" ("editorial", "approved_at") INCLUDE ("status", "unit_id");
-- 待核实的用稿申报（工作台，申报最早的在前）：按状态取、按申报时间排，不必把两万条待核实的先连接稿件再排序。
CREATE INDEX "ix_adoptions_status_claimed_at" ON "adoptions" ("status", "claimed_at");
