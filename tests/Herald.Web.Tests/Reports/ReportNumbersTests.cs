using System.Net;
using System.Text.Json;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Reports;

/// <summary>报表数字与手算一致（场景见 <see cref="ReportScenario"/>）。</summary>
[Collection(ReportScenarioCollection.Name)]
public sealed class ReportNumbersTests(ReportScenario scenario)
{
    private async Task<JsonElement> GetOkAsync(string user, string url)
    {
        var client = await scenario.ApiClientAsync(user);
        var response = await client.GetAsync(url);
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"body: {json}");
        return json;
    }

    private static JsonElement Row(JsonElement report, string idName, long id) =>
        report.Items("rows").Single(r => r.Long(idName) == id);

    [Fact]
    public async Task UnitsApi_PartyOffice_HandComputed()
    {
        var report = await GetOkAsync("office", "/api/v1/reports/units?" + ReportScenario.Period);
        var p = Row(report, "unitId", scenario.PartyOffice);

        // 投稿：M1（7/3）、M2（7/20）、M3（8/12）= 3；M0 在6月不算。审定同为 3。迟报 M3 = 1。
        (p.Int("submitted"), p.Int("approved"), p.Int("published"), p.Int("late")).ShouldBe((3, 3, 0, 1));
        // 用稿篇数：M1（7/10、8/5）、M0（8/25）= 2；M2 的待核实与不予认定不算。各级别次数：中央 1（M0）、省 1（M1 8/5）、县 1（M1 7/10）。
        p.Int("adopted").ShouldBe(2);
        (p.Int("adoptedCentral"), p.Int("adoptedProvincial"), p.Int("adoptedMunicipal"), p.Int("adoptedCounty"), p.Int("adoptedInternal"))
            .ShouldBe((1, 1, 0, 1, 0));
        p.Int("instructions").ShouldBe(1);
        // 上稿率 2 ÷ 3 = 0.6667
        p.GetProperty("adoptionRate").GetDecimal().ShouldBe(0.6667m);
        // 积分：M1 县级 1（版本一）+ M1 省级头版 8×3 − 1 = 23（版本二）+ M0 中央 10 − 此前省级 5 = 5 + M3 中央批示 20
        //       − M3 迟报 0.5 − 9月漏报 1 篇 × 2 = 46.5。7月任务 2（版本一）报 2 篇、8月任务 1（版本二）报 1 篇，不扣。
        p.GetProperty("points").GetDecimal().ShouldBe(46.5m);
        (p.Int("missed"), p.Bool("quotaMet"), p.Int("rank")).ShouldBe((1, false, 1));
    }

    [Fact]
    public async Task UnitsApi_XingfuAndOthersAndTotals_HandComputed()
    {
        var report = await GetOkAsync("office", "/api/v1/reports/units?" + ReportScenario.Period);
        var x = Row(report, "unitId", scenario.Xingfu);

        // 投稿 M4、M5 = 2，审定 M4 = 1，用稿 M4 市级 = 1，上稿率 0.5；积分 市级 3（版本二仍为 3）。
        // 8月10日起才有在册信息员：8月不考核；9月任务 1 篇，报了 2 篇 → 完成。
        (x.Int("submitted"), x.Int("approved"), x.Int("adopted"), x.Int("adoptedMunicipal")).ShouldBe((2, 1, 1, 1));
        x.GetProperty("adoptionRate").GetDecimal().ShouldBe(0.5m);
        x.GetProperty("points").GetDecimal().ShouldBe(3m);
        (x.Bool("quotaMet"), x.Int("missed"), x.Int("rank")).ShouldBe((true, 0, 2));

        // 其他单位全是 0 分 0 用稿，并列第 3；本期不考核报送任务的 quotaMet 为 null。
        var heping = Row(report, "unitId", await scenario.UnitIdAsync("和平社区"));
        (heping.Int("rank"), heping.IsNull("quotaMet")).ShouldBe((3, true));
        heping.GetProperty("points").GetDecimal().ShouldBe(0m);

        // 合计：投稿 3+2 = 5，用稿 2+1 = 3，积分 46.5+3 = 49.5，未完成任务的单位 1 个。
        var totals = report.GetProperty("totals");
        (totals.Int("submitted"), totals.Int("adopted"), totals.Int("unitsBelowQuota")).ShouldBe((5, 3, 1));
        totals.GetProperty("points").GetDecimal().ShouldBe(49.5m);
        report.Items("rows").Count.ShouldBe(16);
    }

    [Fact]
    public async Task UnitsApi_MonthlyTrend_HandComputed()
    {
        var report = await GetOkAsync("office", "/api/v1/reports/units?" + ReportScenario.Period);
        var months = report.Items("months");

        // 投稿：7月 M1、M2；8月 M3；9月 M4、M5。用稿篇数：7月 M1；8月 M1、M0；9月 M4。
        // 积分：7月 1；8月 23 + 5 + 20 − 0.5 = 47.5；9月 3 − 2 = 1。
        months.Select(m => m.Str("month")).ShouldBe(["2025-07-01", "2025-08-01", "2025-09-01"]);
        months.Select(m => m.Int("submitted")).ShouldBe([2, 1, 2]);
        months.Select(m => m.Int("adopted")).ShouldBe([1, 2, 1]);
        months.Select(m => m.GetProperty("points").GetDecimal()).ShouldBe([1m, 47.5m, 1m]);
    }

    [Fact]
    public async Task UnitPoints_LineItemsByRuleVersion_SumToTheRowPoints()
    {
        var detail = await GetOkAsync("office", $"/api/v1/reports/units/{scenario.PartyOffice}/points?" + ReportScenario.Period);
        var lines = detail.Items("lines");

        lines.Select(l => (l.Str("date"), l.Str("kind"), l.GetProperty("manuscriptId").ValueKind == JsonValueKind.Null ? 0 : l.Long("manuscriptId"),
                l.Str("ruleEffectiveFrom"), l.GetProperty("points").GetDecimal()))
            .ShouldBe(
            [
                ("2025-07-10", "adoption", scenario.M1, "2000-01-01", 1m),
                ("2025-08-05", "adoption", scenario.M1, "2025-08-01", 23m),
                ("2025-08-12", "late", scenario.M3, "2025-08-01", -0.5m),
                ("2025-08-20", "instruction", scenario.M3, "2025-08-01", 20m),
                ("2025-08-25", "adoption", scenario.M0, "2025-08-01", 5m),
                ("2025-09-30", "missed_quota", 0L, "2025-08-01", -2m),
            ]);
        // 8月5日：省级 8 × 头版 3，此前已计 1（县级）。
        var provincial = lines[1];
        (provincial.GetProperty("basePoints").GetDecimal(), provincial.GetProperty("multiplier").GetDecimal(),
            provincial.GetProperty("alreadyCounted").GetDecimal(), provincial.Bool("frontPage"), provincial.Str("source"))
            .ShouldBe((8m, 3m, 1m, true, "大众日报"));
        lines[1].Str("manuscriptTitle").ShouldBe("M1 街道开展夏季消防检查");
        // 9月：任务 1 篇、实报 0 篇、少 1 篇 × 2 分。
        (lines[5].Int("quota"), lines[5].Int("count"), lines[5].Int("missing")).ShouldBe((1, 0, 1));

        var sum = lines.Sum(l => l.GetProperty("points").GetDecimal());
        sum.ShouldBe(46.5m);
        detail.GetProperty("points").GetDecimal().ShouldBe(sum);
        var report = await GetOkAsync("office", "/api/v1/reports/units?" + ReportScenario.Period);
        Row(report, "unitId", scenario.PartyOffice).GetProperty("points").GetDecimal().ShouldBe(sum);
    }

    [Fact]
    public async Task PendingAndRefusedAdoptions_NeverCount()
    {
        var detail = await GetOkAsync("office", $"/api/v1/reports/units/{scenario.PartyOffice}/points?" + ReportScenario.Period);

        var adoptionIds = detail.Items("lines").Where(l => l.GetProperty("adoptionId").ValueKind == JsonValueKind.Number)
            .Select(l => l.Long("adoptionId")).ToList();
        adoptionIds.ShouldNotContain(scenario.PendingAdoption);
        adoptionIds.ShouldNotContain(scenario.RefusedAdoption);
        detail.Items("lines").ShouldNotContain(l => l.GetProperty("manuscriptId").ValueKind == JsonValueKind.Number
                                                     && l.Long("manuscriptId") == scenario.M2);
    }

    [Fact]
    public async Task CorrespondentsApi_HandComputed()
    {
        var report = await GetOkAsync("office", "/api/v1/reports/correspondents?" + ReportScenario.Period);

        // officer：投稿 3、审定 3、用稿 2、批示 1、迟报 1；积分 1 + 23 + 5 + 20 − 0.5 = 48.5（不含单位漏报扣分）。
        var officer = Row(report, "userId", scenario.OfficerId);
        (officer.Int("submitted"), officer.Int("approved"), officer.Int("adopted"), officer.Int("instructions"), officer.Int("late"))
            .ShouldBe((3, 3, 2, 1, 1));
        officer.GetProperty("points").GetDecimal().ShouldBe(48.5m);
        (officer.Long("unitId"), officer.Int("rank")).ShouldBe((scenario.PartyOffice, 1));
        // officer2：投稿 2、审定 1、用稿 1，积分 3。
        var officer2 = Row(report, "userId", scenario.Officer2Id);
        (officer2.Int("submitted"), officer2.Int("approved"), officer2.Int("adopted"), officer2.Int("rank")).ShouldBe((2, 1, 1, 2));
        officer2.GetProperty("points").GetDecimal().ShouldBe(3m);
        report.Items("rows").Count.ShouldBe(2);

        var detail = await GetOkAsync("office", $"/api/v1/reports/correspondents/{scenario.OfficerId}/points?" + ReportScenario.Period);
        detail.Items("lines").Count.ShouldBe(5);
        detail.Items("lines").Sum(l => l.GetProperty("points").GetDecimal()).ShouldBe(48.5m);
        detail.GetProperty("points").GetDecimal().ShouldBe(48.5m);
    }

    [Fact]
    public async Task MonthPeriod_OnlyThatMonth()
    {
        // 8月：P 报送 M3 1 篇；积分 23 + 20 + 5 − 0.5 = 47.5（8月任务 1 篇已完成）。
        var report = await GetOkAsync("office", "/api/v1/reports/units?from=2025-08-01&to=2025-08-31");
        var p = Row(report, "unitId", scenario.PartyOffice);
        (p.Int("submitted"), p.Int("adopted"), p.Bool("quotaMet")).ShouldBe((1, 2, true));
        p.GetProperty("points").GetDecimal().ShouldBe(47.5m);
    }

    [Fact]
    public async Task CurrentQuarter_MonthsNotYetOver_NotCountedAsMissed()
    {
        // 统计时为 2025年10月10日：第4季度还没有过完的月份，党政办本期不考核报送任务（quotaMet 为 null），没有漏报扣分。
        var report = await GetOkAsync("office", "/api/v1/reports/units?from=2025-10-01&to=2025-12-31");
        var p = Row(report, "unitId", scenario.PartyOffice);

        (p.IsNull("quotaMet"), p.Int("missed")).ShouldBe((true, 0));
        p.GetProperty("points").GetDecimal().ShouldBe(0m);
    }

    [Theory]
    [InlineData("from=2025-13-01&to=2025-12-31", "Report.DateFormat", "日期格式应为 yyyy-MM-dd，如 2026-03-05。")]
    [InlineData("from=2025-09-30&to=2025-07-01", "Report.PeriodReversed", "结束日期不能早于开始日期。")]
    [InlineData("from=2020-01-01&to=2025-12-31", "Report.PeriodTooLong", "统计时期最长 3 年。")]
    [InlineData("from=2025-07-01", "Report.DateRequired", "请填写开始和结束日期。")]
    public async Task BadPeriod_400InChinese(string query, string code, string detail)
    {
        var client = await scenario.ApiClientAsync("office");
        await (await client.GetAsync("/api/v1/reports/units?" + query)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, code, detail);
        await (await client.GetAsync($"/api/v1/reports/units/{scenario.PartyOffice}/points?" + query)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, code, detail);
    }
}
