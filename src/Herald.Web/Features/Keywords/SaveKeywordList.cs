using Herald.Domain.Keywords;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Keywords;

/// <summary>新建词表，或修改词表（整表替换词、白名单、阻断类别）。所有问题一次报告；保存后匹配器重建。</summary>
public sealed class SaveKeywordList(HeraldDbContext db, CurrentUser current, AuditLog audit, Clock clock, KeywordCatalog catalog)
{
    public async Task<KeywordListDetail> HandleAsync(long? id, KeywordListRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await current.RequireKeywordManagerAsync(ct);
        var me = await current.GetAsync(ct);
        var now = clock.UtcNow;
        KeywordList list;
        if (id is null)
        {
            if (!KeywordListMapping.TryParsePurpose(request.Purpose, out var purpose))
                throw AppException.Invalid("purpose", "KeywordList.BadPurpose");
            list = KeywordList.Create(request.Name, purpose, request.Description, me.Id, now);
        }
        else
        {
            list = await db.KeywordLists.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw AppException.NotFound();
            list.EnsureRevision(request.Revision);
            list.Rename(request.Name ?? list.Name, request.Description ?? list.Description);
        }
        if (await db.KeywordLists.AnyAsync(l => l.Name == list.Name && l.Id != list.Id, ct))
            throw AppException.Invalid("name", "KeywordList.DuplicateName", list.Name);

        var problems = new List<KeywordListProblem>();
        var lines = new List<int>();
        IReadOnlyList<KeywordEntry> entries = request.Words is not null
            ? request.Words.Select(w => new KeywordEntry(w.Text ?? "", w.Weight, w.Category ?? "")).ToList()
            : request.WordsText is not null ? KeywordListText.Parse(request.WordsText, "", problems, lines) : list.Entries();
        var allow = request.AllowList ?? list.AllowList();
        var blocking = request.BlockingCategories ?? list.Blocking();
        problems.AddRange(KeywordListRules.Check(list.Purpose, entries, allow, blocking, lines.Count > 0 ? lines : null));
        if (problems.Count > 0)
            throw new ValidationFailedException(problems.Take(KeywordListRules.MaxProblems)
                .Select(p => new FieldError(p.Field, p.Code, p.Args)).ToList());

        list.Replace(entries, allow, blocking, me.Id, now);
        if (request.Disabled is { } disabled && disabled != list.Disabled) list.SetDisabled(disabled, me.Id, now);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (id is null) db.KeywordLists.Add(list);
        await db.SaveChangesAsync(ct);
        audit.Add(id is null ? "keywords.create" : "keywords.update", "KeywordList", list.Id,
            $"{list.Name}（{list.Purpose.Code()}）：{list.WordCount} 个词{(list.Disabled ? "，已停用" : "")}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        catalog.Invalidate();
        return list.ToDetail();
    }
}
