-- 舆情监测（议题 4）：舆情信息、关键词命中、截图、近似重复的候选索引（MinHash 分段）、订阅源及其轮询状态。

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
    "item_id" INTEGER NOT NULL,
    "band" INTEGER NOT NULL,
    "band_key" INTEGER NOT NULL,
    CONSTRAINT "pk_opinion_item_bands" PRIMARY KEY ("item_id", "band"),
    CONSTRAINT "fk_opinion_item_bands_opinion_items_item_id" FOREIGN KEY ("item_id") REFERENCES "opinion_items" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_opinion_feeds_created_by_id" ON "opinion_feeds" ("created_by_id");

CREATE UNIQUE INDEX "ix_opinion_feeds_name" ON "opinion_feeds" ("name");

CREATE INDEX "ix_opinion_feeds_next_due_at" ON "opinion_feeds" ("next_due_at");

CREATE INDEX "ix_opinion_item_attachments_file_hash" ON "opinion_item_attachments" ("file_hash");

CREATE INDEX "ix_opinion_item_attachments_item_id" ON "opinion_item_attachments" ("item_id");

CREATE INDEX "ix_opinion_item_bands_band_key_item_id" ON "opinion_item_bands" ("band_key", "item_id");

CREATE INDEX "ix_opinion_item_hits_item_id" ON "opinion_item_hits" ("item_id");

CREATE INDEX "ix_opinion_items_duplicate_of_id_received_at" ON "opinion_items" ("duplicate_of_id", "received_at");

CREATE UNIQUE INDEX "ix_opinion_items_feed_id_external_id" ON "opinion_items" ("feed_id", "external_id") WHERE feed_id IS NOT NULL AND external_id IS NOT NULL;

CREATE INDEX "ix_opinion_items_received_at" ON "opinion_items" ("received_at");

CREATE INDEX "ix_opinion_items_reporter_id" ON "opinion_items" ("reporter_id");

CREATE INDEX "ix_opinion_items_reporter_unit_id_received_at" ON "opinion_items" ("reporter_unit_id", "received_at");

CREATE INDEX "ix_opinion_items_token_id" ON "opinion_items" ("token_id");
