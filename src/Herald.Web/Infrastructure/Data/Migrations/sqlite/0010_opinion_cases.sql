-- 舆情处置闭环（议题 4）：舆情（研判、交办、回应/处置、反馈、办结）及其信息、时限、回应与审核、处置、附件、反馈、
-- 预案任务、约谈问责、处置记录；时限规则表（含种子）；应急预案模板。通知增加指向舆情的列。

ALTER TABLE "notifications" ADD COLUMN "opinion_case_id" INTEGER NULL;

CREATE TABLE "opinion_deadline_rules" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_opinion_deadline_rules" PRIMARY KEY AUTOINCREMENT,
    "severity" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "minutes" INTEGER NOT NULL,
    "basis" TEXT NULL,
    "updated_at" TEXT NOT NULL,
    "updated_by_id" INTEGER NULL
);

CREATE TABLE "emergency_plans" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_emergency_plans" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "severity" INTEGER NOT NULL,
    "description" TEXT NULL,
    "disabled" INTEGER NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    CONSTRAINT "fk_emergency_plans_users_created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "opinion_cases" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_opinion_cases" PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "severity" INTEGER NOT NULL,
    "sentiment" INTEGER NOT NULL,
    "suggested_severity" INTEGER NOT NULL,
    "suggested_score" INTEGER NOT NULL,
    "status" INTEGER NOT NULL,
    "owner_unit_id" INTEGER NOT NULL,
    "unit_id" INTEGER NULL,
    "instructions" TEXT NULL,
    "assigned_at" TEXT NULL,
    "assigned_by_id" INTEGER NULL,
    "assignment_due_at" TEXT NULL,
    "from_superior" INTEGER NOT NULL,
    "superior_office" TEXT NULL,
    "superior_reference" TEXT NULL,
    "superior_due_at" TEXT NULL,
    "opened_at" TEXT NOT NULL,
    "opened_by_id" INTEGER NOT NULL,
    "severity_set_at" TEXT NOT NULL,
    "first_response_at" TEXT NULL,
    "feedback_at" TEXT NULL,
    "closed_at" TEXT NULL,
    "closed_by_id" INTEGER NULL,
    "close_summary" TEXT NULL,
    "lessons" TEXT NULL,
    "reopen_count" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    CONSTRAINT "fk_opinion_cases_units_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_opinion_cases_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_opinion_cases_users_opened_by_id" FOREIGN KEY ("opened_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "emergency_plan_steps" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_emergency_plan_steps" PRIMARY KEY AUTOINCREMENT,
    "plan_id" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "owner_kind" INTEGER NOT NULL,
    "owner_unit_id" INTEGER NULL,
    "owner_user_id" INTEGER NULL,
    "offset_minutes" INTEGER NOT NULL,
    CONSTRAINT "fk_emergency_plan_steps_emergency_plans_plan_id" FOREIGN KEY ("plan_id") REFERENCES "emergency_plans" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_emergency_plan_steps_units_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_emergency_plan_steps_users_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "opinion_case_deadlines" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_opinion_case_deadlines" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "severity" INTEGER NOT NULL,
    "starts_at" TEXT NOT NULL,
    "due_at" TEXT NOT NULL,
    "minutes" INTEGER NULL,
    "basis" TEXT NULL,
    "met_at" TEXT NULL,
    "superseded_at" TEXT NULL,
    "alert_stage" INTEGER NOT NULL,
    "escalated_at" TEXT NULL,
    "alert_version" INTEGER NOT NULL,
    CONSTRAINT "fk_opinion_case_deadlines_opinion_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "opinion_cases" ("id") ON DELETE CASCADE
);

CREATE TABLE "opinion_case_events" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_opinion_case_events" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "at" TEXT NOT NULL,
    "actor_id" INTEGER NULL,
    "action" INTEGER NOT NULL,
    "from_status" INTEGER NOT NULL,
    "to_status" INTEGER NOT NULL,
    "severity" INTEGER NOT NULL,
    "step" INTEGER NULL,
    "step_role" INTEGER NULL,
    "ref_id" INTEGER NULL,
    "tag" TEXT NULL,
    "detail" TEXT NULL,
    CONSTRAINT "fk_opinion_case_events_opinion_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "opinion_cases" ("id") ON DELETE CASCADE
);

CREATE TABLE "opinion_case_tasks" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_opinion_case_tasks" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "plan_id" INTEGER NOT NULL,
    "plan_name" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "owner_kind" INTEGER NOT NULL,
    "owner_unit_id" INTEGER NULL,
    "owner_user_id" INTEGER NULL,
    "activated_at" TEXT NOT NULL,
    "due_at" TEXT NOT NULL,
    "completed_at" TEXT NULL,
    "completed_by_id" INTEGER NULL,
    "note" TEXT NULL,
    CONSTRAINT "fk_opinion_case_tasks_emergency_plans_plan_id" FOREIGN KEY ("plan_id") REFERENCES "emergency_plans" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_opinion_case_tasks_opinion_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "opinion_cases" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_opinion_case_tasks_units_owner_unit_id" FOREIGN KEY ("owner_unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_opinion_case_tasks_users_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "opinion_disposals" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_opinion_disposals" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "taken_at" TEXT NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_opinion_disposals_opinion_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "opinion_cases" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_opinion_disposals_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_opinion_disposals_users_created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "opinion_feedbacks" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_opinion_feedbacks" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "report" TEXT NOT NULL,
    "submitted_by_id" INTEGER NOT NULL,
    "submitted_at" TEXT NOT NULL,
    CONSTRAINT "fk_opinion_feedbacks_opinion_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "opinion_cases" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_opinion_feedbacks_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_opinion_feedbacks_users_submitted_by_id" FOREIGN KEY ("submitted_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "opinion_interviews" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_opinion_interviews" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "interviewee" TEXT NOT NULL,
    "interviewed_at" TEXT NOT NULL,
    "interviewer" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "recorded_by_id" INTEGER NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "fk_opinion_interviews_opinion_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "opinion_cases" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_opinion_interviews_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_opinion_interviews_users_recorded_by_id" FOREIGN KEY ("recorded_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "opinion_responses" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_opinion_responses" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "kind" INTEGER NOT NULL,
    "statement" TEXT NOT NULL,
    "link" TEXT NULL,
    "status" INTEGER NOT NULL,
    "route_steps" TEXT NOT NULL,
    "current_step" INTEGER NULL,
    "current_step_role" INTEGER NULL,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "released_at" TEXT NULL,
    "return_reason" TEXT NULL,
    CONSTRAINT "fk_opinion_responses_opinion_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "opinion_cases" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_opinion_responses_units_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_opinion_responses_users_created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "opinion_case_attachments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_opinion_case_attachments" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "response_id" INTEGER NULL,
    "disposal_id" INTEGER NULL,
    "file_hash" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "width" INTEGER NULL,
    "height" INTEGER NULL,
    "sort_order" INTEGER NOT NULL,
    CONSTRAINT "fk_opinion_case_attachments_opinion_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "opinion_cases" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_opinion_case_attachments_opinion_disposals_disposal_id" FOREIGN KEY ("disposal_id") REFERENCES "opinion_disposals" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_opinion_case_attachments_opinion_responses_response_id" FOREIGN KEY ("response_id") REFERENCES "opinion_responses" ("id") ON DELETE CASCADE
);

CREATE TABLE "opinion_case_items" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_opinion_case_items" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    "active" INTEGER NOT NULL,
    CONSTRAINT "fk_opinion_case_items_opinion_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "opinion_cases" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_opinion_case_items_opinion_items_item_id" FOREIGN KEY ("item_id") REFERENCES "opinion_items" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_emergency_plan_steps_owner_unit_id" ON "emergency_plan_steps" ("owner_unit_id");

CREATE INDEX "ix_emergency_plan_steps_owner_user_id" ON "emergency_plan_steps" ("owner_user_id");

CREATE INDEX "ix_emergency_plan_steps_plan_id" ON "emergency_plan_steps" ("plan_id");

CREATE INDEX "ix_emergency_plans_category_severity" ON "emergency_plans" ("category", "severity");

CREATE INDEX "ix_emergency_plans_created_by_id" ON "emergency_plans" ("created_by_id");

CREATE UNIQUE INDEX "ix_emergency_plans_name" ON "emergency_plans" ("name");

CREATE INDEX "ix_opinion_case_attachments_case_id" ON "opinion_case_attachments" ("case_id");

CREATE INDEX "ix_opinion_case_attachments_disposal_id" ON "opinion_case_attachments" ("disposal_id");

CREATE INDEX "ix_opinion_case_attachments_file_hash" ON "opinion_case_attachments" ("file_hash");

CREATE INDEX "ix_opinion_case_attachments_response_id" ON "opinion_case_attachments" ("response_id");

CREATE INDEX "ix_opinion_case_deadlines_case_id" ON "opinion_case_deadlines" ("case_id");

CREATE INDEX "ix_opinion_case_deadlines_met_at_superseded_at_due_at" ON "opinion_case_deadlines" ("met_at", "superseded_at", "due_at");

CREATE INDEX "ix_opinion_case_events_case_id" ON "opinion_case_events" ("case_id");

CREATE UNIQUE INDEX "ix_opinion_case_items_case_id_item_id" ON "opinion_case_items" ("case_id", "item_id");

CREATE UNIQUE INDEX "ix_opinion_case_items_item_id" ON "opinion_case_items" ("item_id") WHERE active = 1;

CREATE UNIQUE INDEX "ix_opinion_case_tasks_case_id_plan_id_sort_order" ON "opinion_case_tasks" ("case_id", "plan_id", "sort_order");

CREATE INDEX "ix_opinion_case_tasks_owner_unit_id" ON "opinion_case_tasks" ("owner_unit_id");

CREATE INDEX "ix_opinion_case_tasks_owner_user_id" ON "opinion_case_tasks" ("owner_user_id");

CREATE INDEX "ix_opinion_case_tasks_plan_id" ON "opinion_case_tasks" ("plan_id");

CREATE INDEX "ix_opinion_cases_opened_at" ON "opinion_cases" ("opened_at");

CREATE INDEX "ix_opinion_cases_opened_by_id" ON "opinion_cases" ("opened_by_id");

CREATE INDEX "ix_opinion_cases_owner_unit_id_opened_at" ON "opinion_cases" ("owner_unit_id", "opened_at");

CREATE INDEX "ix_opinion_cases_status_opened_at" ON "opinion_cases" ("status", "opened_at");

CREATE INDEX "ix_opinion_cases_unit_id_opened_at" ON "opinion_cases" ("unit_id", "opened_at");

CREATE UNIQUE INDEX "ix_opinion_deadline_rules_severity_kind" ON "opinion_deadline_rules" ("severity", "kind");

CREATE UNIQUE INDEX "ix_opinion_disposals_case_id_number" ON "opinion_disposals" ("case_id", "number");

CREATE INDEX "ix_opinion_disposals_created_by_id" ON "opinion_disposals" ("created_by_id");

CREATE INDEX "ix_opinion_disposals_unit_id" ON "opinion_disposals" ("unit_id");

CREATE INDEX "ix_opinion_feedbacks_case_id" ON "opinion_feedbacks" ("case_id");

CREATE INDEX "ix_opinion_feedbacks_submitted_by_id" ON "opinion_feedbacks" ("submitted_by_id");

CREATE INDEX "ix_opinion_feedbacks_unit_id" ON "opinion_feedbacks" ("unit_id");

CREATE INDEX "ix_opinion_interviews_case_id" ON "opinion_interviews" ("case_id");

CREATE INDEX "ix_opinion_interviews_recorded_by_id" ON "opinion_interviews" ("recorded_by_id");

CREATE INDEX "ix_opinion_interviews_unit_id" ON "opinion_interviews" ("unit_id");

CREATE UNIQUE INDEX "ix_opinion_responses_case_id_number" ON "opinion_responses" ("case_id", "number");

CREATE INDEX "ix_opinion_responses_created_by_id" ON "opinion_responses" ("created_by_id");

CREATE INDEX "ix_opinion_responses_status_current_step_role_unit_id" ON "opinion_responses" ("status", "current_step_role", "unit_id");

CREATE INDEX "ix_opinion_responses_unit_id" ON "opinion_responses" ("unit_id");

-- 处置记录只追加：禁止修改和删除（舆情本身从不删除）。
CREATE TRIGGER "trg_opinion_case_events_no_update" BEFORE UPDATE ON "opinion_case_events"
BEGIN SELECT RAISE(ABORT, 'opinion_case_events is append-only'); END;

CREATE TRIGGER "trg_opinion_case_events_no_delete" BEFORE DELETE ON "opinion_case_events"
BEGIN SELECT RAISE(ABORT, 'opinion_case_events is append-only'); END;

-- 时限规则种子（§3.4，与 DeadlinePolicy.DefaultRows 相同）：severity 3 特别重大、2 重大、1 较大、0 一般；
-- kind 0 内部首次响应、1 发布权威信息、2 举行新闻发布会、3 回应关切；minutes 为分钟。
INSERT INTO "opinion_deadline_rules" ("severity", "kind", "minutes", "basis", "updated_at", "updated_by_id") VALUES
    (3, 0, 60, '内部目标', '2026-01-01 00:00:00', NULL),
    (3, 1, 300, '国办发〔2016〕80号、61号', '2026-01-01 00:00:00', NULL),
    (3, 2, 1440, '国办发〔2016〕80号、61号', '2026-01-01 00:00:00', NULL),
    (2, 0, 60, '内部目标', '2026-01-01 00:00:00', NULL),
    (2, 1, 300, '国办发〔2016〕80号、61号', '2026-01-01 00:00:00', NULL),
    (2, 2, 1440, '国办发〔2016〕80号、61号', '2026-01-01 00:00:00', NULL),
    (1, 0, 240, '内部目标', '2026-01-01 00:00:00', NULL),
    (1, 3, 2880, '国办发〔2016〕61号', '2026-01-01 00:00:00', NULL),
    (0, 0, 1440, '内部目标', '2026-01-01 00:00:00', NULL),
    (0, 3, 2880, '国办发〔2016〕61号', '2026-01-01 00:00:00', NULL);
