-- 审改（议题 8）：审核人直接修改稿件产生的版本，署审核人的名字（author_id），并标明是审改。已有的版本都是作者报送的。
ALTER TABLE "manuscript_versions" ADD COLUMN "review_edit" boolean NOT NULL DEFAULT FALSE;
