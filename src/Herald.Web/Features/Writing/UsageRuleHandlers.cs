using System.Security.Cryptography;
using System.Text;
using Herald.Domain.Keywords;
using Herald.Domain.Writing;
using Herald.Web.Features.Keywords;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Writing;

public sealed record UsageRuleDto(string Wrong, string Correct, string Note, string Category);

/// <summary>规范表述表：全部条目、可再导入的文本，以及 revision（内容的指纹，保存时用来拒绝过期的修改）。</summary>
public sealed record UsageRulesView(IReadOnlyList<UsageRuleDto> Rules, string Text, string Revision);

/// <summary>整表替换规范表述表。rules 与 rulesText（每行“错误写法 | 正确写法 | 说明 | 分类”）二选一；revision 与当前不符时 409。</summary>
public sealed class UsageRulesRequest
{
    public List<UsageRuleDto>? Rules { get; set; }
    public string? RulesText { get; set; }
    public string? Revision { get; set; }
}

/// <summary>读取规范表述表（宣传办，与词表同一权限）。</summary>
public sealed class GetUsageRules(HeraldDbContext db, CurrentUser current)
{
    public async Task<UsageRulesView> HandleAsync(CancellationToken ct = default)
    {
        await current.RequireKeywordManagerAsync(ct);
        return View(await LoadAsync(db, ct));
    }

    internal static async Task<List<UsageEntry>> LoadAsync(HeraldDbContext db, CancellationToken ct) =>
        (await db.UsageRules.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync(ct)).Select(r => r.ToEntry()).ToList();

    internal static UsageRulesView View(IReadOnlyList<UsageEntry> entries)
    {
        var text = UsageRuleText.Format(entries);
        return new UsageRulesView(entries.Select(e => new UsageRuleDto(e.Wrong, e.Correct, e.Note, e.Category)).ToList(), text, Revision(text));
    }

    private static string Revision(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}

/// <summary>保存规范表述表：所有问题一次报告；保存后检查器立即重建。</summary>
public sealed class SaveUsageRules(HeraldDbContext db, CurrentUser current, AuditLog audit, UsageCatalog catalog)
{
    public async Task<UsageRulesView> HandleAsync(UsageRulesRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await current.RequireKeywordManagerAsync(ct);
        var problems = new List<KeywordListProblem>();
        var lines = new List<int>();
        var entries = request.Rules is not null
            ? request.Rules.Select(r => new UsageEntry(r.Wrong ?? "", r.Correct ?? "", r.Note ?? "", r.Category ?? "")).ToList()
            : UsageRuleText.Parse(request.RulesText, problems, lines);
        problems.AddRange(UsageRules.Check(entries, lines.Count > 0 ? lines : null));
        if (problems.Count > 0)
            throw new ValidationFailedException(problems.Take(KeywordListRules.MaxProblems).Select(p => new FieldError(p.Field, p.Code, p.Args)).ToList());

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.UsageRules.OrderBy(r => r.SortOrder).ToListAsync(ct);
        if (request.Revision is { Length: > 0 } expected && GetUsageRules.View(existing.Select(r => r.ToEntry()).ToList()).Revision != expected)
            throw AppException.Conflict("Usage.Stale");
        db.UsageRules.RemoveRange(existing);
        var cleaned = entries.Select(UsageRules.Clean).ToList();
        db.UsageRules.AddRange(cleaned.Select((e, i) => UsageRule.Create(e, i + 1)));
        await db.SaveChangesAsync(ct);
        audit.Add("usage.update", "UsageRule", null, $"规范表述表：{cleaned.Count} 条");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        catalog.Invalidate();
        return GetUsageRules.View(cleaned);
    }
}
