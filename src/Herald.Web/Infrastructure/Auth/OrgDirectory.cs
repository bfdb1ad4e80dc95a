using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Infrastructure.Auth;

/// <summary>
/// 组织树与角色的内存快照。本实例内的组织变更立即失效；其他实例最迟 MaxAge 后重新加载。
/// </summary>
public sealed class OrgDirectory
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private OrgTree? _tree;
    private DateTime _loadedAt;
    private long _generation;

    public async Task<OrgTree> GetAsync(HeraldDbContext db, CancellationToken ct = default)
    {
        var tree = _tree;
        if (tree is not null && DateTime.UtcNow - _loadedAt < MaxAge) return tree;
        await _gate.WaitAsync(ct);
        try
        {
            if (_tree is not null && DateTime.UtcNow - _loadedAt < MaxAge) return _tree;
            var generation = Interlocked.Read(ref _generation);
            var loaded = await LoadAsync(db, ct);
            // 加载期间若有人使其失效，不缓存这份可能过时的结果。
            if (generation == Interlocked.Read(ref _generation))
            {
                _tree = loaded;
                _loadedAt = DateTime.UtcNow;
            }
            return loaded;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _tree = null;
    }

    private static async Task<OrgTree> LoadAsync(HeraldDbContext db, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking()
            .Select(u => new UnitNode(u.Id, u.ParentId, u.Name, u.Type, u.Disabled, u.SortOrder))
            .ToListAsync(ct);
        var rows = await (
                from r in db.RoleAssignments.AsNoTracking()
                join u in db.Users.AsNoTracking() on r.UserId equals u.Id
                where !u.Disabled
                select new { Assignment = new Assignment(r.UserId, r.Role, r.UnitId), u.DisplayName })
            .ToListAsync(ct);
        var names = new Dictionary<long, string>();
        foreach (var row in rows) names[row.Assignment.UserId] = row.DisplayName;
        return new OrgTree(units, rows.Select(r => r.Assignment), names);
    }
}
