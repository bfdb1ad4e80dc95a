-- 网页登录会话（议题 9 第 8 项）：退出登录在服务器端结束会话；绝对时限按 created_at 计算。
CREATE TABLE "user_sessions" (
    "id" character varying(32) NOT NULL,
    "user_id" bigint NOT NULL,
    "created_at" timestamp with time zone NOT NULL,
    "ended_at" timestamp with time zone,
    CONSTRAINT "pk_user_sessions" PRIMARY KEY ("id"),
    CONSTRAINT "fk_user_sessions_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_user_sessions_user_id" ON "user_sessions" ("user_id");
