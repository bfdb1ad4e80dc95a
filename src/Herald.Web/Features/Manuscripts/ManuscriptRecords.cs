using Herald.Domain.Organization;
using Herald.Domain.Publishing;
using Herald.Domain.Submission;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Manuscripts;

/// <summary>
/// 稿件审定后的记录：发布与用稿（稿件聚合的一部分，Manuscript.Publications / Adoptions），及其 DTO。
/// 稿件详情由本模块给出；采编与用稿的操作在 Publishing，返回同样的 DTO。
/// </summary>
public static class EditorialRecords
{
    /// <summary>只有已审定的稿件才可能有发布和用稿记录；其余稿件不必查询。</summary>
    public static async Task<(List<Publication> Publications, List<Adoption> Adoptions)> LoadAsync(HeraldDbContext db, Manuscript m,
        CancellationToken ct)
    {
        if (m.Status != ManuscriptStatus.Approved) return ([], []);
        var publications = await db.Publications.AsNoTracking().Where(p => p.ManuscriptId == m.Id)
            .OrderBy(p => p.PublishedAt).ThenBy(p => p.Id).ToListAsync(ct);
        var adoptions = await db.Adoptions.AsNoTracking().Where(a => a.ManuscriptId == m.Id)
            .OrderBy(a => a.AdoptedOn).ThenBy(a => a.Id).ToListAsync(ct);
        return (publications, adoptions);
    }

    /// <summary>这些记录涉及的人（编辑、申报人、核实人），供一次查出姓名。</summary>
    public static IEnumerable<long> UserIds(IEnumerable<Publication> publications, IEnumerable<Adoption> adoptions) =>
        publications.Select(p => p.EditorId)
            .Concat(adoptions.Select(a => a.ClaimedById))
            .Concat(adoptions.Where(a => a.VerifiedById is not null).Select(a => a.VerifiedById!.Value));

    public static async Task<Dictionary<long, string>> NamesAsync(HeraldDbContext db, IEnumerable<long> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToArray();
        if (ids.Length == 0) return [];
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    public static EditorialDto Editorial(Manuscript m) => new(m.Editorial, m.NotUsedReason, m.PublishedAt);

    public static PublicationDto ToDto(Publication p, IReadOnlyDictionary<long, string> names) =>
        new(p.Id, p.ManuscriptId, p.ChannelId, p.ChannelName, p.Url, p.PublishedAt, p.EditorId, names.GetValueOrDefault(p.EditorId, ""), p.CreatedAt);

    public static AdoptionDto ToDto(Adoption a, string manuscriptTitle, long unitId, OrgTree tree, IReadOnlyDictionary<long, string> names) =>
        new(a.Id, a.ManuscriptId, manuscriptTitle, unitId, tree.Find(unitId)?.Name ?? "", a.Kind, a.OutletId, a.SourceName, a.Level, a.OutletType,
            a.IsGovInfo, a.AdoptedOn, a.PageColumn, a.Url, a.FrontPage, a.Status, a.ClaimedById, names.GetValueOrDefault(a.ClaimedById, ""),
            a.ClaimedAt, a.VerifiedById is { } v ? names.GetValueOrDefault(v, "") : null, a.VerifiedAt, a.RefuseReason,
            a.ProofHash is null ? null : new ProofDto(a.ProofFileName ?? "", a.ProofContentType ?? "", a.ProofSize ?? 0, ProofApiUrl(a.Id)));

    /// <summary>API 令牌下载用稿证明的地址（网页用 <see cref="ProofPageUrl"/>）。</summary>
    public static string ProofApiUrl(long adoptionId) => $"/api/v1/adoptions/{adoptionId}/proof";

    public static string ProofPageUrl(long adoptionId) => $"/adoptions/{adoptionId}/proof";
}

/// <summary>采编状态：none（未审定）、pending（待采编）、published（已发布）、not_used（不采用）。</summary>
public sealed record EditorialDto(EditorialStatus Status, string? NotUsedReason, DateTime? PublishedAt);

public sealed record PublicationDto(long Id, long ManuscriptId, long ChannelId, string ChannelName, string? Url, DateTime PublishedAt,
    long EditorId, string EditorName, DateTime CreatedAt);

public sealed record ProofDto(string FileName, string ContentType, long Size, string Url);

/// <summary>一条用稿登记（媒体采用、政务信息或领导批示）。sourceName 为媒体名称或批示领导。</summary>
public sealed record AdoptionDto(
    long Id,
    long ManuscriptId,
    string ManuscriptTitle,
    long UnitId,
    string UnitName,
    AdoptionKind Kind,
    long? OutletId,
    string SourceName,
    MediaLevel Level,
    OutletType? OutletType,
    bool GovInfo,
    DateOnly AdoptedOn,
    string? Column,
    string? Url,
    bool FrontPage,
    AdoptionStatus Status,
    long ClaimedById,
    string ClaimedBy,
    DateTime ClaimedAt,
    string? VerifiedBy,
    DateTime? VerifiedAt,
    string? RefuseReason,
    ProofDto? Proof);
