using Herald.Domain.Common;
using Herald.Domain.Organization;
using Herald.Domain.Publishing;
using Herald.Domain.Scoring;
using Herald.Domain.Submission;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Reports;

/// <summary>
/// 统计某时期、某单位子树（缺省为调用者能看到的全部单位）的报送、审定、发布、用稿与积分。
/// 范围与稿件可见范围相同：宣传办、主要负责人看全部，分管领导看所分管的，单位负责人和信息员看本单位。
/// 积分由 <see cref="ScoreCalculator"/> 按用稿当日有效的规则算出，每个数字都能追溯到 <see cref="PeriodReport.Score"/> 的明细。
/// </summary>
public sealed class BuildPeriodReport(HeraldDbContext db, CurrentUser current)
{
    public async Task<PeriodReport> HandleAsync(ReportPeriod period, long? rootUnitId, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        return await BuildAsync(period, rootUnitId, me.Tree, me.ManuscriptUnits, ct);
    }

    /// <summary>按给定的可见单位统计（通报生成、基准测试直接调用）。</summary>
    public async Task<PeriodReport> BuildAsync(ReportPeriod period, long? rootUnitId, OrgTree tree, IReadOnlySet<long> visibleUnits,
        CancellationToken ct = default)
    {
        var (unitIds, rootName) = ResolveUnits(tree, visibleUnits, rootUnitId);
        var everyUnit = unitIds.Count == tree.Count;
        var ids = unitIds.ToArray();
        var (from, to) = (period.From, period.To);
        var startUtc = ChinaTime.StartOfDayUtc(from);
        var endUtc = ChinaTime.StartOfDayUtc(to.AddDays(1));

        var manuscripts = db.Manuscripts.AsNoTracking();
        if (!everyUnit) manuscripts = manuscripts.Where(m => ids.Contains(m.UnitId));

        var submissions = await manuscripts
            .Where(m => m.SubmittedAt >= startUtc && m.SubmittedAt < endUtc)
            .Select(m => new { m.Id, m.UnitId, m.AuthorId, SubmittedAt = m.SubmittedAt!.Value, m.IsLate })
            .ToListAsync(ct);
        var submissionFacts = submissions
            .Select(s => new SubmissionFact(s.Id, s.UnitId, s.AuthorId, ChinaTime.DateOf(s.SubmittedAt), s.IsLate))
            .ToList();

        var approved = await manuscripts
            .Where(m => m.ApprovedAt >= startUtc && m.ApprovedAt < endUtc)
            .GroupBy(m => new { m.UnitId, m.AuthorId })
            .Select(g => new { g.Key.UnitId, g.Key.AuthorId, Count = g.Count() })
            .ToListAsync(ct);
        var published = await manuscripts
            .Where(m => m.PublishedAt >= startUtc && m.PublishedAt < endUtc)
            .GroupBy(m => m.UnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.UnitId, x => x.Count, ct);

        // 时期内已核实的采用，连同这些稿件在时期之前的已核实采用（"只计最高"要和此前的最高分比）。
        var verified = db.Adoptions.AsNoTracking().Where(a => a.Status == AdoptionStatus.Verified);
        var adoptedInPeriod = verified.Where(a => a.AdoptedOn >= from && a.AdoptedOn <= to).Select(a => a.ManuscriptId);
        var adoptionFacts = await (
                from a in verified
                join m in manuscripts on a.ManuscriptId equals m.Id
                where a.AdoptedOn <= to && adoptedInPeriod.Contains(a.ManuscriptId)
                select new AdoptionFact(a.Id, a.ManuscriptId, m.UnitId, m.AuthorId, a.Kind, a.Level, a.OutletType, a.FrontPage,
                    a.AdoptedOn, a.SourceName))
            .ToListAsync(ct);

        var rules = new RuleBook(await db.ScoringRuleSets.AsNoTracking().ToListAsync(ct));
        var quotaUnits = await QuotaUnitsAsync(from, to, unitIds, ct);
        var score = ScoreCalculator.Calculate(rules, from, to, adoptionFacts, submissionFacts, quotaUnits);

        var inPeriod = adoptionFacts.Where(a => a.AdoptedOn >= from).ToList();
        var unitRows = BuildUnitRows(tree, unitIds, submissionFacts, approved.Select(a => (a.UnitId, a.Count)), published, inPeriod,
            quotaUnits, score);
        var people = await BuildCorrespondentRowsAsync(tree, submissionFacts, approved.Select(a => (a.AuthorId, a.UnitId, a.Count)),
            inPeriod, score, ct);
        return new PeriodReport(from, to, rootUnitId, rootName, Totals(unitRows), unitRows, people, score);
    }

    private static (IReadOnlySet<long> Units, string RootName) ResolveUnits(OrgTree tree, IReadOnlySet<long> visible, long? rootUnitId)
    {
        if (rootUnitId is not { } root)
            return (visible, tree.Roots.Count == 1 && visible.Count == tree.Count ? tree.Roots[0].Name : "");
        // 看不到的单位与不存在的单位一样回答 404。
        if (tree.Find(root) is not { } node || !visible.Contains(root)) throw AppException.NotFound();
        var units = tree.Subtree(root).Where(visible.Contains).ToHashSet();
        return (units, node.Name);
    }

    /// <summary>需考核报送任务的单位：时期内有在册信息员（备案）的单位。</summary>
    private async Task<HashSet<long>> QuotaUnitsAsync(DateOnly from, DateOnly to, IReadOnlySet<long> units, CancellationToken ct)
    {
        var registered = await db.Correspondents.AsNoTracking()
            .Where(c => c.AppointedOn <= to && (c.EndedOn == null || c.EndedOn >= from))
            .Select(c => c.UnitId).Distinct().ToListAsync(ct);
        return registered.Where(units.Contains).ToHashSet();
    }

    private static List<UnitReportRow> BuildUnitRows(OrgTree tree, IReadOnlySet<long> unitIds, List<SubmissionFact> submissions,
        IEnumerable<(long UnitId, int Count)> approved, Dictionary<long, int> published, List<AdoptionFact> adoptions,
        HashSet<long> quotaUnits, ScoreResult score)
    {
        var submitted = submissions.GroupBy(s => s.UnitId).ToDictionary(g => g.Key, g => (Count: g.Count(), Late: g.Count(s => s.Late)));
        var approvedBy = approved.GroupBy(a => a.UnitId).ToDictionary(g => g.Key, g => g.Sum(a => a.Count));
        var outlets = adoptions.Where(a => a.Kind == AdoptionKind.Outlet).ToList();
        var adoptedItems = outlets.GroupBy(a => a.UnitId).ToDictionary(g => g.Key, g => g.Select(a => a.ManuscriptId).Distinct().Count());
        var byLevel = outlets.GroupBy(a => (a.UnitId, a.Level)).ToDictionary(g => g.Key, g => g.Count());
        var instructions = adoptions.Where(a => a.Kind == AdoptionKind.Instruction).GroupBy(a => a.UnitId)
            .ToDictionary(g => g.Key, g => g.Count());

        // 行：范围内未停用的单位，以及已停用但本期有数字的单位。
        var rowUnits = unitIds.Where(id => tree.Find(id) is { } u && (!u.Disabled || submitted.ContainsKey(id) || score.UnitPoints.ContainsKey(id)));
        var draft = rowUnits.Select(id =>
        {
            var (count, late) = submitted.GetValueOrDefault(id);
            var adopted = adoptedItems.GetValueOrDefault(id);
            var missed = score.MissedByUnit.GetValueOrDefault(id);
            return new UnitReportRow(id, tree.Find(id)!.Name, tree.PathName(id), count, approvedBy.GetValueOrDefault(id),
                published.GetValueOrDefault(id), adopted,
                byLevel.GetValueOrDefault((id, MediaLevel.Central)), byLevel.GetValueOrDefault((id, MediaLevel.Provincial)),
                byLevel.GetValueOrDefault((id, MediaLevel.Municipal)), byLevel.GetValueOrDefault((id, MediaLevel.County)),
                byLevel.GetValueOrDefault((id, MediaLevel.Internal)), instructions.GetValueOrDefault(id),
                Rate(adopted, count), score.PointsOfUnit(id), quotaUnits.Contains(id) ? missed == 0 : null, late, missed, 0);
        }).ToList();
        var ranks = Ranking.Rank(draft.Select(r => (r.UnitId, r.Points, r.Adopted)));
        return draft.Select(r => r with { Rank = ranks[r.UnitId] })
            .OrderBy(r => r.Rank).ThenBy(r => r.UnitPath, StringComparer.Ordinal).ToList();
    }

    private async Task<List<CorrespondentReportRow>> BuildCorrespondentRowsAsync(OrgTree tree, List<SubmissionFact> submissions,
        IEnumerable<(long AuthorId, long UnitId, int Count)> approved, List<AdoptionFact> adoptions, ScoreResult score, CancellationToken ct)
    {
        var approvedBy = approved.GroupBy(a => a.AuthorId).ToDictionary(g => g.Key, g => g.Sum(a => a.Count));
        var submitted = submissions.GroupBy(s => s.AuthorId).ToDictionary(g => g.Key, g => g.ToList());
        var adopted = adoptions.Where(a => a.Kind == AdoptionKind.Outlet).GroupBy(a => a.AuthorId)
            .ToDictionary(g => g.Key, g => g.Select(a => a.ManuscriptId).Distinct().Count());
        // 作者所属单位：本期稿件最多的单位（同一人可能在两个单位报送）。
        var unitOf = submissions.Select(s => (s.AuthorId, s.UnitId)).Concat(adoptions.Select(a => (a.AuthorId, a.UnitId)))
            .GroupBy(x => x.AuthorId)
            .ToDictionary(g => g.Key, g => g.GroupBy(x => x.UnitId).OrderByDescending(u => u.Count()).ThenBy(u => u.Key).First().Key);
        var authorIds = unitOf.Keys.ToArray();
        var names = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var draft = authorIds.Select(id =>
        {
            var mine = submitted.GetValueOrDefault(id) ?? [];
            var adoptedCount = adopted.GetValueOrDefault(id);
            var unitId = unitOf[id];
            return new CorrespondentReportRow(id, names.GetValueOrDefault(id) ?? "", unitId, tree.Find(unitId)?.Name ?? "",
                mine.Count, approvedBy.GetValueOrDefault(id), adoptedCount, Rate(adoptedCount, mine.Count),
                score.AuthorPoints.GetValueOrDefault(id), mine.Count(s => s.Late), 0);
        }).ToList();
        var ranks = Ranking.Rank(draft.Select(r => (r.UserId, r.Points, r.Adopted)));
        return draft.Select(r => r with { Rank = ranks[r.UserId] })
            .OrderBy(r => r.Rank).ThenBy(r => r.DisplayName, StringComparer.Ordinal).ToList();
    }

    private static ReportTotals Totals(List<UnitReportRow> rows)
    {
        var submitted = rows.Sum(r => r.Submitted);
        var adopted = rows.Sum(r => r.Adopted);
        return new ReportTotals(rows.Count, submitted, rows.Sum(r => r.Approved), rows.Sum(r => r.Published), adopted,
            rows.Sum(r => r.AdoptedCentral), rows.Sum(r => r.AdoptedProvincial), rows.Sum(r => r.AdoptedMunicipal),
            rows.Sum(r => r.AdoptedCounty), rows.Sum(r => r.AdoptedInternal), rows.Sum(r => r.Instructions),
            Rate(adopted, submitted), rows.Sum(r => r.Points), rows.Sum(r => r.Late), rows.Sum(r => r.Missed),
            rows.Count(r => r.QuotaMet == false), rows.Count(r => r.Adopted == 0));
    }

    private static decimal Rate(int adopted, int submitted) => submitted == 0 ? 0m : Math.Round((decimal)adopted / submitted, 4);
}
