-- 舆情监测（议题 4）：舆情信息、关键词命中、截图、近似重复的候选索引（MinHash 分段）、订阅源及其轮询状态；
-- 关键词库（舆情监测词表、敏感词表）。

CREATE TABLE "opinion_feeds" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_opinion_feeds" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "interval_minutes" INTEGER NOT NULL,
    "timeout_seconds" INTEGER NOT NULL,
    "max_kilobytes" INTEGER NOT NULL,
    "disabled" INTEGER NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "next_due_at" TEXT NOT NULL,
    "last_polled_at" TEXT NULL,
    "last_success_at" TEXT NULL,
    "last_error_at" TEXT NULL,
    "last_error" TEXT NULL,
    "consecutive_failures" INTEGER NOT NULL,
    "last_item_count" INTEGER NOT NULL,
    "etag" TEXT NULL,
    "last_modified" TEXT NULL,
    "lease_until" TEXT NULL,
    "revision" INTEGER NOT NULL,
    CONSTRAINT "fk_opinion_feeds_users_created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "opinion_items" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_opinion_items" PRIMARY KEY AUTOINCREMENT,
    "kind" INTEGER NOT NULL,
    "source" TEXT NULL,
    "platform" TEXT NOT NULL,
    "url" TEXT NULL,
    "title" TEXT NULL,
    "content" TEXT NOT NULL,
    "author" TEXT NULL,
    "published_at" TEXT NULL,
    "received_at" TEXT NOT NULL,
    "reporter_id" INTEGER NULL,
    "reporter_unit_id" INTEGER NULL,
    "token_id" INTEGER NULL,
    "feed_id" INTEGER NULL,
    "external_id" TEXT NULL,
    "submission_key" TEXT NULL,
    "duplicate_of_id" INTEGER NULL,
    "duplicate_count" INTEGER NOT NULL,
    "hit_count" INTEGER NOT NULL,
    "hit_weight" INTEGER NOT NULL,
    CONSTRAINT "fk_opinion_items_api_tokens_token_id" FOREIGN KEY ("token_id") REFERENCES "api_tokens" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_opinion_items_opinion_feeds_feed_id" FOREIGN KEY ("feed_id") REFERENCES "opinion_feeds" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_opinion_items_opinion_items_duplicate_of_id" FOREIGN KEY ("duplicate_of_id") REFERENCES "opinion_items" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_opinion_items_units_reporter_unit_id" FOREIGN KEY ("reporter_unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_opinion_items_users_reporter_id" FOREIGN KEY ("reporter_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "opinion_item_hits" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_opinion_item_hits" PRIMARY KEY AUTOINCREMENT,
    "item_id" INTEGER NOT NULL,
    "field" INTEGER NOT NULL,
    "keyword" TEXT NOT NULL,
    "list" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "length" INTEGER NOT NULL,
    CONSTRAINT "fk_opinion_item_hits_opinion_items_item_id" FOREIGN KEY ("item_id") REFERENCES "opinion_items" ("id") ON DELETE CASCADE
);

CREATE TABLE "opinion_item_attachments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_opinion_item_attachments" PRIMARY KEY AUTOINCREMENT,
    "item_id" INTEGER NOT NULL,
    "file_hash" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "width" INTEGER NULL,
    "height" INTEGER NULL,
    "sort_order" INTEGER NOT NULL,
    CONSTRAINT "fk_opinion_item_attachments_opinion_items_item_id" FOREIGN KEY ("item_id") REFERENCES "opinion_items" ("id") ON DELETE CASCADE
);

CREATE TABLE "opinion_item_bands" (
    "band_key" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    CONSTRAINT "pk_opinion_item_bands" PRIMARY KEY ("band_key", "item_id")
) WITHOUT ROWID;

CREATE TABLE "keyword_lists" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_keyword_lists" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "purpose" INTEGER NOT NULL,
    "description" TEXT NULL,
    "words" TEXT NOT NULL,
    "word_count" INTEGER NOT NULL,
    "allow_phrases" TEXT NOT NULL,
    "blocking_categories" TEXT NOT NULL,
    "disabled" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    "updated_by_id" INTEGER NULL,
    "revision" INTEGER NOT NULL,
    CONSTRAINT "fk_keyword_lists_users_updated_by_id" FOREIGN KEY ("updated_by_id") REFERENCES "users" ("id") ON DELETE SET NULL
);

CREATE UNIQUE INDEX "ix_keyword_lists_name" ON "keyword_lists" ("name");

CREATE INDEX "ix_keyword_lists_updated_by_id" ON "keyword_lists" ("updated_by_id");

CREATE INDEX "ix_opinion_feeds_created_by_id" ON "opinion_feeds" ("created_by_id");

CREATE UNIQUE INDEX "ix_opinion_feeds_name" ON "opinion_feeds" ("name");

CREATE INDEX "ix_opinion_feeds_next_due_at" ON "opinion_feeds" ("next_due_at");

CREATE INDEX "ix_opinion_item_attachments_file_hash" ON "opinion_item_attachments" ("file_hash");

CREATE INDEX "ix_opinion_item_attachments_item_id" ON "opinion_item_attachments" ("item_id");

CREATE INDEX "ix_opinion_item_hits_item_id" ON "opinion_item_hits" ("item_id");

CREATE INDEX "ix_opinion_items_duplicate_of_id_received_at" ON "opinion_items" ("duplicate_of_id", "received_at");

CREATE UNIQUE INDEX "ix_opinion_items_feed_id_external_id" ON "opinion_items" ("feed_id", "external_id") WHERE feed_id IS NOT NULL AND external_id IS NOT NULL;

CREATE INDEX "ix_opinion_items_received_at" ON "opinion_items" ("received_at");

CREATE UNIQUE INDEX "ix_opinion_items_reporter_id_submission_key" ON "opinion_items" ("reporter_id", "submission_key") WHERE submission_key IS NOT NULL;

CREATE INDEX "ix_opinion_items_reporter_unit_id_received_at" ON "opinion_items" ("reporter_unit_id", "received_at");

CREATE INDEX "ix_opinion_items_token_id" ON "opinion_items" ("token_id");

-- 默认词表（示例，宣传办可在“词表”页修改或停用）。词表每行“词 权重 分类”。
INSERT INTO "keyword_lists" ("name", "purpose", "description", "words", "word_count", "allow_phrases", "blocking_categories", "disabled", "updated_at", "updated_by_id", "revision")
VALUES ('舆情监测词（默认）', 0, '默认示例词表，请按本地情况增删词语、调整权重和分类。', '投诉 2 投诉举报
举报 2 投诉举报
维权 3 群体事件
上访 3 群体事件
聚集 3 群体事件
拉横幅 4 群体事件
曝光 3 媒体曝光
黑幕 4 媒体曝光
暗访 3 媒体曝光
事故 4 安全事故
塌方 5 安全事故
爆炸 5 安全事故
火灾 4 安全事故
伤亡 5 安全事故
中毒 4 食品药品
食品安全 3 食品药品
欠薪 4 劳资纠纷
讨薪 4 劳资纠纷
拖欠工资 4 劳资纠纷
强拆 5 征地拆迁
征地 3 征地拆迁
拆迁 3 征地拆迁
污染 3 生态环境
偷排 4 生态环境
腐败 5 干部作风
贪污 5 干部作风
不作为 3 干部作风
乱收费 3 干部作风
打人 4 社会治安
诈骗 3 社会治安', 30, '投诉电话
举报电话
举报信箱', '', 0, '2026-01-01 00:00:00', NULL, 1);

INSERT INTO "keyword_lists" ("name", "purpose", "description", "words", "word_count", "allow_phrases", "blocking_categories", "disabled", "updated_at", "updated_by_id", "revision")
VALUES ('敏感词（默认）', 1, '默认示例词表，请按本地情况修改。“政治”类为阻断类别：命中的稿件须审核人说明理由才能通过。', '台独 5 政治
港独 5 政治
藏独 5 政治
疆独 5 政治
台湾总统 5 政治
台湾政府 5 政治
中华民国 3 错误提法
北朝鲜 2 错误提法
南朝鲜 2 错误提法
两岸三地 2 错误提法
屌丝 1 不文明用语
撕逼 1 不文明用语', 12, '中华民国时期', '政治', 0, '2026-01-01 00:00:00', NULL, 1);
