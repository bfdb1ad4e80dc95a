-- 三员分立：管理员角色（sys_admin、sec_admin、auditor）的授予与收回先记为申请，另一位安全管理员批准后生效。
CREATE TABLE "admin_role_requests" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_admin_role_requests" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "role" INTEGER NOT NULL,
    "change" INTEGER NOT NULL,
    "status" INTEGER NOT NULL,
    "requested_by" INTEGER NOT NULL,
    "requested_at" TEXT NOT NULL,
    "decided_by" INTEGER NULL,
    "decided_at" TEXT NULL,
    "reason" TEXT NULL,
    CONSTRAINT "fk_admin_role_requests_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_admin_role_requests_status_requested_at" ON "admin_role_requests" ("status", "requested_at");

CREATE INDEX "ix_admin_role_requests_user_id" ON "admin_role_requests" ("user_id");
