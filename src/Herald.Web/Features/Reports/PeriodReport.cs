using Herald.Domain.Publishing;
using Herald.Domain.Scoring;

namespace Herald.Web.Features.Reports;

/// <summary>
/// 某时期、某单位子树的统计结果，单位报表、信息员报表、季度通报和年终考核共用。
/// 各单位只统计本单位的稿件（不把下级单位的数字并入上级）。
/// </summary>
public sealed record PeriodReport(
    DateOnly From,
    DateOnly To,
    long? RootUnitId,
    string RootName,
    ReportTotals Totals,
    IReadOnlyList<UnitReportRow> Units,
    IReadOnlyList<CorrespondentReportRow> Correspondents,
    ScoreResult Score,
    IReadOnlyList<MonthTrend>? Trend = null);

/// <summary>时期内每个月（Month 为该月 1 日，首尾两月可能不完整）：报送篇数、有已核实媒体采用的稿件篇数、积分合计（含扣分）。</summary>
public sealed record MonthTrend(DateOnly Month, int Submitted, int Adopted, decimal Points);

/// <summary>
/// 一个单位的数字。Submitted：时期内首次报送的稿件；Approved：时期内审定；Published：时期内首次在本单位平台发布；
/// Adopted：时期内有已核实媒体采用的稿件篇数（一篇被多家采用算一篇）；AdoptedBy*：已核实采用的次数按媒体级别；
/// AdoptionRate = Adopted ÷ Submitted（上稿率，0–1，Submitted 为 0 时为 0）；QuotaMet：需考核报送任务的单位是否完成
/// （不考核的为 null）；Missed：漏报篇数；Rank：按积分（同分比用稿数）的名次。
/// </summary>
public sealed record UnitReportRow(
    long UnitId,
    string UnitName,
    string UnitPath,
    int Submitted,
    int Approved,
    int Published,
    int Adopted,
    int AdoptedCentral,
    int AdoptedProvincial,
    int AdoptedMunicipal,
    int AdoptedCounty,
    int AdoptedInternal,
    int Instructions,
    decimal AdoptionRate,
    decimal Points,
    bool? QuotaMet,
    int Late,
    int Missed,
    int Rank);

/// <summary>
/// 一位作者（信息员）的数字；积分不含单位层面的上限削减和漏报扣分。UnitId 为作者本期稿件最多的单位。
/// Published、AdoptedBy*、Instructions 的含义同 <see cref="UnitReportRow"/>。
/// </summary>
public sealed record CorrespondentReportRow(
    long UserId,
    string DisplayName,
    long UnitId,
    string UnitName,
    int Submitted,
    int Approved,
    int Adopted,
    decimal AdoptionRate,
    decimal Points,
    int Late,
    int Rank,
    int Published = 0,
    int AdoptedCentral = 0,
    int AdoptedProvincial = 0,
    int AdoptedMunicipal = 0,
    int AdoptedCounty = 0,
    int AdoptedInternal = 0,
    int Instructions = 0);

public sealed record ReportTotals(
    int Units,
    int Submitted,
    int Approved,
    int Published,
    int Adopted,
    int AdoptedCentral,
    int AdoptedProvincial,
    int AdoptedMunicipal,
    int AdoptedCounty,
    int AdoptedInternal,
    int Instructions,
    decimal AdoptionRate,
    decimal Points,
    int Late,
    int Missed,
    int UnitsBelowQuota,
    int UnitsWithoutAdoption)
{
    public static int AdoptedAt(UnitReportRow row, MediaLevel level) => level switch
    {
        MediaLevel.Central => row.AdoptedCentral,
        MediaLevel.Provincial => row.AdoptedProvincial,
        MediaLevel.Municipal => row.AdoptedMunicipal,
        MediaLevel.County => row.AdoptedCounty,
        _ => row.AdoptedInternal,
    };

    public static int AdoptedAt(CorrespondentReportRow row, MediaLevel level) => level switch
    {
        MediaLevel.Central => row.AdoptedCentral,
        MediaLevel.Provincial => row.AdoptedProvincial,
        MediaLevel.Municipal => row.AdoptedMunicipal,
        MediaLevel.County => row.AdoptedCounty,
        _ => row.AdoptedInternal,
    };
}
