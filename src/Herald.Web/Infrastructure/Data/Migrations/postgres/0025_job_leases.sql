-- 后台任务的租约（议题 10，docs/adr/0029）：几个 Herald 进程共用一个数据库时，每个任务只在持有租约的进程里运行。
-- 任务第一次运行时插入自己的一行。
CREATE TABLE job_leases (
    name character varying(64) NOT NULL,
    holder character varying(200) NULL,
    expires_at timestamp with time zone NULL,
    CONSTRAINT pk_job_leases PRIMARY KEY (name)
);
