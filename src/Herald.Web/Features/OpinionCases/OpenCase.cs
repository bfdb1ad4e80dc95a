using Herald.Domain.Opinion.Cases;
using Herald.Domain.Options;
using Herald.Web.Features.Common;
using Herald.Web.Features.OptionLists;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionCases;

/// <summary>立案时选中的信息及据此算出的建议等级。</summary>
/// <remarks>Categories：新立案可选的类别（选项表中未停用的）。</remarks>
public sealed record CaseSelection(IReadOnlyList<CaseItemDto> Items, SeveritySuggestion Suggestion, IReadOnlyList<long> OwnerUnits,
    IReadOnlyList<string> Categories);

/// <summary>
/// 立案研判：宣传办从一条或多条信息立案，填写摘要、类别、等级、倾向；上级交办的另填交办机关、文号和反馈期限。
/// 建议等级按所选信息及其近似重复组员的关键词权重和扩散情况算出，留档备查。
/// 一条信息至多属于一件未办结的舆情：已被占用的 409（重复点击"立案"也是如此，不会多出一件）。
/// </summary>
public sealed class OpenCase(HeraldDbContext db, CurrentUser current, AuditLog audit, Clock clock, GetCase views, OptionChoices choices)
{
    public async Task<CaseSelection> SelectAsync(IReadOnlyCollection<long> itemIds, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var scope = CaseScope.Of(me);
        me.Require(scope.OfficeUnits.Count > 0);
        var ids = itemIds.Distinct().Take(OpinionCase.MaxItems).ToArray();
        var items = await db.OpinionItems.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        var taken = await TakenAsync(ids, ct);
        var dtos = items.OrderBy(i => i.PublishedAt ?? i.ReceivedAt).ThenBy(i => i.Id).Select(i => new CaseItemDto(i.Id, i.DisplayTitle, i.Platform, i.Source, i.Url,
            i.PublishedAt, i.ReceivedAt, i.HitWeight, i.DuplicateCount, !taken.Contains(i.Id))).ToList();
        var suggestion = SeverityAdvisor.Suggest(await SignalsAsync(ids, ct), clock.UtcNow);
        return new CaseSelection(dtos, suggestion, OwnerRoots(me, scope), await choices.ActiveAsync(OptionListKeys.CaseCategory, ct));
    }

    public async Task<CaseDetail> HandleAsync(OpenCaseRequest request, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var scope = CaseScope.Of(me);
        me.Require(scope.OfficeUnits.Count > 0);
        var owner = request.OwnerUnitId ?? OwnerRoots(me, scope).FirstOrDefault();
        if (!scope.CanOpenIn(owner)) throw AppException.Forbidden("OpinionCase.UnitOutOfScope");
        var severity = Wire.RequiredCode<OpinionSeverity>(request.Severity, "severity");
        var sentiment = Wire.RequiredCode<OpinionSentiment>(request.Sentiment, "sentiment");
        if (request.Category?.Trim() is { Length: > 0 } category && !(await choices.ActiveAsync(OptionListKeys.CaseCategory, ct)).Contains(category))
            throw AppException.Invalid("category", "OpinionCase.CategoryUnknown", category);
        var ids = (request.ItemIds ?? []).Distinct().ToArray();
        if (ids.Length == 0) throw AppException.Invalid("items", "OpinionCase.ItemsRequired");
        var found = await db.OpinionItems.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
        // A list pattern, not FirstOrDefault() > 0: an unknown id 0 must be refused too (it used to reach the insert and fail there).
        if (ids.Except(found).ToArray() is [var missing, ..]) throw AppException.Invalid("items", "OpinionCase.ItemUnknown", missing);
        if ((await TakenAsync(ids, ct)).FirstOrDefault() is var taken and > 0) throw AppException.Conflict("OpinionCase.ItemTaken", taken);

        var now = clock.UtcNow;
        var superior = string.IsNullOrWhiteSpace(request.SuperiorOffice) && string.IsNullOrWhiteSpace(request.SuperiorReference)
                       && string.IsNullOrWhiteSpace(request.SuperiorDueAt)
            ? null
            : new SuperiorAssignment(request.SuperiorOffice, request.SuperiorReference,
                string.IsNullOrWhiteSpace(request.SuperiorDueAt) ? null : Wire.TimeOrNow(request.SuperiorDueAt, "superiorDueAt", now));
        var suggestion = SeverityAdvisor.Suggest(await SignalsAsync(ids, ct), now);
        var draft = new OpinionCaseDraft(request.Title, request.Summary, request.Category, severity, sentiment, owner, ids, superior);
        var c = OpinionCase.Open(draft, suggestion, await db.PolicyAsync(ct), me.Id, now);
        db.OpinionCases.Add(c);
        await db.SaveNewAsync(() => audit.Add("opinion_case.open", "OpinionCase", c.Id,
                $"{OpinionCodes.Code(c.Severity)}; items {string.Join(',', ids)}; suggested {OpinionCodes.Code(suggestion.Severity)} ({suggestion.Score})"),
            () => AppException.Conflict("OpinionCase.ItemTaken", ids[0]), () => AppException.Conflict("OpinionCase.Stale"), ct);
        return await views.ViewAsync(me, scope, c, ct);
    }

    /// <summary>已在某件未办结舆情中的信息。</summary>
    private async Task<List<long>> TakenAsync(long[] ids, CancellationToken ct) =>
        await db.OpinionCaseItems.AsNoTracking().Where(i => i.Active && ids.Contains(i.ItemId)).Select(i => i.ItemId).ToListAsync(ct);

    /// <summary>所选信息及其近似重复组员（组员也是扩散）。</summary>
    private async Task<List<ItemSignal>> SignalsAsync(long[] ids, CancellationToken ct)
    {
        var rows = await db.OpinionItems.AsNoTracking()
            .Where(i => ids.Contains(i.Id) || (i.DuplicateOfId != null && ids.Contains(i.DuplicateOfId.Value)))
            .Select(i => new { i.Source, i.Platform, i.PublishedAt, i.ReceivedAt, i.HitWeight })
            .ToListAsync(ct);
        return rows.Select(r => new ItemSignal(string.IsNullOrWhiteSpace(r.Source) ? r.Platform : r.Source!,
            r.PublishedAt is { } p && p < r.ReceivedAt ? p : r.ReceivedAt, r.HitWeight)).ToList();
    }

    /// <summary>可以在其上立案的单位：宣传办所挂的单位（各子树的根）。</summary>
    private static List<long> OwnerRoots(UserContext me, CaseScope scope) =>
        me.Assignments.Where(a => a.Role == Domain.Organization.Role.Office && a.UnitId is not null)
            .Select(a => a.UnitId!.Value).Where(scope.CanOpenIn).Distinct().ToList();
}
