-- 可配置选项表：舆情类别（case-category）、舆情平台（opinion-platform）。宣传办在“选项表”页增删、改名、排序、停用。
CREATE TABLE "option_entries" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_option_entries" PRIMARY KEY AUTOINCREMENT,
    "list_key" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "disabled" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "ix_option_entries_list_key_code" ON "option_entries" ("list_key", "code");

CREATE INDEX "ix_option_entries_list_key_sort_order" ON "option_entries" ("list_key", "sort_order");

INSERT INTO "option_entries" ("list_key", "code", "name", "sort_order", "disabled") VALUES
('case-category', '1', '公共服务', 1, 0),
('case-category', '2', '安全生产', 2, 0),
('case-category', '3', '生态环境', 3, 0),
('case-category', '4', '食品药品', 4, 0),
('case-category', '5', '社会治安', 5, 0),
('case-category', '6', '教育医疗', 6, 0),
('case-category', '7', '征地拆迁', 7, 0),
('case-category', '8', '劳动保障', 8, 0),
('case-category', '9', '干部作风', 9, 0),
('case-category', '10', '自然灾害', 10, 0),
('case-category', '11', '涉企营商', 11, 0),
('case-category', '12', '其他', 12, 0),
('opinion-platform', '1', '微博', 1, 0),
('opinion-platform', '2', '微信', 2, 0),
('opinion-platform', '3', '抖音', 3, 0),
('opinion-platform', '4', '快手', 4, 0),
('opinion-platform', '5', '今日头条', 5, 0),
('opinion-platform', '6', '新闻网站', 6, 0),
('opinion-platform', '7', '论坛/贴吧', 7, 0),
('opinion-platform', '8', '小红书', 8, 0),
('opinion-platform', '9', 'B站', 9, 0),
('opinion-platform', '10', '12345热线', 10, 0),
('opinion-platform', '11', '其他', 11, 0);

-- 已立案件用过的类别、已收信息里的平台也列入（排在后面），已保存的值不会从选项中消失。
INSERT INTO "option_entries" ("list_key", "code", "name", "sort_order", "disabled")
SELECT 'case-category', CAST(12 + ROW_NUMBER() OVER (ORDER BY "category") AS TEXT), "category", 12 + ROW_NUMBER() OVER (ORDER BY "category"), 0
FROM (SELECT DISTINCT "category" FROM "opinion_cases"
      WHERE "category" NOT IN (SELECT "name" FROM "option_entries" WHERE "list_key" = 'case-category'));

INSERT INTO "option_entries" ("list_key", "code", "name", "sort_order", "disabled")
SELECT 'opinion-platform', CAST(11 + ROW_NUMBER() OVER (ORDER BY "platform") AS TEXT), "platform", 11 + ROW_NUMBER() OVER (ORDER BY "platform"), 0
FROM (SELECT DISTINCT "platform" FROM "opinion_items"
      WHERE "platform" NOT IN (SELECT "name" FROM "option_entries" WHERE "list_key" = 'opinion-platform'));
