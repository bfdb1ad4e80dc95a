using Herald.Domain.Organization;
using Herald.Domain.Publishing;
using Herald.Domain.Scoring;
using System.Net.Http.Json;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Bulletins;

/// <summary>
/// 年终考核（2025 年，示例街道）。规则：自 2025 年起每月任务 1 篇、少 1 篇扣 1 分；党政办、幸福社区自 2025 年 1 月 1 日有在册信息员。
/// 李文静（党政办）每月 10 日报 1 篇（12 篇，月月完成）；王海涛（幸福社区）1–11 月各 1 篇（12 月少 1 篇）。
/// 采用：党政办 1 月稿（人民日报，10 分）；幸福社区 2 月稿（大众日报头版，5×2 = 10 分）、3 月稿（济宁日报，3 分）。
/// 手算：幸福社区 10 + 3 − 1 = 12 分第 1 名，党政办 10 分第 2 名；先进单位只有党政办（幸福社区 12 月未完成任务）；
/// 优秀信息员王海涛 13 分、李文静 10 分；好新闻奖（名额 2）：党政办 1 月稿与幸福社区 2 月稿（均 10 分，按日期先后），济宁日报那篇（3 分）落选。
/// </summary>
public sealed class BulletinAnnualTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private const string PartyJanuary = "党政办一月稿：新春走访慰问";
    private const string XingfuFebruary = "幸福社区二月稿：元宵灯会";
    private const string XingfuMarch = "幸福社区三月稿：学雷锋志愿服务";

    private async Task BuildYearAsync()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var bonus = Enum.GetValues<MediaLevel>().ToDictionary(l => l, _ => 0m);
        var party = await factory.UnitIdAsync("示例街道党政办公室");
        var xingfu = await factory.UnitIdAsync("幸福社区");
        await factory.QueryAsync(async db =>
        {
            db.ScoringRuleSets.Add(ScoringRuleSet.Create(new DateOnly(2025, 1, 1), ScoringRuleSet.DefaultPoints(), 2m, bonus,
                MultiAdoptionMode.HighestOnly, null, CapPeriod.Month, 1, 1m, 0m, "测试：每月 1 篇", null, now));
            db.Correspondents.Add(CorrespondentRecord.Register(party, null, "党政办备案", "13800000001", null, null, new DateOnly(2025, 1, 1), now));
            db.Correspondents.Add(CorrespondentRecord.Register(xingfu, null, "幸福社区备案", "13800000002", null, null, new DateOnly(2025, 1, 1), now));
            return await db.SaveChangesAsync();
        });

        factory.Clock.SetChina(2025, 12, 10, 9);
        var officer = await factory.ApiClientAsync("officer");
        var officer2 = await factory.ApiClientAsync("officer2");
        var head = await factory.ApiClientAsync("head");
        var head2 = await factory.ApiClientAsync("head2");
        try
        {
            long partyJanuary = 0, xingfuFebruary = 0, xingfuMarch = 0;
            for (var month = 1; month <= 12; month++)
            {
                factory.Clock.SetChina(2025, month, 10, 9);
                var date = $"2025-{month:00}-10";
                if (month == 1) partyJanuary = await QuarterScenario.SubmitApprovedAsync(officer, head, PartyJanuary, date);
                else await QuarterScenario.SubmitAsync(officer, $"党政办{month}月稿", date);
                if (month == 2) xingfuFebruary = await QuarterScenario.SubmitApprovedAsync(officer2, head2, XingfuFebruary, date);
                else if (month == 3) xingfuMarch = await QuarterScenario.SubmitApprovedAsync(officer2, head2, XingfuMarch, date);
                else if (month <= 11) await QuarterScenario.SubmitAsync(officer2, $"幸福社区{month}月稿", date);
            }
            await QuarterScenario.AdoptAsync(factory, partyJanuary, "人民日报", new DateOnly(2025, 1, 20));
            await QuarterScenario.AdoptAsync(factory, xingfuFebruary, "大众日报", new DateOnly(2025, 2, 20), frontPage: true);
            await QuarterScenario.AdoptAsync(factory, xingfuMarch, "济宁日报", new DateOnly(2025, 3, 20));
        }
        finally
        {
            factory.Clock.SetChina(2026, 11, 20, 10);
        }
    }

    [Fact]
    public async Task AnnualAssessment_YearScenario_AwardsRankingAndValidFiles()
    {
        await BuildYearAsync();
        var office = await factory.ApiClientAsync("office");
        var street = await factory.UnitIdAsync("示例街道");
        var created = await BulletinApi.CreateOkAsync(office, new { year = 2025, kind = "annual", rootUnitId = street });
        var id = created.Long("id");
        var edit = await office.PutAsJsonAsync($"/api/v1/bulletins/{id}", new
        {
            issuingOffice = "示例街道宣传办公室", issueDate = "2026-01-15", praiseUnitCount = 3, praiseCorrespondentCount = 2,
            revision = created.Int("revision"),
        });
        edit.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

        var draft = await BulletinApi.GetOkAsync(office, id);
        var totals = draft.GetProperty("figures").GetProperty("totals");
        totals.Int("submitted").ShouldBe(23);
        totals.Int("approved").ShouldBe(3);
        totals.Int("adopted").ShouldBe(3);
        totals.GetProperty("points").GetDecimal().ShouldBe(22m);
        BulletinApi.UnitRow(draft, "幸福社区").Int("rank").ShouldBe(1);
        BulletinApi.UnitRow(draft, "幸福社区").GetProperty("points").GetDecimal().ShouldBe(12m);
        BulletinApi.UnitRow(draft, "示例街道党政办公室").Int("rank").ShouldBe(2);
        var figures = draft.GetProperty("figures");
        figures.GetProperty("praisedUnits").EnumerateArray().Select(u => u.Str("unitName")).ShouldBe(["示例街道党政办公室"]);
        figures.GetProperty("praisedCorrespondents").EnumerateArray().Select(p => p.Str("name")).ShouldBe(["王海涛", "李文静"]);
        figures.GetProperty("goodNews").EnumerateArray().Select(g => g.Str("title")).ShouldBe([PartyJanuary, XingfuFebruary]);

        var draftDoc = await BulletinApi.DownloadAsync(office, $"/api/v1/bulletins/{id}/document.docx");
        var draftXlsx = await BulletinApi.DownloadAsync(office, $"/api/v1/bulletins/{id}/workbook.xlsx");
        BulletinFiles.ShouldBeValidDocx(draftDoc);
        BulletinFiles.ShouldBeValidXlsx(draftXlsx);
        BulletinFiles.HeaderText(draftDoc).ShouldStartWith("草稿");

        await BulletinApi.PublishOkAsync(office, id);
        var docx = await BulletinApi.DownloadAsync(office, $"/api/v1/bulletins/{id}/document.docx");
        var xlsx = await BulletinApi.DownloadAsync(office, $"/api/v1/bulletins/{id}/workbook.xlsx");
        BulletinFiles.ShouldBeValidDocx(docx);
        BulletinFiles.ShouldBeValidXlsx(xlsx);
        var paragraphs = BulletinFiles.Paragraphs(docx);
        paragraphs[1].ShouldBe("关于2025年度宣传信息工作考核情况的通报");
        paragraphs.ShouldContain("（一）先进单位");
        paragraphs.ShouldContain("示例街道党政办公室（积分10分，采用1篇）。");
        paragraphs.ShouldContain("王海涛（幸福社区，积分13分）、李文静（示例街道党政办公室，积分10分）。");
        paragraphs.ShouldContain("（三）好新闻奖");
        paragraphs.ShouldContain(PartyJanuary);
        paragraphs.ShouldContain(XingfuFebruary);
        paragraphs.ShouldNotContain(XingfuMarch);
        paragraphs.ShouldContain("人民日报");
        paragraphs.ShouldContain("2025年2月20日");
        paragraphs.ShouldContain(p => p.Contains("幸福社区（未完成报送任务，少报1篇）", StringComparison.Ordinal));
        paragraphs[^1].ShouldBe("2026年1月15日");
        BulletinFiles.Sheets(xlsx).Select(s => s.Name).ShouldBe(["单位排名", "信息员排名", "先进单位", "优秀信息员", "好新闻奖", "通报批评", "说明"]);
        var goodNews = BulletinFiles.Sheet(xlsx, "好新闻奖");
        goodNews.Rows.Skip(2).Select(r => (r.Get(1), r.Get(2), r.Get(3), r.Get(4), r.Get(6))).ShouldBe([
            ("1", PartyJanuary, "示例街道党政办公室", "人民日报", "10"),
            ("1", XingfuFebruary, "幸福社区", "大众日报", "10"),
        ]);
        BulletinFiles.RowWhere(BulletinFiles.Sheet(xlsx, "说明"), 1, "计分规则").Get(2).ShouldContain("每月报送任务1篇");
    }
}
