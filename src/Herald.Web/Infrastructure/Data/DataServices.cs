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
            var provider = herald.Database.Provider.Trim().ToLowerInvariant();
            if (provider != "sqlite")
                throw new InvalidOperationException($"Database provider '{herald.Database.Provider}' is not supported yet; use 'sqlite'.");
            var dataDir = herald.ResolveDataDir();
            Files.PrivateFiles.Directory(dataDir);
            options.UseSqlite(herald.Database.ConnectionString ?? SqliteSetup.ConnectionString(dataDir));
            options.AddInterceptors(sp.GetRequiredService<StorageGuard>(), sp.GetRequiredService<SqliteSetup.ConnectionPragmas>(),
                sp.GetRequiredService<SqliteWriteGate>());
            // Interceptors other parts of the app register (e.g. the token cache's invalidation).
            options.AddInterceptors(sp.GetServices<IInterceptor>());
            options.UseQueryTrackingBehavior(QueryTrackingBehavior.TrackAll);
        }, poolSize: 256);
        services.AddHeraldReadDb((options, connectionString) => options.UseNpgsql(connectionString));
        return services;
    }

    /// <summary>建库、设置 WAL、执行迁移。</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        SqliteSetup.EnableWal(db);
        SqliteSetup.RestrictFiles(db);
        await scope.ServiceProvider.GetRequiredService<MigrationRunner>().ApplyAsync(db, "sqlite", ct);
        await Audit.AuditChainStore.SealLegacyAsync(db, ct);
    }
}
