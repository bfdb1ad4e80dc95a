using Herald.Domain.Publishing;
using Herald.Web.Features.Common;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Publishing;

/// <summary>用稿登记查询：status 为 pending|verified|refused（空为全部），outletId，kind 为 outlet|instruction，from/to 为用稿日期。</summary>
public sealed record AdoptionQuery(
    string? Status = null,
    long? OutletId = null,
    string? Kind = null,
    string? From = null,
    string? To = null,
    int Page = 1,
    int PageSize = 20) : IPagedQuery;

/// <summary>用稿登记列表：只含调用者能看到的稿件的登记（宣传办看所辖单位的，信息员看本单位的），按申报时间倒序分页。</summary>
public sealed class ListAdoptions(HeraldDbContext db, CurrentUser current)
{
    public async Task<PagedResult<AdoptionDto>> HandleAsync(AdoptionQuery query, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var visible = db.Manuscripts.AsNoTracking().VisibleTo(me);
        var q = from a in db.Adoptions.AsNoTracking()
                join m in visible on a.ManuscriptId equals m.Id
                select new { Adoption = a, m.Title, m.UnitId };
        if (Wire.OptionalCode<AdoptionStatus>(query.Status is "all" ? null : query.Status, "status") is { } status)
            q = q.Where(x => x.Adoption.Status == status);
        if (Wire.OptionalCode<AdoptionKind>(query.Kind, "kind") is { } kind) q = q.Where(x => x.Adoption.Kind == kind);
        if (query.OutletId is { } outletId) q = q.Where(x => x.Adoption.OutletId == outletId);
        if (Wire.OptionalDate(query.From, "from") is { } from) q = q.Where(x => x.Adoption.AdoptedOn >= from);
        if (Wire.OptionalDate(query.To, "to") is { } to) q = q.Where(x => x.Adoption.AdoptedOn <= to);

        var page = PageRequest.From(query);
        var total = await q.CountAllAsync(ct);
        var rows = await q.OrderByDescending(x => x.Adoption.ClaimedAt).ThenByDescending(x => x.Adoption.Id)
            .TakePage(page).ToListAsync(ct);
        var names = await EditorialRecords.NamesAsync(db, EditorialRecords.UserIds([], rows.Select(r => r.Adoption)), ct);
        var items = rows.Select(r => EditorialRecords.ToDto(r.Adoption, r.Title, r.UnitId, me.Tree, names)).ToList();
        return items.ToPage(page, total);
    }

    /// <summary>用稿证明：稿件对调用者不可见、或没有证明时一律 404。</summary>
    public async Task<(string Hash, string FileName, string ContentType)> ProofAsync(long adoptionId, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var visible = db.Manuscripts.AsNoTracking().VisibleTo(me);
        var proof = await (from a in db.Adoptions.AsNoTracking()
                           join m in visible on a.ManuscriptId equals m.Id
                           where a.Id == adoptionId && a.ProofHash != null
                           select new { a.ProofHash, a.ProofFileName, a.ProofContentType }).FirstOrDefaultAsync(ct)
                    ?? throw Infrastructure.Web.AppException.NotFound();
        return (proof.ProofHash!, proof.ProofFileName ?? "proof", proof.ProofContentType ?? "application/octet-stream");
    }
}
