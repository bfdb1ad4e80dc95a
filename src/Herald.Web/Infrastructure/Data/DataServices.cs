using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Herald.Web.Infrastructure.Data;

public static class DataServices
{
    public static IServiceCollection AddHeraldData(this IServiceCollection services)
    {
        services.AddSingleton<SqliteSetup.ConnectionPragmas>();
        services.AddSingleton<StorageGuard>();
        services.AddSingleton<SqliteWriteGate>();
        // 排在写闸之后（见 AddDbContextPool 里拦截器的顺序）：审计记录在持有写闸时接到哈希链上。
        services.AddSingleton<IInterceptor, Audit.AuditChainInterceptor>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<SqliteCheckpointer>();
        services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpointer>());
        services.AddDbContextPool<HeraldDbContext>((sp, options) =>
        {
            var herald = sp.GetRequiredService<IOptions<HeraldOptions>>().Value;
            var dataDir = herald.ResolveDataDir();
            Files.PrivateFiles.Directory(dataDir);
            if (herald.Database.IsPostgres)
            {
                // 行锁和并发令牌由服务器负责：没有写闸，也没有检查点。
                options.UseNpgsql(PostgresSetup.ConnectionString(herald.Database));
            }
            else
            {
                if (!herald.Database.Provider.Trim().Equals("sqlite", StringComparison.OrdinalIgnoreCase))
                    throw new InvalidOperationException(
                        $"Herald:Database:Provider '{herald.Database.Provider}' is not supported; use 'sqlite' or 'postgres'.");
                options.UseSqlite(herald.Database.ConnectionString ?? SqliteSetup.ConnectionString(dataDir));
                options.AddInterceptors(sp.GetRequiredService<StorageGuard>(), sp.GetRequiredService<SqliteSetup.ConnectionPragmas>(),
                    sp.GetRequiredService<SqliteWriteGate>());
            }
            // Interceptors other parts of the app register (e.g. the token cache's invalidation).
            options.AddInterceptors(sp.GetServices<IInterceptor>());
            options.UseQueryTrackingBehavior(QueryTrackingBehavior.TrackAll);
        }, poolSize: 256);
        return services;
    }

    /// <summary>建库（SQLite 设置 WAL）、执行迁移。PostgreSQL 上几个进程同时启动时，由会话级咨询锁让它们依次迁移。</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var runner = scope.ServiceProvider.GetRequiredService<MigrationRunner>();
        if (db.Database.IsNpgsql())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await PostgresSetup.LockMigrationsAsync(db, ct);
                await runner.ApplyAsync(db, "postgres", ct);
                await Audit.AuditChainStore.SealLegacyAsync(db, ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync(); // 关闭连接即释放会话级咨询锁
            }
            return;
        }
        SqliteSetup.EnableWal(db);
        SqliteSetup.RestrictFiles(db);
        await runner.ApplyAsync(db, "sqlite", ct);
        await Audit.AuditChainStore.SealLegacyAsync(db, ct);
    }
}
