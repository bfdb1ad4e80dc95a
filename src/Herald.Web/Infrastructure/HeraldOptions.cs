namespace Herald.Web.Infrastructure;

/// <summary>配置节 "Herald"。</summary>
public sealed class HeraldOptions
{
    public const string Section = "Herald";

    /// <summary>数据目录（SQLite 数据库与文件库），相对路径按当前工作目录解析。</summary>
    public string DataDir { get; set; } = "./data";

    public DatabaseOptions Database { get; set; } = new();
    /// <summary>数据保护密钥（keys/）在盘上用证书加密（见 docs/operations.md）。</summary>
    public Web.KeyRingOptions DataProtection { get; set; } = new();
    public DemoOptions Demo { get; set; } = new();
    public AdminOptions Admin { get; set; } = new();
    public SecurityOptions Security { get; set; } = new();
    public TimelinessOptions Timeliness { get; set; } = new();
    public UploadOptions Uploads { get; set; } = new();
    public ReviewOptions Review { get; set; } = new();
    /// <summary>出站请求（订阅源等）：默认不连接内部地址，AllowedNetworks 放行（见 Infrastructure/Net/OutboundGuard）。</summary>
    public Net.OutboundOptions Outbound { get; set; } = new();
    /// <summary>限流（登录失败、改口令、API、导出）：见 Infrastructure/RateLimits。</summary>
    public RateLimits.RateLimitOptions RateLimits { get; set; } = new();
    /// <summary>信任的反向代理（转发头）：见 Infrastructure/Web/ForwardedHeadersSetup。</summary>
    public Web.ProxyOptions Proxy { get; set; } = new();

    public string ResolveDataDir() => Path.GetFullPath(DataDir);
}

public sealed class DatabaseOptions
{
    /// <summary>sqlite（默认）或 postgres。</summary>
    public string Provider { get; set; } = "sqlite";
    /// <summary>SQLite：为空时使用数据目录下的 herald.db。PostgreSQL：必填（Npgsql 连接串，可写多台主机）。</summary>
    public string? ConnectionString { get; set; }
    /// <summary>仅 PostgreSQL：列表、报表、导出可从这里（流复制备库）读；为空时都读主库。</summary>
    public string? ReadConnectionString { get; set; }
    /// <summary>
    /// SQLite 的 synchronous：FULL（默认，每次提交都刷盘，确认了的写入断电也不丢）、EXTRA，或 NORMAL（WAL 下仍一致，
    /// 但断电可能丢最后几次提交；吞吐更高）。
    /// </summary>
    public string Synchronous { get; set; } = "FULL";

    /// <summary>配置的是 PostgreSQL（postgres 或 postgresql）；其余值在启动时由 <see cref="Data.DataServices"/> 拒绝。</summary>
    public bool IsPostgres => Provider.Trim().ToLowerInvariant() is "postgres" or "postgresql";
}

public sealed class DemoOptions
{
    /// <summary>首次启动时创建演示单位和账号。</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>演示账号的口令；为空时随机生成并在启动时打印一次。</summary>
    public string? Password { get; set; }
}

public sealed class AdminOptions
{
    /// <summary>不启用演示时 admin 的初始口令；为空时随机生成并打印一次。首次登录须修改。</summary>
    public string? InitialPassword { get; set; }
}

public sealed class SecurityOptions
{
    public int IdleTimeoutMinutes { get; set; } = 30;
    /// <summary>网页会话的绝对时限：登录满这么久必须重新登录，不论是否一直在操作。</summary>
    public double SessionLifetimeHours { get; set; } = 12;
    public int LockoutFailures { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    public int TokenLifetimeHours { get; set; } = 12;
    /// <summary>锁定规则（登录、改口令页的当前口令、第二因素共用）。</summary>
    public Herald.Domain.Identity.LockoutPolicy Lockout => new(LockoutFailures, TimeSpan.FromMinutes(LockoutMinutes));
    /// <summary>新口令不能与最近这么多次（含当前）口令相同。</summary>
    public int PasswordHistory { get; set; } = 5;
    /// <summary>口令有效期（天）；0 表示不设有效期。</summary>
    public int PasswordMaxAgeDays { get; set; }
    /// <summary>必须使用第二因素（TOTP）的角色代码，逗号分隔；空表示不强制（其他人仍可自愿启用）。</summary>
    public string SecondFactorRoles { get; set; } = "sys_admin,sec_admin,auditor";
}

public sealed class TimelinessOptions
{
    public int LateAfterDays { get; set; } = 3;
    public double EmergencyDueHours { get; set; } = 1;
}

public sealed class UploadOptions
{
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;
    /// <summary>图片的像素数（宽×高）上限：解码一张 100000×100000 的图要几十 GB 内存。</summary>
    public long MaxImagePixels { get; set; } = 50_000_000;
    /// <summary>表单文字字段（正文等）的余量，计入 <see cref="MaxFormBytes"/>。</summary>
    public const long FormFieldsAllowance = 8L * 1024 * 1024;
    /// <summary>一次请求的上限：一份 Word 原件加 30 张图片（每个不超过单文件上限），再加文字字段的余量。</summary>
    public long MaxFormBytes => (1 + Herald.Domain.Submission.Manuscript.MaxPhotos) * MaxFileBytes + FormFieldsAllowance;
    /// <summary>.docx 解压后总大小上限（防压缩炸弹）。</summary>
    public long MaxDocxUncompressedBytes { get; set; } = 200L * 1024 * 1024;
    public int MaxDocxEntries { get; set; } = 5000;
    /// <summary>单个压缩条目允许的最大压缩比。</summary>
    public int MaxCompressionRatio { get; set; } = 200;
}

public sealed class ReviewOptions
{
    /// <summary>按重要程度的审核路线，如 "major": ["UnitHead","SupervisingLeader","Principal"]。空则用默认。</summary>
    public Dictionary<string, string[]> Routes { get; set; } = new();
    /// <summary>按单位类型覆盖，如 "Community": { "routine": ["UnitHead"] }。</summary>
    public Dictionary<string, Dictionary<string, string[]>> RoutesByUnitType { get; set; } = new();
}
