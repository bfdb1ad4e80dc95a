using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Herald.Web.Infrastructure.Data;

/// <summary>
/// 列表、报表、导出的读库（docs/adr/0033）：配置了 <c>Herald:Database:ReadConnectionString</c>（PostgreSQL 流复制备库，
/// 或带 <c>Target Session Attributes=prefer-standby</c> 的多主机连接串）时，处理器从 DI 取到的是连到那里的不跟踪上下文；
/// SQLite 或未配置时就是本请求的主库上下文。写入和读自己刚写的（保存后的详情、登录、会话、权限）一律用主库。
/// </summary>
public sealed class ReadDb
{
    /// <summary>读库上下文在 DI 中的键：处理器的构造参数写 <c>[ReadReplica] HeraldDbContext db</c>。</summary>
    public const string Key = "herald-read";

    private readonly PooledDbContextFactory<HeraldDbContext>? replica;

    public ReadDb(IOptions<HeraldOptions> options, Action<DbContextOptionsBuilder, string> configure)
    {
        var database = options.Value.Database;
        if (string.IsNullOrWhiteSpace(database.ReadConnectionString) || !database.IsPostgres) return;
        // 应用名出现在备库的 pg_stat_activity 里，运维能认出 Herald 的读连接。
        var connection = new NpgsqlConnectionStringBuilder(database.ReadConnectionString);
        if (string.IsNullOrEmpty(connection.ApplicationName)) connection.ApplicationName = "herald-read";
        var builder = new DbContextOptionsBuilder<HeraldDbContext>();
        configure(builder, connection.ConnectionString);
        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        replica = new PooledDbContextFactory<HeraldDbContext>(builder.Options, poolSize: 128);
    }

    /// <summary>配置了读库连接串却不是 PostgreSQL 时启动即报错（SQLite 没有备库，不能静默忽略）。</summary>
    public static bool Valid(DatabaseOptions database) => string.IsNullOrWhiteSpace(database.ReadConnectionString) || database.IsPostgres;

    public const string InvalidMessage =
        "Herald:Database:ReadConnectionString 只用于 PostgreSQL（Herald:Database:Provider=postgres）；SQLite 没有备库，请删除该配置。";

    /// <summary>是否读备库。</summary>
    public bool OnReplica => replica is not null;

    /// <summary>
    /// 给一个请求（DI 作用域）的读上下文：备库上新租的，或者就是这个作用域的主库上下文。写请求本身和写完跳转来的页面
    /// （提交表单后跳回列表，地址带 notice，如发布后回到 /pool?notice=published）读主库：刚做的事必须已经反映在页面上。
    /// </summary>
    internal HeraldDbContext For(IServiceProvider scope) =>
        replica is not null && !ReadsOwnWrite(scope.GetService<IHttpContextAccessor>()?.HttpContext?.Request)
            ? replica.CreateDbContext()
            : scope.GetRequiredService<HeraldDbContext>();

    /// <summary>非 GET 请求，或写后跳转的落地页（本应用的约定：跳转地址带 notice）。</summary>
    public static bool ReadsOwnWrite(HttpRequest? request) =>
        request is not null && (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.Query.ContainsKey("notice"));
}

/// <summary>构造参数取读库上下文（<see cref="ReadDb"/>）：只用于列表、报表、导出的处理器。</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ReadReplicaAttribute() : FromKeyedServicesAttribute(ReadDb.Key);

public static class ReadDbServices
{
    /// <param name="configure">与主库相同的提供程序设置，只换连接串。</param>
    public static IServiceCollection AddHeraldReadDb(this IServiceCollection services, Action<DbContextOptionsBuilder, string> configure)
    {
        services.AddOptions<HeraldOptions>().Validate(o => ReadDb.Valid(o.Database), ReadDb.InvalidMessage).ValidateOnStart();
        services.AddSingleton(sp => new ReadDb(sp.GetRequiredService<IOptions<HeraldOptions>>(), configure));
        // 未配置备库时返回的是作用域里已有的主库上下文：DI 对它多调一次 Dispose 无害（池化上下文的租约由 EF 自己归还）。
        services.AddKeyedScoped<HeraldDbContext>(ReadDb.Key, (sp, _) => sp.GetRequiredService<ReadDb>().For(sp));
        return services;
    }
}
