using Herald.Domain.Identity;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Herald.Web.Infrastructure.Auth;

/// <summary>
/// 口令一变（本人修改、管理员重置，以及今后的任何途径），该账号的 API 令牌在同一次保存里全部撤销：
/// 拿着旧令牌的人不因口令已改而继续有效。
/// </summary>
internal sealed class PasswordChangeRevokesTokens(Clock clock) : ISaveChangesInterceptor
{
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        var now = clock.UtcNow;
        if (eventData.Context is { } context)
            foreach (var userId in ChangedPasswords(context))
                Revoke(context, now, context.Set<ApiToken>().Where(t => t.UserId == userId && t.RevokedAt == null && t.ExpiresAt > now).ToList());
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        if (eventData.Context is { } context)
            foreach (var userId in ChangedPasswords(context))
                Revoke(context, now, await context.Set<ApiToken>().Where(t => t.UserId == userId && t.RevokedAt == null && t.ExpiresAt > now).ToListAsync(cancellationToken));
        return result;
    }

    private static List<long> ChangedPasswords(DbContext context) =>
        context.ChangeTracker.Entries<UserAccount>()
            .Where(e => e.State == EntityState.Modified && e.Property(u => u.PasswordHash).IsModified)
            .Select(e => e.Entity.Id).ToList();

    private static void Revoke(DbContext context, DateTime now, List<ApiToken> tokens)
    {
        foreach (var token in tokens)
        {
            token.Revoke(now);
            // 保存前的变更检测已经做过（HeraldDbContext 关闭了自动检测），这几行单独检测。
            context.Entry(token).DetectChanges();
        }
    }
}
