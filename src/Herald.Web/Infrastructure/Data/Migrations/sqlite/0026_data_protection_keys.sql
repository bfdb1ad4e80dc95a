-- 数据保护密钥环（议题 10，docs/adr/0030）：从数据目录 keys/ 移到数据库，共用数据库的几个进程互认 Cookie 与加密的密钥。
-- 表结构是 Microsoft.AspNetCore.DataProtection.EntityFrameworkCore 的 DataProtectionKey；旧的 keys/*.xml 在表为空时导入。
CREATE TABLE "data_protection_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "friendly_name" TEXT NULL,
    "xml" TEXT NULL
);
