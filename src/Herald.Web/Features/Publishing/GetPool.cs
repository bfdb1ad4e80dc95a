using Herald.Domain.Organization;
using Herald.Domain.Publishing;
using Herald.Domain.Submission;
using Herald.Web.Features.Common;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Publishing;

/// <summary>
/// 采编池：宣传办、主要负责人、领导所辖单位已审定的稿件，按审定时间倒序。默认只列待采编的（等待宣传办处理），
/// 可按采编状态（待采编、已发布、不采用、全部）、单位（含下级）、类别、审定日期、标题筛选。
/// </summary>
public sealed class GetPool(HeraldDbContext db, CurrentUser current)
{
    /// <summary>采编状态筛选的取值；"all" 为全部已审定稿件。</summary>
    public const string AllStates = "all";

    public static readonly EditorialStatus[] States = [EditorialStatus.Pending, EditorialStatus.Published, EditorialStatus.NotUsed];

    public async Task<PagedResult<ManuscriptListItem>> HandleAsync(ManuscriptQuery query, long? categoryId, string? editorial = null,
        CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.HasAny(Role.Office, Role.Principal, Role.Viewer));
        var q = InPool(db.Manuscripts.AsNoTracking(), me);
        if (ParseEditorial(editorial) is { } state) q = q.Where(m => m.Editorial == state);
        q = ListManuscripts.ApplyFilters(q, query with { Status = null, From = null, To = null, Mine = false }, me);
        if (Wire.OptionalDate(query.From, "from") is { } from)
        {
            var start = Domain.Common.ChinaTime.StartOfDayUtc(from);
            q = q.Where(m => m.ApprovedAt >= start);
        }
        if (Wire.OptionalDate(query.To, "to") is { } to)
        {
            var end = Domain.Common.ChinaTime.StartOfDayUtc(to.AddDays(1));
            q = q.Where(m => m.ApprovedAt < end);
        }
        if (categoryId is { } cid) q = q.Where(m => m.CategoryId == cid);

        var page = PageRequest.From(query);
        var total = await q.CountAllAsync(ct);
        var rows = await q.ToRows(db).OrderByDescending(m => m.ApprovedAt).ThenByDescending(m => m.Id)
            .TakePage(page).ToItemsAsync(me.Tree, ct);
        return rows.ToPage(page, total);
    }

    /// <summary>采编池的范围：用户以宣传办、主要负责人、领导身份所辖单位的已审定稿件（首页的数字用同一范围）。</summary>
    public static IQueryable<Manuscript> InPool(IQueryable<Manuscript> manuscripts, UserContext me)
    {
        return manuscripts.Where(m => m.Status == ManuscriptStatus.Approved).InUnits(UnitScope.Oversight(me), me.Tree, m => m.UnitId);
    }

    /// <summary>空为待采编，"all" 为不限；其余按采编状态代码（pending、published、not_used）。</summary>
    public static EditorialStatus? ParseEditorial(string? code)
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return EditorialStatus.Pending;
        if (trimmed.Equals(AllStates, StringComparison.OrdinalIgnoreCase)) return null;
        foreach (var state in States)
        {
            if (trimmed.Equals(Wire.Code(state), StringComparison.OrdinalIgnoreCase)) return state;
        }
        throw AppException.Invalid("editorial", "Publishing.UnknownCode", trimmed,
            string.Join("|", States.Select(s => Wire.Code(s)).Append(AllStates)));
    }
}
