using System.Security.Cryptography;
using System.Text;
using Herald.Domain.Keywords;
using Herald.Domain.Options;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OptionLists;

public sealed record OptionEntryDto(string? Code, string Name, bool Disabled);

/// <summary>一张选项表：各项按顺序，revision 为内容的指纹（保存时用来拒绝过期的修改）。</summary>
public sealed record OptionListView(string Key, IReadOnlyList<OptionEntryDto> Entries, string Revision);

/// <summary>整表替换一张选项表：entries 的顺序即显示顺序；新项不给 code；revision 与当前不符时 409。</summary>
public sealed class OptionListRequest
{
    public List<OptionEntryDto>? Entries { get; set; }
    public string? Revision { get; set; }
}

/// <summary>读取选项表（宣传办）。</summary>
public sealed class GetOptionList(HeraldDbContext db, CurrentUser current)
{
    public async Task<OptionListView> HandleAsync(string key, CancellationToken ct = default)
    {
        await RequireOfficeAsync(current, key, ct);
        return View(key, await LoadAsync(db, key, tracking: false, ct));
    }

    internal static async Task RequireOfficeAsync(CurrentUser current, string key, CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.IsOffice);
        if (!OptionListKeys.IsKnown(key)) throw AppException.NotFound();
    }

    internal static Task<List<OptionEntry>> LoadAsync(HeraldDbContext db, string key, bool tracking, CancellationToken ct) =>
        (tracking ? db.OptionEntries : db.OptionEntries.AsNoTracking()).Where(e => e.ListKey == key).OrderBy(e => e.SortOrder).ToListAsync(ct);

    internal static OptionListView View(string key, IEnumerable<OptionEntry> entries) => View(key, entries.Select(e => e.ToDraft()).ToList());

    internal static OptionListView View(string key, IReadOnlyList<OptionDraft> entries)
    {
        var text = string.Join('\n', entries.Select(e => $"{e.Code}|{e.Name}|{(e.Disabled ? 1 : 0)}"));
        var revision = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        return new OptionListView(key, entries.Select(e => new OptionEntryDto(e.Code, e.Name, e.Disabled)).ToList(), revision);
    }
}

/// <summary>保存选项表：所有问题一次报告；已保存的数据不受改名、停用影响（存的是当时的名称）。</summary>
public sealed class SaveOptionList(HeraldDbContext db, CurrentUser current, AuditLog audit)
{
    public async Task<OptionListView> HandleAsync(string key, OptionListRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await GetOptionList.RequireOfficeAsync(current, key, ct);
        var drafts = (request.Entries ?? []).Select(e => OptionListRules.Clean(new OptionDraft(e.Code, e.Name ?? "", e.Disabled))).ToList();
        var problems = OptionListRules.Check(drafts);
        if (problems.Count > 0)
            throw new ValidationFailedException(problems.Select(p => new FieldError(p.Field, p.Code, p.Args)).ToList());

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var existing = await GetOptionList.LoadAsync(db, key, tracking: true, ct);
        if (request.Revision is { Length: > 0 } expected && GetOptionList.View(key, existing).Revision != expected)
            throw AppException.Conflict("Options.Stale");
        var numbered = OptionListRules.AssignCodes(drafts, existing.Select(e => e.Code));
        db.OptionEntries.RemoveRange(existing);
        await db.SaveChangesAsync(ct);
        db.OptionEntries.AddRange(numbered.Select((e, i) => OptionEntry.Create(key, e, i + 1)));
        audit.Add("option_list.update", "OptionList", null, $"{key}：{numbered.Count(e => !e.Disabled)} 项可选，{numbered.Count(e => e.Disabled)} 项停用");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return GetOptionList.View(key, numbered);
    }
}

/// <summary>表单和筛选用的选项（不检查权限：由调用的功能把关）。</summary>
public sealed class OptionChoices(HeraldDbContext db)
{
    /// <summary>新填写时可选的名称（未停用，按顺序）。</summary>
    public Task<List<string>> ActiveAsync(string key, CancellationToken ct = default) =>
        db.OptionEntries.AsNoTracking().Where(e => e.ListKey == key && !e.Disabled).OrderBy(e => e.SortOrder).Select(e => e.Name).ToListAsync(ct);

    /// <summary>筛选用：全部名称（含停用的，按顺序）。</summary>
    public Task<List<string>> AllAsync(string key, CancellationToken ct = default) =>
        db.OptionEntries.AsNoTracking().Where(e => e.ListKey == key).OrderBy(e => e.SortOrder).Select(e => e.Name).ToListAsync(ct);
}
