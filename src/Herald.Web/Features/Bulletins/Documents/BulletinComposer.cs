using Herald.Domain.Scoring;
using Herald.Web.Features.Reports;

namespace Herald.Web.Features.Bulletins.Documents;

/// <summary>通报的文字设置（来自 <see cref="Bulletin"/>，基准测试可直接构造）。</summary>
public sealed record BulletinSettings(
    BulletinKind Kind,
    int Year,
    int Quarter,
    int Version,
    string Title,
    long RootUnitId,
    string IssuingOffice,
    DateOnly IssueDate,
    string? Opening,
    string? Requirements,
    int PraiseUnitCount,
    int PraiseCorrespondentCount)
{
    public static BulletinSettings Of(Bulletin b) => new(b.Kind, b.Year, b.Quarter, b.Version, b.Title, b.RootUnitId, b.IssuingOffice,
        b.IssueDate, b.Opening, b.Requirements, b.PraiseUnitCount, b.PraiseCorrespondentCount);
}

/// <summary>好新闻奖的候选稿件：某稿件单次采用的最高分值及那次采用。</summary>
public sealed record GoodNewsCandidate(long ManuscriptId, long UnitId, string Outlet, DateOnly AdoptedOn, decimal Points);

/// <summary>
/// 由统计结果得出通报内容（纯函数，不查数据库）：排名照抄统计；表扬前 N 名（积分大于 0，名次并列的一并表扬）；
/// 通报批评未完成报送任务或没有稿件被采用的单位；年终考核另评先进单位（全年每月完成报送任务）、优秀信息员、好新闻奖。
/// 统计范围的根单位（发文单位本级）不列入排名，也不参加表扬和批评——除非范围内只有它一个单位（合计仍含本级）。
/// </summary>
public static class BulletinComposer
{
    public static BulletinFigures Compose(BulletinSettings settings, PeriodReport report, IReadOnlyDictionary<long, string> manuscriptTitles,
        IReadOnlyList<RuleVersionNote> rules, DateTime generatedAtUtc, bool draft, DateTime? publishedAtUtc)
    {
        var units = Subjects(report.Units.Select(UnitRow).ToList(), settings.RootUnitId);
        var people = report.Correspondents.Select(PersonRow).ToList();
        var annual = settings.Kind == BulletinKind.Annual;
        var subjects = units;

        var praisedUnits = TopWithTies(subjects.Where(u => u.Points > 0m && (!annual || u.QuotaMet == true)).ToList(),
            settings.PraiseUnitCount, u => u.Rank);
        var praisedPeople = TopWithTies(people.Where(p => p.Points > 0m).ToList(), settings.PraiseCorrespondentCount, p => p.Rank);
        var criticized = subjects.Where(u => u.QuotaMet == false || u.Adopted == 0)
            .Select(u => new BulletinCriticism(u.UnitId, u.UnitName, u.UnitPath, u.QuotaMet == false, u.Missed, u.Adopted == 0))
            .ToList();
        var goodNews = annual ? GoodNews(report, manuscriptTitles, settings.PraiseCorrespondentCount) : [];

        return new BulletinFigures(settings.Kind, settings.Year, settings.Quarter, settings.Version, settings.Title, report.From, report.To,
            settings.RootUnitId, report.RootName, settings.IssuingOffice, settings.IssueDate, settings.Opening, settings.Requirements,
            settings.PraiseUnitCount, settings.PraiseCorrespondentCount, Totals(report.Totals), units, people, praisedUnits, praisedPeople,
            criticized, goodNews, rules, generatedAtUtc, draft, publishedAtUtc);
    }

    /// <summary>
    /// 通报排名的是发文单位下属的各部门、村社区：根单位（发文单位本级）不与自己的下级一起排名（范围内只有它一个单位时除外），
    /// 其余单位重新排出连续的名次（并列同名次）。
    /// </summary>
    private static List<BulletinUnitRow> Subjects(List<BulletinUnitRow> units, long? rootUnitId)
    {
        if (units.Count <= 1) return units;
        var subjects = units.Where(u => u.UnitId != rootUnitId).ToList();
        var ranks = Ranking.Rank(subjects.Select(u => (u.UnitId, u.Points, u.Adopted)));
        return subjects.Select(u => u with { Rank = ranks[u.UnitId] }).OrderBy(u => u.Rank).ToList(); // 稳定排序：并列的保持统计里的先后
    }

    /// <summary>
    /// 好新闻奖候选：每篇稿件取单次采用分值（基础分×头版倍数）最高的一次，分值高者在前，同分按采用日期先后；
    /// 取前 <paramref name="count"/> 篇（与第 N 篇同分同日的一并列入）。
    /// </summary>
    public static IReadOnlyList<GoodNewsCandidate> GoodNewsCandidates(ScoreResult score, int count)
    {
        var best = score.Lines
            .Where(l => l.Kind == ScoreLineKind.Adoption && l.ManuscriptId is not null && l.BasePoints * l.Multiplier > 0m)
            .GroupBy(l => l.ManuscriptId!.Value)
            .Select(g => g.OrderByDescending(l => l.BasePoints * l.Multiplier).ThenBy(l => l.Date).ThenBy(l => l.AdoptionId).First())
            .Select(l => new GoodNewsCandidate(l.ManuscriptId!.Value, l.UnitId, l.Source ?? "", l.Date, l.BasePoints * l.Multiplier))
            .OrderByDescending(c => c.Points).ThenBy(c => c.AdoptedOn).ThenBy(c => c.ManuscriptId)
            .ToList();
        return TopWithTies(best, count, c => (c.Points, c.AdoptedOn));
    }

    /// <summary>计分用到的规则版本；没有任何计分明细时列出时期末有效的版本。</summary>
    public static IReadOnlyList<RuleVersionNote> DescribeRules(ScoreResult score, RuleBook book, DateOnly to)
    {
        var used = score.Lines.Select(l => l.RuleSetId).ToHashSet();
        if (used.Count == 0) used.Add(book.RuleFor(to).Id);
        return book.Versions.Where(v => used.Contains(v.Id))
            .Select(v => new RuleVersionNote(v.Id, v.EffectiveFrom, BulletinWording.RuleSummary(v)))
            .ToList();
    }

    private static List<GoodNewsItem> GoodNews(PeriodReport report, IReadOnlyDictionary<long, string> titles, int count)
    {
        var unitNames = report.Units.ToDictionary(u => u.UnitId, u => u.UnitName);
        var rank = 0;
        GoodNewsCandidate? previous = null;
        var items = new List<GoodNewsItem>();
        foreach (var (c, i) in GoodNewsCandidates(report.Score, count).Select((c, i) => (c, i)))
        {
            if (previous is null || previous.Points != c.Points) rank = i + 1;
            previous = c;
            items.Add(new GoodNewsItem(rank, c.ManuscriptId, titles.GetValueOrDefault(c.ManuscriptId) ?? "", c.UnitId,
                unitNames.GetValueOrDefault(c.UnitId) ?? "", c.Outlet, c.AdoptedOn, c.Points));
        }
        return items;
    }

    /// <summary>按已排好的顺序取前 n 个，与第 n 个"并列"（key 相同）的一并取。</summary>
    public static List<T> TopWithTies<T, TKey>(IReadOnlyList<T> ordered, int n, Func<T, TKey> key)
    {
        var result = new List<T>();
        if (n <= 0) return result;
        var comparer = EqualityComparer<TKey>.Default;
        foreach (var item in ordered)
        {
            if (result.Count >= n && !comparer.Equals(key(item), key(result[^1]))) break;
            result.Add(item);
        }
        return result;
    }

    private static BulletinTotals Totals(ReportTotals t) => new(t.Units, t.Submitted, t.Approved, t.Published, t.Adopted,
        t.AdoptedCentral, t.AdoptedProvincial, t.AdoptedMunicipal, t.AdoptedCounty, t.AdoptedInternal, t.Instructions,
        t.AdoptionRate, t.Points, t.Missed, t.UnitsBelowQuota, t.UnitsWithoutAdoption);

    private static BulletinUnitRow UnitRow(UnitReportRow r) => new(r.Rank, r.UnitId, r.UnitName, r.UnitPath, r.Submitted, r.Approved,
        r.Published, r.Adopted, r.AdoptedCentral, r.AdoptedProvincial, r.AdoptedMunicipal, r.AdoptedCounty, r.AdoptedInternal,
        r.Instructions, r.AdoptionRate, r.Points, r.QuotaMet, r.Missed, r.Late);

    private static BulletinPersonRow PersonRow(CorrespondentReportRow r) => new(r.Rank, r.UserId, r.DisplayName, r.UnitId, r.UnitName,
        r.Submitted, r.Approved, r.Adopted, r.AdoptionRate, r.Points, r.Late);
}
