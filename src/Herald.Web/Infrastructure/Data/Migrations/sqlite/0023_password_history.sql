-- 口令（议题 9 第 11 项）：不得重复使用最近 5 次的口令；可选的口令有效期从本人最近一次设定口令时算起。
ALTER TABLE "users" ADD COLUMN "password_changed_at" TEXT NULL;

CREATE TABLE "password_history" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_password_history" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "password_hash" TEXT NOT NULL,
    "retired_at" TEXT NOT NULL,
    CONSTRAINT "fk_password_history_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_password_history_user_id_retired_at" ON "password_history" ("user_id", "retired_at");
