-- 发布、用稿登记、计分规则与通报（议题 3）。
-- 稿件增加采编状态：已审定的稿件进入"待采编"（editorial = 1）。
ALTER TABLE "manuscripts" ADD COLUMN "editorial" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "manuscripts" ADD COLUMN "not_used_reason" TEXT NULL;

ALTER TABLE "manuscripts" ADD COLUMN "published_at" TEXT NULL;

UPDATE "manuscripts" SET "editorial" = 1 WHERE "status" = 4;

CREATE TABLE "outlets" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_outlets" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "type" INTEGER NOT NULL,
    "disabled" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE TABLE "channels" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_channels" PRIMARY KEY AUTOINCREMENT,
    "unit_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "type" INTEGER NOT NULL,
    "url" TEXT NULL,
    "responsible_name" TEXT NOT NULL,
    "responsible_phone" TEXT NULL,
    "responsible_user_id" INTEGER NULL,
    "disabled" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_channels_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_channels_users_responsible_user_id" FOREIGN KEY ("responsible_user_id") REFERENCES "users" ("id") ON DELETE SET NULL
);

CREATE TABLE "publications" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_publications" PRIMARY KEY AUTOINCREMENT,
    "manuscript_id" INTEGER NOT NULL,
    "channel_id" INTEGER NOT NULL,
    "channel_name" TEXT NOT NULL,
    "url" TEXT NULL,
    "published_at" TEXT NOT NULL,
    "editor_id" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_publications_channels_channel_id" FOREIGN KEY ("channel_id") REFERENCES "channels" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_publications_manuscripts_manuscript_id" FOREIGN KEY ("manuscript_id") REFERENCES "manuscripts" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_publications_users_editor_id" FOREIGN KEY ("editor_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "adoptions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_adoptions" PRIMARY KEY AUTOINCREMENT,
    "manuscript_id" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "outlet_id" INTEGER NULL,
    "source_name" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "outlet_type" INTEGER NULL,
    "adopted_on" TEXT NOT NULL,
    "page_column" TEXT NULL,
    "url" TEXT NULL,
    "front_page" INTEGER NOT NULL,
    "proof_hash" TEXT NULL,
    "proof_file_name" TEXT NULL,
    "proof_content_type" TEXT NULL,
    "proof_size" INTEGER NULL,
    "status" INTEGER NOT NULL,
    "claimed_by_id" INTEGER NOT NULL,
    "claimed_at" TEXT NOT NULL,
    "verified_by_id" INTEGER NULL,
    "verified_at" TEXT NULL,
    "refuse_reason" TEXT NULL,
    CONSTRAINT "fk_adoptions_manuscripts_manuscript_id" FOREIGN KEY ("manuscript_id") REFERENCES "manuscripts" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_adoptions_outlets_outlet_id" FOREIGN KEY ("outlet_id") REFERENCES "outlets" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_adoptions_users_claimed_by_id" FOREIGN KEY ("claimed_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_adoptions_users_verified_by_id" FOREIGN KEY ("verified_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "scoring_rule_sets" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_scoring_rule_sets" PRIMARY KEY AUTOINCREMENT,
    "effective_from" TEXT NOT NULL,
    "points_table" TEXT NOT NULL,
    "front_page_multiplier" TEXT NOT NULL,
    "instruction_table" TEXT NOT NULL,
    "multi_adoption" INTEGER NOT NULL,
    "cap_points" TEXT NULL,
    "cap_period" INTEGER NOT NULL,
    "monthly_quota" INTEGER NOT NULL,
    "missing_penalty" TEXT NOT NULL,
    "late_penalty" TEXT NOT NULL,
    "note" TEXT NULL,
    "created_by_id" INTEGER NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_scoring_rule_sets_users_created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "bulletins" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_bulletins" PRIMARY KEY AUTOINCREMENT,
    "kind" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "root_unit_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "issuing_office" TEXT NOT NULL,
    "issue_date" TEXT NOT NULL,
    "opening" TEXT NULL,
    "requirements" TEXT NULL,
    "praise_unit_count" INTEGER NOT NULL,
    "praise_correspondent_count" INTEGER NOT NULL,
    "status" INTEGER NOT NULL,
    "snapshot" TEXT NULL,
    "document_hash" TEXT NULL,
    "workbook_hash" TEXT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "published_by_id" INTEGER NULL,
    "published_at" TEXT NULL,
    "revision" INTEGER NOT NULL,
    CONSTRAINT "fk_bulletins_units_root_unit_id" FOREIGN KEY ("root_unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_bulletins_users_created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_bulletins_users_published_by_id" FOREIGN KEY ("published_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_adoptions_claimed_by_id" ON "adoptions" ("claimed_by_id");

CREATE INDEX "ix_adoptions_manuscript_id" ON "adoptions" ("manuscript_id");

CREATE UNIQUE INDEX "ix_adoptions_manuscript_id_outlet_id" ON "adoptions" ("manuscript_id", "outlet_id") WHERE status <> 2 AND outlet_id IS NOT NULL;

CREATE INDEX "ix_adoptions_outlet_id" ON "adoptions" ("outlet_id");

CREATE INDEX "ix_adoptions_status_adopted_on" ON "adoptions" ("status", "adopted_on");

CREATE INDEX "ix_adoptions_verified_by_id" ON "adoptions" ("verified_by_id");

CREATE INDEX "ix_bulletins_created_by_id" ON "bulletins" ("created_by_id");

CREATE UNIQUE INDEX "ix_bulletins_kind_year_quarter_root_unit_id_version" ON "bulletins" ("kind", "year", "quarter", "root_unit_id", "version");

CREATE INDEX "ix_bulletins_published_by_id" ON "bulletins" ("published_by_id");

CREATE INDEX "ix_bulletins_root_unit_id" ON "bulletins" ("root_unit_id");

CREATE INDEX "ix_channels_responsible_user_id" ON "channels" ("responsible_user_id");

CREATE INDEX "ix_channels_unit_id" ON "channels" ("unit_id");

CREATE INDEX "ix_manuscripts_editorial_approved_at" ON "manuscripts" ("editorial", "approved_at");

CREATE INDEX "ix_manuscripts_submitted_at_unit_id" ON "manuscripts" ("submitted_at", "unit_id");

CREATE UNIQUE INDEX "ix_outlets_name" ON "outlets" ("name");

CREATE INDEX "ix_publications_channel_id" ON "publications" ("channel_id");

CREATE INDEX "ix_publications_editor_id" ON "publications" ("editor_id");

CREATE UNIQUE INDEX "ix_publications_manuscript_id_channel_id" ON "publications" ("manuscript_id", "channel_id");

CREATE INDEX "ix_publications_published_at" ON "publications" ("published_at");

CREATE INDEX "ix_scoring_rule_sets_created_by_id" ON "scoring_rule_sets" ("created_by_id");

CREATE INDEX "ix_scoring_rule_sets_effective_from" ON "scoring_rule_sets" ("effective_from");
