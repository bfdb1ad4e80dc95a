using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Keywords;

public sealed class ListKeywordLists(HeraldDbContext db, CurrentUser current)
{
    public async Task<IReadOnlyList<KeywordListSummary>> HandleAsync(CancellationToken ct = default)
    {
        await current.RequireKeywordManagerAsync(ct);
        var lists = await db.KeywordLists.AsNoTracking().OrderBy(l => l.Purpose).ThenBy(l => l.Id).ToListAsync(ct);
        return lists.Select(l => l.ToSummary()).ToList();
    }
}

public sealed class GetKeywordList(HeraldDbContext db, CurrentUser current)
{
    public async Task<KeywordListDetail> HandleAsync(long id, CancellationToken ct = default)
    {
        await current.RequireKeywordManagerAsync(ct);
        var list = await db.KeywordLists.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct)
                   ?? throw Infrastructure.Web.AppException.NotFound();
        return list.ToDetail();
    }
}
