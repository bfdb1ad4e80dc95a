using Herald.Domain.Common;
using Herald.Domain.Opinion.Cases;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionCases;

public sealed record NamedUnitCount(long UnitId, string Unit, int Cases, int Closed, int LateDeadlines, int Interviews);

public sealed record NamedLateUnit(long UnitId, string Unit, int LateDeadlines, int Cases, int Interviews);

/// <summary>统计表与报告中的一行舆情。</summary>
public sealed record StatsCaseRow(long Id, string Title, string Category, OpinionSeverity Severity, OpinionCaseStatus Status, string? Unit,
    DateTime OpenedAt, DateTime? FirstResponseAt, DateTime? ClosedAt, int LateDeadlines, bool FromSuperior, string? CloseSummary, string? Lessons);

public sealed record InterviewRow(long CaseId, string CaseTitle, string Unit, string Interviewee, DateTime InterviewedAt, string Interviewer, string Outcome);

public sealed record CaseStatsView(
    DateOnly From, DateOnly To, string ScopeName, int Cases, int Closed, double? MedianFirstResponseMinutes,
    IReadOnlyList<SeverityCount> BySeverity, IReadOnlyList<NamedUnitCount> ByUnit, IReadOnlyList<OnTimeRate> OnTime,
    IReadOnlyList<NamedLateUnit> LateUnits, IReadOnlyList<StatsCaseRow> Rows, IReadOnlyList<InterviewRow> Interviews);

/// <summary>
/// 舆情统计：时期内（北京时间，含首尾）立案、调用者可见的舆情。按等级、按责任单位，首次响应用时中位数，
/// 每条时限规则的按时率，超时单位；页面、Excel 与周报月报共用。
/// </summary>
public sealed class CaseStats(HeraldDbContext db, CurrentUser current, Clock clock)
{
    /// <summary>period=week|month 与 date 给出所在的周（周一至周日）或月；否则 from/to；都没有为本月。</summary>
    /// <summary>周报、月报：date 缺省时为上一个已结束的周或月（本周、本月还没过完）。</summary>
    public static ReportPeriod ReportPeriodOf(string period, string? date, DateOnly today)
    {
        if (!string.IsNullOrWhiteSpace(date)) return PeriodOf(period, date, null, null, today);
        var last = period == "week" ? ReportingCalendar.LastFinishedWeek(today) : ReportingCalendar.LastFinishedMonth(today);
        return new ReportPeriod(last.From, last.To);
    }

    public static ReportPeriod PeriodOf(string? period, string? date, string? from, string? to, DateOnly today)
    {
        var day = string.IsNullOrWhiteSpace(date) ? today : Wire.RequiredDate(date, "date");
        switch (period?.Trim().ToLowerInvariant())
        {
            case "week":
                var week = ReportingCalendar.WeekOf(day);
                return new ReportPeriod(week.From, week.To);
            case "month":
                return ReportPeriod.Month(day.Year, day.Month);
            case null or "":
                return string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to) ? ReportPeriod.Month(day.Year, day.Month)
                    : ReportPeriod.Parse(from, to, today);
            default:
                throw AppException.Invalid("period", "Publishing.UnknownCode", period, "week|month");
        }
    }

    public async Task<CaseStatsView> HandleAsync(ReportPeriod period, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var scope = CaseScope.Of(me);
        me.Require(scope.SeesAnything);
        var start = ChinaTime.StartOfDayUtc(period.From);
        var end = ChinaTime.StartOfDayUtc(period.To.AddDays(1));
        var now = clock.UtcNow;
        var cases = await db.OpinionCases.AsNoTracking().Where(scope.Filter())
            .Where(c => c.OpenedAt >= start && c.OpenedAt < end)
            .Include(c => c.Deadlines).Include(c => c.Interviews)
            .AsSplitQuery().OrderBy(c => c.OpenedAt).ThenBy(c => c.Id).ToListAsync(ct);
        var result = CaseStatistics.Compute(cases, now);
        string Unit(long id) => me.Tree.PathName(id);
        var rows = cases.Select(c => new StatsCaseRow(c.Id, c.Title, c.Category, c.Severity, c.Status, c.UnitId is { } u ? Unit(u) : null,
            c.OpenedAt, c.FirstResponseAt, c.ClosedAt, c.Clocks(now).Count(x => x.Reading.Decided && !x.Reading.OnTime), c.FromSuperior,
            c.CloseSummary, c.Lessons)).ToList();
        var interviews = cases.SelectMany(c => c.Interviews.Select(i => new InterviewRow(c.Id, c.Title, Unit(i.UnitId), i.Interviewee,
            i.InterviewedAt, i.Interviewer, i.Outcome))).OrderBy(i => i.InterviewedAt).ToList();
        var scopeName = me.Tree.Roots.Count == 1 ? me.Tree.Roots[0].Name
            : scope.OfficeUnits.Count > 0 ? string.Join("、", me.Assignments.Where(a => a.Role == Domain.Organization.Role.Office && a.UnitId is not null)
                .Select(a => me.Tree.Find(a.UnitId!.Value)?.Name).Where(n => n is not null).Distinct()) : "";
        return new CaseStatsView(period.From, period.To, scopeName, result.Cases, result.Closed, result.MedianFirstResponseMinutes,
            result.BySeverity,
            result.ByUnit.Select(u => new NamedUnitCount(u.UnitId, Unit(u.UnitId), u.Cases, u.Closed, u.LateDeadlines, u.Interviews)).ToList(),
            result.OnTime,
            result.LateUnits.Select(u => new NamedLateUnit(u.UnitId, Unit(u.UnitId), u.LateDeadlines, u.Cases, u.Interviews)).ToList(),
            rows, interviews);
    }
}
