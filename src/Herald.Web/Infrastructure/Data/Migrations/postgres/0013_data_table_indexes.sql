-- 数据表的排序（议题 8）：省级规模（百万篇稿件、30 万次用稿）下按标题、事件日期排稿件，按申报时间、用稿日期、级别、状态排用稿（同值的按编号，方向相同，见 ListAdoptions），
-- 没有索引时每页都要把全表排序一遍（4–7 秒）。稿件的两个索引同 0003 的列表索引带上可见范围要用的状态、作者、单位，只读索引即可取到一页。
-- PostgreSQL：只为覆盖而加的列放进 INCLUDE，键只留查找和排序用的列（SQLite 没有 INCLUDE，接在键后；ADR 0028）。
CREATE INDEX "ix_manuscripts_title_status_author_id_unit_id" ON "manuscripts" ("title") INCLUDE ("status", "author_id", "unit_id");
CREATE INDEX "ix_manuscripts_event_date_status_author_id_unit_id" ON "manuscripts" ("event_date") INCLUDE ("status", "author_id", "unit_id");
CREATE INDEX "ix_adoptions_claimed_at" ON "adoptions" ("claimed_at");
CREATE INDEX "ix_adoptions_adopted_on" ON "adoptions" ("adopted_on");
CREATE INDEX "ix_adoptions_level" ON "adoptions" ("level");
CREATE INDEX "ix_adoptions_status" ON "adoptions" ("status");
