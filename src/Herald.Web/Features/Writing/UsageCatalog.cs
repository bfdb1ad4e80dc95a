using Herald.Domain.Writing;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Writing;

/// <summary>
/// 编译好的规范表述检查器（单例）。本实例保存时立即失效；别的实例改了表，最迟 <see cref="RecheckAfter"/> 后
/// 通过条数与最大编号发现（整表替换总会产生新编号）并重建。
/// </summary>
public sealed class UsageCatalog
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Compiled? _compiled;

    private sealed record Compiled(UsageChecker Checker, string Stamp, DateTime CheckedAt);

    public async ValueTask<UsageChecker> GetAsync(HeraldDbContext db, CancellationToken ct = default)
    {
        var compiled = _compiled;
        if (compiled is not null && DateTime.UtcNow - compiled.CheckedAt < RecheckAfter) return compiled.Checker;
        await _gate.WaitAsync(ct);
        try
        {
            compiled = _compiled;
            if (compiled is not null && DateTime.UtcNow - compiled.CheckedAt < RecheckAfter) return compiled.Checker;
            var stamp = await StampAsync(db, ct);
            var checker = compiled is not null && compiled.Stamp == stamp
                ? compiled.Checker
                : new UsageChecker((await db.UsageRules.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync(ct)).Select(r => r.ToEntry()).ToList());
            _compiled = new Compiled(checker, stamp, DateTime.UtcNow);
            return checker;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _compiled = null;

    private static async Task<string> StampAsync(HeraldDbContext db, CancellationToken ct)
    {
        var count = await db.UsageRules.CountAsync(ct);
        var max = count == 0 ? 0 : await db.UsageRules.MaxAsync(r => r.Id, ct);
        return $"{count}:{max}";
    }
}
