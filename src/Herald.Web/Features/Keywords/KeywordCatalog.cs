using System.Collections.Concurrent;
using Herald.Domain.Keywords;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Keywords;

/// <summary>
/// 编译好的匹配器缓存（单例）。词表在本实例内保存时立即失效；别的实例改了词表，最迟 <see cref="RecheckAfter"/>
/// 后通过各表修订号发现并重建。5 万词的构建约 90 ms，同一用途同时只构建一次。
/// </summary>
public sealed class KeywordCatalog
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<KeywordListPurpose, Slot> _slots = new();

    private sealed class Slot
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public volatile CompiledKeywords? Compiled;
        public DateTime CheckedAt;
    }

    public async ValueTask<CompiledKeywords> GetAsync(HeraldDbContext db, KeywordListPurpose purpose, CancellationToken ct = default)
    {
        var slot = _slots.GetOrAdd(purpose, _ => new Slot());
        var compiled = slot.Compiled;
        if (compiled is not null && DateTime.UtcNow - slot.CheckedAt < RecheckAfter) return compiled;
        await slot.Gate.WaitAsync(ct);
        try
        {
            compiled = slot.Compiled;
            if (compiled is not null && DateTime.UtcNow - slot.CheckedAt < RecheckAfter) return compiled;
            var stamp = await StampAsync(db, purpose, ct);
            if (compiled is null || compiled.Stamp != stamp)
            {
                var lists = await db.KeywordLists.AsNoTracking().Where(l => l.Purpose == purpose && !l.Disabled)
                    .OrderBy(l => l.Id).ToListAsync(ct);
                compiled = CompiledKeywords.Build(lists, stamp);
                slot.Compiled = compiled;
            }
            slot.CheckedAt = DateTime.UtcNow;
            return compiled;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>本实例改了词表：下次使用时重新检查。</summary>
    public void Invalidate()
    {
        foreach (var slot in _slots.Values) slot.CheckedAt = DateTime.MinValue;
    }

    private static async Task<string> StampAsync(HeraldDbContext db, KeywordListPurpose purpose, CancellationToken ct)
    {
        var rows = await db.KeywordLists.AsNoTracking().Where(l => l.Purpose == purpose && !l.Disabled)
            .OrderBy(l => l.Id).Select(l => new { l.Id, l.Revision }).ToListAsync(ct);
        return string.Join(',', rows.Select(r => $"{r.Id}:{r.Revision}"));
    }
}
