using Herald.Domain.Scoring;
using Herald.Web.Features.Common;

namespace Herald.Web.Features.Reports;

/// <summary>GET /api/v1/reports/units：各单位的数字（rows，按名次），合计（totals），各月趋势（months）。adoptionRate 为 0–1。</summary>
public sealed record UnitReportResponse(
    DateOnly From,
    DateOnly To,
    long? RootUnitId,
    string RootName,
    ReportTotals Totals,
    IReadOnlyList<UnitReportRow> Rows,
    IReadOnlyList<MonthTrend> Months);

/// <summary>GET /api/v1/reports/correspondents：各作者（信息员）的数字，按名次。</summary>
public sealed record CorrespondentReportResponse(
    DateOnly From,
    DateOnly To,
    long? RootUnitId,
    string RootName,
    IReadOnlyList<CorrespondentReportRow> Rows);

/// <summary>
/// 积分明细的一行。kind：adoption（用稿：basePoints × multiplier，"只计最高"时减去 alreadyCounted）、instruction（批示加分）、
/// cap_reduction（超过上限的削减：cap 为上限，basePoints 为本期该周期加分，alreadyCounted 为周期内此前已计）、
/// missed_quota（漏报：quota 篇任务实报 count 篇，少 missing 篇 × basePoints）、late（迟报 −basePoints）。
/// ruleEffectiveFrom 为计分所用规则版本的生效日期。
/// </summary>
public sealed record PointsLine(
    DateOnly Date,
    string Kind,
    long UnitId,
    string UnitName,
    long? AuthorId,
    string? AuthorName,
    long? ManuscriptId,
    string? ManuscriptTitle,
    long? AdoptionId,
    string? Source,
    string? Level,
    bool FrontPage,
    long RuleSetId,
    DateOnly RuleEffectiveFrom,
    decimal BasePoints,
    decimal Multiplier,
    decimal AlreadyCounted,
    decimal Points,
    decimal? Cap,
    string? CapPeriod,
    int Quota,
    int Count,
    int Missing);

/// <summary>某单位（subject = unit）或某作者（subject = correspondent）在时期内的积分与全部明细；points 等于 lines 的合计。</summary>
public sealed record PointsDetail(
    string Subject,
    long Id,
    string Name,
    DateOnly From,
    DateOnly To,
    decimal Points,
    IReadOnlyList<PointsLine> Lines);

public static class ReportCodes
{
    public static string Kind(ScoreLineKind kind) => Wire.Code(kind);

    public static string KindKey(ScoreLineKind kind) => "Reports.LineKind." + kind;
}
