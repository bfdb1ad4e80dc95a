using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Bulletins;

/// <summary>发布后冻结：之后新增规则版本和新的采用，已发布的通报的下载字节和数字都不变；同一季度的新版本草稿反映新数字。</summary>
public sealed class BulletinFreezeTests(QuarterScenarioFactory factory) : IClassFixture<QuarterScenarioFactory>
{
    [Fact]
    public async Task Published_NewRuleAndAdoptionsLater_FilesAndFiguresUnchangedNewDraftShowsNewNumbers()
    {
        var scenario = await factory.ScenarioAsync();
        var office = await factory.ApiClientAsync("office");
        var viewer = await factory.ApiClientAsync("viewer");
        var id = (await BulletinApi.CreateOkAsync(office, new { year = 2026, quarter = 3, rootUnitId = scenario.StreetId })).Long("id");
        var published = await BulletinApi.PublishOkAsync(office, id);
        var docBefore = await BulletinApi.DownloadAsync(office, $"/api/v1/bulletins/{id}/document.docx");
        var xlsxBefore = await BulletinApi.DownloadAsync(office, $"/api/v1/bulletins/{id}/workbook.xlsx");
        var figuresBefore = published.GetProperty("figures").GetRawText();
        published.GetProperty("figures").GetProperty("totals").GetProperty("points").GetDecimal().ShouldBe(16m);

        // 分值加倍的新规则自 7 月 1 日起生效，C 又被人民日报采用。
        await QuarterScenario.AddDoubledRuleAsync(factory, new DateOnly(2026, 7, 1));
        await QuarterScenario.AdoptAsync(factory, scenario.C, "人民日报", new DateOnly(2026, 8, 20));
        var docAfter = await BulletinApi.DownloadAsync(office, $"/api/v1/bulletins/{id}/document.docx");
        var xlsxAfter = await BulletinApi.DownloadAsync(viewer, $"/api/v1/bulletins/{id}/workbook.xlsx");
        var pageDoc = await BulletinApi.DownloadAsync((await factory.SignInAsync("viewer")).Client, $"/bulletins/{id}/document.docx");
        BulletinFiles.Sha256(docAfter).ShouldBe(BulletinFiles.Sha256(docBefore));
        BulletinFiles.Sha256(xlsxAfter).ShouldBe(BulletinFiles.Sha256(xlsxBefore));
        BulletinFiles.Sha256(pageDoc).ShouldBe(published.Str("documentHash"));
        var again = await BulletinApi.GetOkAsync(viewer, id);
        again.GetProperty("figures").GetRawText().ShouldBe(figuresBefore);

        // 新版本：A 20 + B 10×2 + C 20 = 60（任务完成）；幸福社区 D 2 − 5 = −3；合计 57，采用 4 篇，上稿率 4/7。
        var fresh = await BulletinApi.CreateOkAsync(office, new { year = 2026, quarter = 3, rootUnitId = scenario.StreetId });
        fresh.Int("version").ShouldBe(published.Int("version") + 1);
        var totals = fresh.GetProperty("figures").GetProperty("totals");
        totals.GetProperty("points").GetDecimal().ShouldBe(57m);
        totals.Int("adopted").ShouldBe(4);
        totals.Int("central").ShouldBe(2);
        BulletinApi.UnitRow(fresh, QuarterScenario.PartyOffice).GetProperty("points").GetDecimal().ShouldBe(60m);
        BulletinApi.UnitRow(fresh, QuarterScenario.Xingfu).GetProperty("points").GetDecimal().ShouldBe(-3m);
        var freshDoc = await BulletinApi.DownloadAsync(office, $"/api/v1/bulletins/{fresh.Long("id")}/document.docx");
        BulletinFiles.Text(freshDoc).ShouldContain("上稿率57.1%，共计积分57分。");
        BulletinFiles.Text(docAfter).ShouldContain("上稿率42.9%，共计积分16分。");
    }
}
