-- Herald 初始结构（SQLite）。由 EF 模型生成（dotnet run --project src/Herald.Web -- schema-script）后补充只追加触发器。
CREATE TABLE "app_settings" (
    "key" TEXT NOT NULL CONSTRAINT "pk_app_settings" PRIMARY KEY,
    "value" TEXT NOT NULL
);


CREATE TABLE "audit_entries" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_audit_entries" PRIMARY KEY AUTOINCREMENT,
    "at" TEXT NOT NULL,
    "user_id" INTEGER NULL,
    "user_name" TEXT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NULL,
    "entity_id" INTEGER NULL,
    "detail" TEXT NULL,
    "ip_address" TEXT NULL
);


CREATE TABLE "categories" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_categories" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "disabled" INTEGER NOT NULL
);


CREATE TABLE "units" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_units" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "parent_id" INTEGER NULL,
    "type" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "disabled" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_units_units_parent_id" FOREIGN KEY ("parent_id") REFERENCES "units" ("id") ON DELETE RESTRICT
);


CREATE TABLE "users" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_users" PRIMARY KEY AUTOINCREMENT,
    "user_name" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "phone" TEXT NULL,
    "email" TEXT NULL,
    "unit_id" INTEGER NULL,
    "disabled" INTEGER NOT NULL,
    "must_change_password" INTEGER NOT NULL,
    "failed_sign_in_count" INTEGER NOT NULL,
    "lockout_end_utc" TEXT NULL,
    "security_stamp" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "last_sign_in_at" TEXT NULL,
    CONSTRAINT "fk_users_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT
);


CREATE TABLE "api_tokens" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_api_tokens" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "token_hash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "revoked_at" TEXT NULL,
    "last_used_at" TEXT NULL,
    CONSTRAINT "fk_api_tokens_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "correspondent_records" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_correspondent_records" PRIMARY KEY AUTOINCREMENT,
    "unit_id" INTEGER NOT NULL,
    "user_id" INTEGER NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "email" TEXT NULL,
    "position" TEXT NULL,
    "appointed_on" TEXT NOT NULL,
    "ended_on" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_correspondent_records_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_correspondent_records_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE SET NULL
);


CREATE TABLE "manuscripts" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_manuscripts" PRIMARY KEY AUTOINCREMENT,
    "unit_id" INTEGER NOT NULL,
    "author_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body_html" TEXT NOT NULL,
    "body_text" TEXT NOT NULL,
    "category_id" INTEGER NOT NULL,
    "importance" INTEGER NOT NULL,
    "event_date" TEXT NOT NULL,
    "emergency" INTEGER NOT NULL,
    "known_at_utc" TEXT NULL,
    "follow_up_of_id" INTEGER NULL,
    "follow_up_number" INTEGER NOT NULL,
    "status" INTEGER NOT NULL,
    "route_steps" TEXT NOT NULL,
    "current_step" INTEGER NULL,
    "current_step_role" INTEGER NULL,
    "version_number" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "standard_name" TEXT NULL,
    "name_date" TEXT NULL,
    "name_sequence" INTEGER NOT NULL,
    "submitted_at" TEXT NULL,
    "last_submitted_at" TEXT NULL,
    "is_late" INTEGER NOT NULL,
    "approved_at" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "submission_key" TEXT NULL,
    CONSTRAINT "fk_manuscripts_categories_category_id" FOREIGN KEY ("category_id") REFERENCES "categories" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_manuscripts_manuscripts_follow_up_of_id" FOREIGN KEY ("follow_up_of_id") REFERENCES "manuscripts" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_manuscripts_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_manuscripts_users_author_id" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);


CREATE TABLE "notifications" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_notifications" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "manuscript_id" INTEGER NULL,
    "subject" TEXT NOT NULL,
    "actor_name" TEXT NULL,
    "comment" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "read_at" TEXT NULL,
    CONSTRAINT "fk_notifications_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "role_assignments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_role_assignments" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "role" INTEGER NOT NULL,
    "unit_id" INTEGER NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_role_assignments_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_role_assignments_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "staged_uploads" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_staged_uploads" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "width" INTEGER NULL,
    "height" INTEGER NULL,
    "kind" INTEGER NOT NULL,
    "caption" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_staged_uploads_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "manuscript_attachments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_manuscript_attachments" PRIMARY KEY AUTOINCREMENT,
    "manuscript_id" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "file_hash" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "caption" TEXT NULL,
    "width" INTEGER NULL,
    "height" INTEGER NULL,
    "sort_order" INTEGER NOT NULL,
    CONSTRAINT "fk_manuscript_attachments_manuscripts_manuscript_id" FOREIGN KEY ("manuscript_id") REFERENCES "manuscripts" ("id") ON DELETE CASCADE
);


CREATE TABLE "manuscript_events" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_manuscript_events" PRIMARY KEY AUTOINCREMENT,
    "manuscript_id" INTEGER NOT NULL,
    "at" TEXT NOT NULL,
    "actor_id" INTEGER NULL,
    "action" INTEGER NOT NULL,
    "from_status" INTEGER NOT NULL,
    "to_status" INTEGER NOT NULL,
    "step" INTEGER NULL,
    "step_role" INTEGER NULL,
    "comment" TEXT NULL,
    "version_number" INTEGER NOT NULL,
    CONSTRAINT "fk_manuscript_events_manuscripts_manuscript_id" FOREIGN KEY ("manuscript_id") REFERENCES "manuscripts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_manuscript_events_users_actor_id" FOREIGN KEY ("actor_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);


CREATE TABLE "manuscript_versions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_manuscript_versions" PRIMARY KEY AUTOINCREMENT,
    "manuscript_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body_html" TEXT NOT NULL,
    "body_text" TEXT NOT NULL,
    "photo_captions" TEXT NOT NULL,
    "author_id" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_manuscript_versions_manuscripts_manuscript_id" FOREIGN KEY ("manuscript_id") REFERENCES "manuscripts" ("id") ON DELETE CASCADE
);


CREATE UNIQUE INDEX "ix_api_tokens_token_hash" ON "api_tokens" ("token_hash");


CREATE INDEX "ix_api_tokens_user_id" ON "api_tokens" ("user_id");


CREATE INDEX "ix_audit_entries_at" ON "audit_entries" ("at");


CREATE INDEX "ix_audit_entries_user_id_at" ON "audit_entries" ("user_id", "at");


CREATE UNIQUE INDEX "ix_categories_name" ON "categories" ("name");


CREATE INDEX "ix_correspondent_records_unit_id" ON "correspondent_records" ("unit_id");


CREATE INDEX "ix_correspondent_records_user_id" ON "correspondent_records" ("user_id");


CREATE INDEX "ix_manuscript_attachments_manuscript_id" ON "manuscript_attachments" ("manuscript_id");


CREATE INDEX "ix_manuscript_events_actor_id" ON "manuscript_events" ("actor_id");


CREATE INDEX "ix_manuscript_events_manuscript_id_at" ON "manuscript_events" ("manuscript_id", "at");


CREATE UNIQUE INDEX "ix_manuscript_versions_manuscript_id_number" ON "manuscript_versions" ("manuscript_id", "number");


CREATE UNIQUE INDEX "ix_manuscripts_author_id_submission_key" ON "manuscripts" ("author_id", "submission_key");


CREATE INDEX "ix_manuscripts_author_id_updated_at" ON "manuscripts" ("author_id", "updated_at");


CREATE INDEX "ix_manuscripts_category_id" ON "manuscripts" ("category_id");


CREATE INDEX "ix_manuscripts_follow_up_of_id" ON "manuscripts" ("follow_up_of_id");


CREATE INDEX "ix_manuscripts_status_approved_at" ON "manuscripts" ("status", "approved_at");


CREATE INDEX "ix_manuscripts_status_current_step_role_unit_id" ON "manuscripts" ("status", "current_step_role", "unit_id");


CREATE INDEX "ix_manuscripts_status_updated_at" ON "manuscripts" ("status", "updated_at");


CREATE UNIQUE INDEX "ix_manuscripts_unit_id_name_date_name_sequence" ON "manuscripts" ("unit_id", "name_date", "name_sequence");


CREATE INDEX "ix_manuscripts_unit_id_updated_at" ON "manuscripts" ("unit_id", "updated_at");


CREATE INDEX "ix_manuscripts_updated_at" ON "manuscripts" ("updated_at");


CREATE INDEX "ix_notifications_user_id_created_at" ON "notifications" ("user_id", "created_at");


CREATE INDEX "ix_notifications_user_id_read_at" ON "notifications" ("user_id", "read_at");


CREATE INDEX "ix_role_assignments_role_unit_id" ON "role_assignments" ("role", "unit_id");


CREATE INDEX "ix_role_assignments_unit_id" ON "role_assignments" ("unit_id");


CREATE UNIQUE INDEX "ix_role_assignments_user_id_role_unit_id" ON "role_assignments" ("user_id", "role", "unit_id");


CREATE INDEX "ix_staged_uploads_user_id_created_at" ON "staged_uploads" ("user_id", "created_at");


CREATE INDEX "ix_units_parent_id" ON "units" ("parent_id");


CREATE INDEX "ix_users_unit_id" ON "users" ("unit_id");


CREATE UNIQUE INDEX "ix_users_user_name" ON "users" ("user_name");




-- 审计记录只追加：禁止修改和删除。
CREATE TRIGGER "trg_audit_entries_no_update" BEFORE UPDATE ON "audit_entries"
BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;

CREATE TRIGGER "trg_audit_entries_no_delete" BEFORE DELETE ON "audit_entries"
BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;

-- 稿件流转记录只追加：禁止修改；只有草稿的"创建"记录（action = 0）可随草稿删除。
CREATE TRIGGER "trg_manuscript_events_no_update" BEFORE UPDATE ON "manuscript_events"
BEGIN SELECT RAISE(ABORT, 'manuscript_events is append-only'); END;

CREATE TRIGGER "trg_manuscript_events_no_delete" BEFORE DELETE ON "manuscript_events"
WHEN OLD."action" <> 0
BEGIN SELECT RAISE(ABORT, 'manuscript_events is append-only'); END;
