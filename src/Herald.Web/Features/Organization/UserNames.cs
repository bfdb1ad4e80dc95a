using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>组织树只有用户编号；页面上要显示姓名。</summary>
public static class UserNames
{
    public static async Task<Dictionary<long, string>> LoadAsync(HeraldDbContext db, IEnumerable<long> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToArray();
        if (wanted.Length == 0) return new();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    public static IReadOnlyList<PersonRef> Refs(this Dictionary<long, string> names, IEnumerable<long> ids) =>
        ids.Select(id => new PersonRef(id, names.GetValueOrDefault(id, "#" + id))).ToList();
}
