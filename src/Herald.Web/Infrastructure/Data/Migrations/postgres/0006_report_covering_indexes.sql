-- 统计报表与积分（议题 3）：省级规模（百万篇稿件、30 万次用稿）下一个季度的报表只读索引。
-- 稿件表的行以正文开头，报送时间、迟报、审定时间、发布时间都在正文之后（读它们要走溢出页），所以按时期分组计数的
-- 三个查询各有一个覆盖索引：报送（按月按单位、作者计数，含迟报），审定，发布。新的报送索引以旧索引为前缀，旧索引随之删除。
-- PostgreSQL：只为覆盖而加的列放进 INCLUDE，键只留查找和排序用的列（SQLite 没有 INCLUDE，接在键后；ADR 0028）。
DROP INDEX "ix_manuscripts_submitted_at_unit_id";
CREATE INDEX "ix_manuscripts_submitted_at_unit_id_author_id_is_late" ON "manuscripts" ("submitted_at") INCLUDE ("unit_id", "author_id", "is_late");

CREATE INDEX "ix_manuscripts_approved_at_unit_id_author_id" ON "manuscripts" ("approved_at") INCLUDE ("unit_id", "author_id");

CREATE INDEX "ix_manuscripts_published_at_unit_id_author_id" ON "manuscripts" ("published_at") INCLUDE ("unit_id", "author_id");

-- 时期内已核实采用的稿件：按状态、用稿日期取稿件编号，只读索引。
DROP INDEX "ix_adoptions_status_adopted_on";
CREATE INDEX "ix_adoptions_status_adopted_on_manuscript_id" ON "adoptions" ("status", "adopted_on") INCLUDE ("manuscript_id");
