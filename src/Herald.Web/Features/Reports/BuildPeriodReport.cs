using Herald.Domain.Common;
using Herald.Domain.Organization;
using Herald.Domain.Publishing;
using Herald.Domain.Scoring;
using Herald.Domain.Submission;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Reports;

/// <summary>
/// 统计某时期、某单位子树（缺省为调用者能看到的全部单位）的报送、审定、发布、用稿与积分。
/// 范围与稿件可见范围相同：宣传办、主要负责人、领导（查看）看所辖全部，分管领导看所分管的，单位负责人和信息员看本单位。
/// 积分由 <see cref="ScoreCalculator"/> 按用稿当日有效的规则算出，每个数字都能追溯到 <see cref="PeriodReport.Score"/> 的明细。
/// 省级规模（5000 个单位、百万篇稿件）下也只用少数几条按集合的查询：报送按月分组计数、审定与发布分组计数、
/// 已核实采用一次取出，都走覆盖索引（迁移 0006），不逐单位查询。
/// </summary>
/// <remarks>
/// 有 <paramref name="scopes"/> 时，取用稿登记（最大的一条查询）在另一个连接上与计数查询同时进行（SQLite WAL 允许多个读者）。
/// 有 <paramref name="clock"/> 时，还没过完的月份不考核报送任务（本季度的报表不会把本月、下月算作漏报）。
/// </remarks>
public sealed class BuildPeriodReport([ReadReplica] HeraldDbContext db, CurrentUser current, IServiceScopeFactory? scopes = null, Clock? clock = null)
{
    /// <summary>单位范围最多这么多个单位时在 SQL 中按单位筛选，更多时取回后在内存中筛（测试可调小）。</summary>
    internal int MaxUnitsInSql { get; init; } = 300;

    private bool onPrimary;

    /// <summary>同样的统计改在给定的主库上下文上做（写路径：通报发布时冻结的数字不能来自落后的备库）。</summary>
    public BuildPeriodReport OnPrimary(HeraldDbContext primary) =>
        new(primary, current, scopes, clock) { MaxUnitsInSql = MaxUnitsInSql, onPrimary = true };

    /// <summary>作者超过这么多人时一次取全部账号的姓名，不把上千个编号放进 SQL。</summary>
    private const int MaxAuthorsInSql = 300;

    public async Task<PeriodReport> HandleAsync(ReportPeriod period, long? rootUnitId, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        // 没有任何可见单位的账号（如系统管理员，三员分立不看稿件）无权看报表。
        me.Require(UnitScope.Manuscripts(me).Count > 0);
        return await BuildAsync(period, rootUnitId, me.Tree, UnitScope.Manuscripts(me), ct);
    }

    /// <summary>按给定的可见单位统计（通报生成、基准测试直接调用）。</summary>
    public async Task<PeriodReport> BuildAsync(ReportPeriod period, long? rootUnitId, OrgTree tree, IReadOnlySet<long> visibleUnits,
        CancellationToken ct = default)
    {
        var (unitIds, rootName) = ResolveUnits(tree, visibleUnits, rootUnitId);
        var data = await LoadAsync(period, tree, unitIds, authorId: null, ct);
        var unitRows = BuildUnitRows(tree, unitIds, data);
        var people = await BuildCorrespondentRowsAsync(tree, data, ct);
        return new PeriodReport(period.From, period.To, rootUnitId, rootName, Totals(unitRows), unitRows, people, data.Score, data.Trend);
    }

    /// <summary>一个单位的积分明细：只统计这个单位（上限、任务都按单位计算，结果与全范围报表中该单位的数字相同）。</summary>
    public async Task<ScoreResult> ScoreUnitAsync(ReportPeriod period, OrgTree tree, long unitId, CancellationToken ct = default) =>
        (await LoadAsync(period, tree, new HashSet<long> { unitId }, authorId: null, ct)).Score;

    /// <summary>一位作者在给定单位范围内的积分明细（作者积分不含单位的上限削减和漏报扣分）。</summary>
    public async Task<ScoreResult> ScoreAuthorAsync(ReportPeriod period, OrgTree tree, IReadOnlySet<long> units, long authorId,
        CancellationToken ct = default) =>
        (await LoadAsync(period, tree, units, authorId, ct)).Score;

    private static (IReadOnlySet<long> Units, string RootName) ResolveUnits(OrgTree tree, IReadOnlySet<long> visible, long? rootUnitId)
    {
        if (rootUnitId is not { } root)
            return (visible, tree.Roots.Count == 1 && visible.Count == tree.Count ? tree.Roots[0].Name : "");
        // 看不到的单位与不存在的单位一样回答 404。
        if (tree.Find(root) is not { } node || !visible.Contains(root)) throw AppException.NotFound();
        var units = tree.Subtree(root).Where(visible.Contains).ToHashSet();
        return (units, node.Name);
    }

    private sealed record SubmissionCount(DateOnly Month, long UnitId, long AuthorId, int Count, int Late);

    private sealed record Counted(long UnitId, long AuthorId, int Count);

    private sealed record ReportData(
        List<SubmissionCount> Submitted,
        List<Counted> Approved,
        List<Counted> Published,
        List<AdoptionFact> AdoptedInPeriod,
        IReadOnlySet<long> AssessedUnits,
        ScoreResult Score,
        List<MonthTrend> Trend);

    private async Task<ReportData> LoadAsync(ReportPeriod period, OrgTree tree, IReadOnlySet<long> unitIds, long? authorId, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var startUtc = ChinaTime.StartOfDayUtc(from);
        var endUtc = ChinaTime.StartOfDayUtc(to.AddDays(1));
        var rules = new RuleBook(await db.ScoringRuleSets.AsNoTracking().ToListAsync(ct));

        // 各查询都从时期出发读覆盖索引，单位条件只是少返回几行。全部单位时不带单位条件（单位从不删除，全部单位就是
        // 全部稿件）；单位不多时在 SQL 里筛（"+ 0"：不让 SQLite 为它选单位索引，那要读这些单位历年的全部稿件行）；
        // 单位很多时（如分管上千个单位）不把上千个编号塞进每条 SQL，取回后在内存里筛。
        var partial = unitIds.Count != tree.Count;
        var filterInSql = partial && unitIds.Count <= MaxUnitsInSql;
        var ids = filterInSql ? unitIds.ToArray() : [];
        bool InScope(long unitId) => !partial || filterInSql || unitIds.Contains(unitId);
        IQueryable<Manuscript> Manuscripts(HeraldDbContext context)
        {
            var query = context.Manuscripts.AsNoTracking();
            if (filterInSql) query = query.Where(m => ids.Contains(m.UnitId + 0));
            if (authorId is { } author) query = query.Where(m => m.AuthorId == author);
            return query;
        }
        var manuscripts = Manuscripts(db);

        // 用稿登记：有第二个连接时与下面的计数查询同时取。
        var scanFrom = ScoreCalculator.HistoryStart(rules, from);
        AsyncServiceScope? second = null;
        Task<List<AdoptionFact>> adoptionsTask;
        if (scopes is not null)
        {
            second = scopes.CreateAsyncScope();
            var other = onPrimary
                ? second.Value.ServiceProvider.GetRequiredService<HeraldDbContext>()
                : second.Value.ServiceProvider.GetRequiredKeyedService<HeraldDbContext>(ReadDb.Key);
            adoptionsTask = Task.Run(() => AdoptionFactsAsync(Manuscripts(other), other, scanFrom, to, ct), ct);
        }
        else adoptionsTask = Task.FromResult(await AdoptionFactsAsync(manuscripts, db, scanFrom, to, ct));

        try
        {
            return await CountAndScoreAsync();
        }
        finally
        {
            // 出错时也等另一个连接上的查询结束，再归还它的 DbContext。
            await Task.WhenAny(adoptionsTask);
            if (second is { } scope) await scope.DisposeAsync();
        }

        async Task<ReportData> CountAndScoreAsync()
        {
            // 报送：逐月分组计数（每月一条查询，只读报送时间索引），每月报送任务和趋势都要按月的数字。
            var submitted = new List<SubmissionCount>();
            foreach (var (month, sliceStart, sliceEnd) in Slices(from, to))
            {
                var a = ChinaTime.StartOfDayUtc(sliceStart);
                var b = ChinaTime.StartOfDayUtc(sliceEnd.AddDays(1));
                var rows = await manuscripts
                    .Where(m => m.SubmittedAt >= a && m.SubmittedAt < b)
                    .GroupBy(m => new { m.UnitId, m.AuthorId })
                    .Select(g => new { g.Key.UnitId, g.Key.AuthorId, Count = g.Count(), Late = g.Count(m => m.IsLate) })
                    .ToListAsync(ct);
                submitted.AddRange(rows.Where(r => InScope(r.UnitId)).Select(r => new SubmissionCount(month, r.UnitId, r.AuthorId, r.Count, r.Late)));
            }

            // 迟报逐篇计分只在时期内有规则扣迟报分时才需要逐篇取出。
            var late = new List<SubmissionFact>();
            if (RulesInForce(rules, from, to).Any(r => r.LatePenalty > 0m))
            {
                var rows = await manuscripts
                    .Where(m => m.SubmittedAt >= startUtc && m.SubmittedAt < endUtc && m.IsLate)
                    .Select(m => new { m.Id, m.UnitId, m.AuthorId, SubmittedAt = m.SubmittedAt!.Value })
                    .ToListAsync(ct);
                late.AddRange(rows.Where(r => InScope(r.UnitId)).Select(r => new SubmissionFact(r.Id, r.UnitId, r.AuthorId, ChinaTime.DateOf(r.SubmittedAt), true)));
            }

            var approved = (await manuscripts
                    .Where(m => m.ApprovedAt >= startUtc && m.ApprovedAt < endUtc)
                    .GroupBy(m => new { m.UnitId, m.AuthorId })
                    .Select(g => new Counted(g.Key.UnitId, g.Key.AuthorId, g.Count()))
                    .ToListAsync(ct))
                .Where(c => InScope(c.UnitId)).ToList();
            var published = (await manuscripts
                    .Where(m => m.PublishedAt >= startUtc && m.PublishedAt < endUtc)
                    .GroupBy(m => new { m.UnitId, m.AuthorId })
                    .Select(g => new Counted(g.Key.UnitId, g.Key.AuthorId, g.Count()))
                    .ToListAsync(ct))
                .Where(c => InScope(c.UnitId)).ToList();

            var adoptionFacts = (await adoptionsTask).Where(a => InScope(a.UnitId)).ToList();

            var duties = authorId is null ? await QuotaDutiesAsync(from, to, tree, unitIds, ct) : [];
            var monthly = submitted.GroupBy(s => (s.UnitId, s.Month)).Select(g => new MonthlySubmissions(g.Key.UnitId, g.Key.Month, g.Sum(s => s.Count)));
            // 月份过完（到昨天为止）才考核报送任务。
            DateOnly? assessUntil = clock is null ? null : ChinaTime.DateOf(clock.UtcNow).AddDays(-1);
            var score = ScoreCalculator.Calculate(rules, from, to, adoptionFacts, late, monthly, duties, assessUntil);
            var inPeriod = adoptionFacts.Where(a => a.AdoptedOn >= from).ToList();
            return new ReportData(submitted, approved, published, inPeriod, ScoreCalculator.AssessedUnits(rules, from, to, duties, assessUntil), score,
                Trend(from, to, submitted, inPeriod, score));
        }
    }

    /// <summary>
    /// 只有已核实的采用计分（待核实、不予认定的一律不算）。时期内（设有上限时从上限周期开始）有已核实采用的稿件，
    /// 连同它们此前的已核实采用一起取出："只计最高"要和此前的最高分比，上限要算周期内此前已计的分。
    /// 这些稿件的全部登记按稿件编号取出，状态与日期在内存里筛：SQL 中只留稿件编号一个条件，SQLite 才会逐篇按
    /// 稿件编号索引查找，而不是把截至时期末的全部已核实采用按日期范围扫一遍。多取的只是这些稿件的少数几条登记。
    /// </summary>
    private static async Task<List<AdoptionFact>> AdoptionFactsAsync(IQueryable<Manuscript> manuscripts, HeraldDbContext context,
        DateOnly scanFrom, DateOnly to, CancellationToken ct)
    {
        var adoptedSince = context.Adoptions.AsNoTracking()
            .Where(a => a.Status == AdoptionStatus.Verified && a.AdoptedOn >= scanFrom && a.AdoptedOn <= to)
            .Select(a => a.ManuscriptId);
        var registered = await (
                from a in context.Adoptions.AsNoTracking()
                join m in manuscripts on a.ManuscriptId equals m.Id
                where adoptedSince.Contains(a.ManuscriptId)
                select new
                {
                    a.Id, a.ManuscriptId, m.UnitId, m.AuthorId, a.Kind, a.Level, a.OutletType, a.FrontPage, a.AdoptedOn, a.SourceName, a.Status,
                })
            .ToListAsync(ct);
        return registered.Where(a => a.Status == AdoptionStatus.Verified && a.AdoptedOn <= to)
            .Select(a => new AdoptionFact(a.Id, a.ManuscriptId, a.UnitId, a.AuthorId, a.Kind, a.Level, a.OutletType, a.FrontPage,
                a.AdoptedOn, a.SourceName))
            .ToList();
    }

    /// <summary>时期内各月的片段：（该月 1 日，片段首日，片段末日），首尾两月可能不完整。</summary>
    private static IEnumerable<(DateOnly Month, DateOnly Start, DateOnly End)> Slices(DateOnly from, DateOnly to)
    {
        for (var month = ScoreCalculator.MonthOf(from); month <= to; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            yield return (month, month < from ? from : month, end > to ? to : end);
        }
    }

    private static IEnumerable<ScoringRuleSet> RulesInForce(RuleBook rules, DateOnly from, DateOnly to) =>
        rules.Versions.Where(v => v.EffectiveFrom > from && v.EffectiveFrom <= to).Append(rules.RuleFor(from));

    /// <summary>承担每月报送任务的单位与期间：信息员在册（备案）期间；已停用的单位不考核。</summary>
    private async Task<List<QuotaDuty>> QuotaDutiesAsync(DateOnly from, DateOnly to, OrgTree tree, IReadOnlySet<long> units, CancellationToken ct)
    {
        var registered = await db.Correspondents.AsNoTracking()
            .Where(c => c.AppointedOn <= to && (c.EndedOn == null || c.EndedOn >= from))
            .Select(c => new { c.UnitId, c.AppointedOn, c.EndedOn })
            .ToListAsync(ct);
        return registered.Where(c => units.Contains(c.UnitId) && tree.Find(c.UnitId) is { Disabled: false })
            .Select(c => new QuotaDuty(c.UnitId, c.AppointedOn, c.EndedOn)).ToList();
    }

    private static List<MonthTrend> Trend(DateOnly from, DateOnly to, List<SubmissionCount> submitted, List<AdoptionFact> adoptions,
        ScoreResult score)
    {
        var submittedBy = submitted.GroupBy(s => s.Month).ToDictionary(g => g.Key, g => g.Sum(s => s.Count));
        var adoptedBy = adoptions.Where(a => a.Kind == AdoptionKind.Outlet).GroupBy(a => ScoreCalculator.MonthOf(a.AdoptedOn))
            .ToDictionary(g => g.Key, g => g.Select(a => a.ManuscriptId).Distinct().Count());
        var pointsBy = score.Lines.GroupBy(l => ScoreCalculator.MonthOf(l.Date)).ToDictionary(g => g.Key, g => g.Sum(l => l.Points));
        return Slices(from, to)
            .Select(s => new MonthTrend(s.Month, submittedBy.GetValueOrDefault(s.Month), adoptedBy.GetValueOrDefault(s.Month),
                pointsBy.GetValueOrDefault(s.Month)))
            .ToList();
    }

    private static List<UnitReportRow> BuildUnitRows(OrgTree tree, IReadOnlySet<long> unitIds, ReportData data)
    {
        var score = data.Score;
        var submitted = data.Submitted.GroupBy(s => s.UnitId).ToDictionary(g => g.Key, g => (Count: g.Sum(s => s.Count), Late: g.Sum(s => s.Late)));
        var approvedBy = data.Approved.GroupBy(a => a.UnitId).ToDictionary(g => g.Key, g => g.Sum(a => a.Count));
        var publishedBy = data.Published.GroupBy(a => a.UnitId).ToDictionary(g => g.Key, g => g.Sum(a => a.Count));
        var outlets = data.AdoptedInPeriod.Where(a => a.Kind == AdoptionKind.Outlet).ToList();
        var adoptedItems = outlets.GroupBy(a => a.UnitId).ToDictionary(g => g.Key, g => g.Select(a => a.ManuscriptId).Distinct().Count());
        var byLevel = outlets.GroupBy(a => (a.UnitId, a.Level)).ToDictionary(g => g.Key, g => g.Count());
        var instructions = data.AdoptedInPeriod.Where(a => a.Kind == AdoptionKind.Instruction).GroupBy(a => a.UnitId)
            .ToDictionary(g => g.Key, g => g.Count());

        // 行：范围内未停用的单位，以及已停用但本期有数字的单位。
        var rowUnits = unitIds.Where(id => tree.Find(id) is { } u && (!u.Disabled || submitted.ContainsKey(id) || score.UnitPoints.ContainsKey(id)));
        var draft = rowUnits.Select(id =>
        {
            var (count, late) = submitted.GetValueOrDefault(id);
            var adopted = adoptedItems.GetValueOrDefault(id);
            var missed = score.MissedByUnit.GetValueOrDefault(id);
            return new UnitReportRow(id, tree.Find(id)!.Name, tree.PathName(id), count, approvedBy.GetValueOrDefault(id),
                publishedBy.GetValueOrDefault(id), adopted,
                byLevel.GetValueOrDefault((id, MediaLevel.Central)), byLevel.GetValueOrDefault((id, MediaLevel.Provincial)),
                byLevel.GetValueOrDefault((id, MediaLevel.Municipal)), byLevel.GetValueOrDefault((id, MediaLevel.County)),
                byLevel.GetValueOrDefault((id, MediaLevel.Internal)), instructions.GetValueOrDefault(id),
                Rate(adopted, count), score.PointsOfUnit(id), data.AssessedUnits.Contains(id) ? missed == 0 : null, late, missed, 0);
        }).ToList();
        var ranks = Ranking.Rank(draft.Select(r => (r.UnitId, r.Points, r.Adopted)));
        return draft.Select(r => r with { Rank = ranks[r.UnitId] })
            .OrderBy(r => r.Rank).ThenBy(r => r.UnitPath, StringComparer.Ordinal).ToList();
    }

    private async Task<List<CorrespondentReportRow>> BuildCorrespondentRowsAsync(OrgTree tree, ReportData data, CancellationToken ct)
    {
        var approvedBy = data.Approved.GroupBy(a => a.AuthorId).ToDictionary(g => g.Key, g => g.Sum(a => a.Count));
        var publishedBy = data.Published.GroupBy(a => a.AuthorId).ToDictionary(g => g.Key, g => g.Sum(a => a.Count));
        var submitted = data.Submitted.GroupBy(s => s.AuthorId).ToDictionary(g => g.Key, g => (Count: g.Sum(s => s.Count), Late: g.Sum(s => s.Late)));
        var outlets = data.AdoptedInPeriod.Where(a => a.Kind == AdoptionKind.Outlet).ToList();
        var adopted = outlets.GroupBy(a => a.AuthorId).ToDictionary(g => g.Key, g => g.Select(a => a.ManuscriptId).Distinct().Count());
        var byLevel = outlets.GroupBy(a => (a.AuthorId, a.Level)).ToDictionary(g => g.Key, g => g.Count());
        var instructions = data.AdoptedInPeriod.Where(a => a.Kind == AdoptionKind.Instruction).GroupBy(a => a.AuthorId)
            .ToDictionary(g => g.Key, g => g.Count());
        // 作者所属单位：本期稿件最多的单位（同一人可能在两个单位报送）。
        var perUnit = new Dictionary<(long AuthorId, long UnitId), int>();
        foreach (var s in data.Submitted) perUnit[(s.AuthorId, s.UnitId)] = perUnit.GetValueOrDefault((s.AuthorId, s.UnitId)) + s.Count;
        foreach (var a in data.AdoptedInPeriod) perUnit[(a.AuthorId, a.UnitId)] = perUnit.GetValueOrDefault((a.AuthorId, a.UnitId)) + 1;
        var unitOf = new Dictionary<long, (long UnitId, int Count)>();
        foreach (var ((author, unit), count) in perUnit)
        {
            if (!unitOf.TryGetValue(author, out var best) || count > best.Count || (count == best.Count && unit < best.UnitId))
                unitOf[author] = (unit, count);
        }
        var authorIds = unitOf.Keys.ToArray();
        var users = db.Users.AsNoTracking();
        if (authorIds.Length <= MaxAuthorsInSql) users = users.Where(u => authorIds.Contains(u.Id));
        var names = await users.Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var draft = authorIds.Select(id =>
        {
            var (count, late) = submitted.GetValueOrDefault(id);
            var adoptedCount = adopted.GetValueOrDefault(id);
            var unitId = unitOf[id].UnitId;
            return new CorrespondentReportRow(id, names.GetValueOrDefault(id) ?? "", unitId, tree.Find(unitId)?.Name ?? "",
                count, approvedBy.GetValueOrDefault(id), adoptedCount, Rate(adoptedCount, count),
                data.Score.AuthorPoints.GetValueOrDefault(id), late, 0, publishedBy.GetValueOrDefault(id),
                byLevel.GetValueOrDefault((id, MediaLevel.Central)), byLevel.GetValueOrDefault((id, MediaLevel.Provincial)),
                byLevel.GetValueOrDefault((id, MediaLevel.Municipal)), byLevel.GetValueOrDefault((id, MediaLevel.County)),
                byLevel.GetValueOrDefault((id, MediaLevel.Internal)), instructions.GetValueOrDefault(id));
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
