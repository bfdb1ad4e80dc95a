-- 第二因素（议题 9 第 12 项）：TOTP 密钥（数据保护加密后的文本）、启用时间、最近接受的时间片（防重放），以及恢复码（只存散列）。
ALTER TABLE "users" ADD COLUMN "totp_secret" TEXT NULL;
ALTER TABLE "users" ADD COLUMN "totp_enabled_at" TEXT NULL;
ALTER TABLE "users" ADD COLUMN "totp_last_step" INTEGER NULL;

CREATE TABLE "recovery_codes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_recovery_codes" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "code_hash" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "used_at" TEXT NULL,
    CONSTRAINT "fk_recovery_codes_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_recovery_codes_user_id" ON "recovery_codes" ("user_id");
