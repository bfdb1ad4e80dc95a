using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Bulletins;

/// <summary>第 3 季度场景（数字手算，见 <see cref="QuarterScenario"/>）生成的 Word 和 Excel：草稿与发布后的都通过校验，内容与手算一致。</summary>
public sealed class BulletinDocumentTests(QuarterScenarioFactory factory) : IClassFixture<QuarterScenarioFactory>
{
    private const string Title = "关于2026年第3季度宣传信息工作情况的通报";

    /// <summary>第 3 季度的草稿：已有（同一时期只能有一份草稿）就用它，没有就新建。</summary>
    private async Task<(HttpClient Office, long Id)> NewDraftAsync()
    {
        var scenario = await factory.ScenarioAsync();
        var office = await factory.ApiClientAsync("office");
        var list = await office.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/v1/bulletins?year=2026");
        var draft = list!.FirstOrDefault(b => b.Str("status") == "draft" && b.Int("quarter") == 3 && b.Long("rootUnitId") == scenario.StreetId);
        if (draft.ValueKind != System.Text.Json.JsonValueKind.Undefined) return (office, draft.Long("id"));
        var json = await BulletinApi.CreateOkAsync(office, new { year = 2026, quarter = 3, rootUnitId = scenario.StreetId });
        return (office, json.Long("id"));
    }

    [Fact]
    public async Task Figures_QuarterScenario_MatchHandComputedNumbers()
    {
        var (office, id) = await NewDraftAsync();

        var json = await BulletinApi.GetOkAsync(office, id);

        json.Str("status").ShouldBe("draft");
        var totals = json.GetProperty("figures").GetProperty("totals");
        totals.Int("units").ShouldBe(10);
        totals.Int("submitted").ShouldBe(7);
        totals.Int("approved").ShouldBe(4);
        totals.Int("adopted").ShouldBe(3);
        totals.Int("central").ShouldBe(1);
        totals.Int("provincial").ShouldBe(1);
        totals.Int("municipal").ShouldBe(1);
        totals.Int("county").ShouldBe(1);
        totals.GetProperty("points").GetDecimal().ShouldBe(16m);
        totals.Int("unitsBelowQuota").ShouldBe(1);
        var party = BulletinApi.UnitRow(json, QuarterScenario.PartyOffice);
        party.Int("rank").ShouldBe(1);
        party.GetProperty("points").GetDecimal().ShouldBe(20m);
        party.Bool("quotaMet").ShouldBeTrue();
        var xingfu = BulletinApi.UnitRow(json, QuarterScenario.Xingfu);
        xingfu.Int("rank").ShouldBe(9); // 十个单位，街道本级不与下属单位一起排名
        xingfu.GetProperty("points").GetDecimal().ShouldBe(-4m);
        xingfu.Int("missed").ShouldBe(5);
        json.GetProperty("figures").GetProperty("praisedUnits").EnumerateArray().Select(u => u.Str("unitName"))
            .ShouldBe([QuarterScenario.PartyOffice]);
        json.GetProperty("figures").GetProperty("praisedCorrespondents").EnumerateArray().Select(p => p.Str("name"))
            .ShouldBe(["李文静", "王海涛"]);
        json.GetProperty("figures").GetProperty("criticized").EnumerateArray().Select(c => c.Str("unitName")).Order()
            .ShouldBe(QuarterScenario.UnitsWithoutAdoption.Append(QuarterScenario.Xingfu).Order());
    }

    [Fact]
    public async Task DraftDocx_QuarterScenario_ValidTitleTotalsNamesAndDraftHeader()
    {
        var (office, id) = await NewDraftAsync();

        var response = await office.GetAsync($"/api/v1/bulletins/{id}/document.docx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var docx = await response.Content.ReadAsByteArrayAsync();

        BulletinFiles.ShouldBeValidDocx(docx);
        var paragraphs = BulletinFiles.Paragraphs(docx);
        paragraphs[0].ShouldBe("示例街道宣传办公室");
        paragraphs[1].ShouldBe(Title);
        paragraphs.ShouldContain(QuarterScenario.TotalsParagraph);
        paragraphs.ShouldContain("示例街道党政办公室（积分20分，采用2篇）。");
        paragraphs.ShouldContain("李文静（示例街道党政办公室，积分20分）、王海涛（幸福社区，积分1分）。");
        // 批评名单按名次排列，名次最后的幸福社区在末尾。
        var criticism = paragraphs.Single(p => p.Contains("幸福社区（", StringComparison.Ordinal) && !p.StartsWith("李文静", StringComparison.Ordinal));
        criticism.ShouldEndWith("、幸福社区（未完成报送任务，少报5篇）。");
        foreach (var unit in QuarterScenario.UnitsWithoutAdoption) criticism.ShouldContain(unit + "（没有稿件被采用）");
        criticism.ShouldNotContain("示例街道（");
        BulletinFiles.HeaderText(docx).ShouldStartWith("草稿");
        // 没有填写工作要求：三条默认要求。
        paragraphs.Count(p => p.StartsWith("（一）提高思想认识", StringComparison.Ordinal) || p.StartsWith("（二）突出工作重点", StringComparison.Ordinal)
                                || p.StartsWith("（三）强化督促检查", StringComparison.Ordinal)).ShouldBe(3);
        paragraphs[^1].ShouldBe("2026年11月20日");
        paragraphs[^2].ShouldBe("示例街道宣传办公室");
    }

    [Fact]
    public async Task DraftDocx_RankingTable_HeaderRepeatedAndRowsInRankOrder()
    {
        var (office, id) = await NewDraftAsync();

        var docx = await BulletinApi.DownloadAsync(office, $"/api/v1/bulletins/{id}/document.docx");

        var rows = BulletinFiles.RankingRows(docx);
        rows[0].ShouldBe(["名次", "单位", "报送", "审定", "采用", "中央", "省级", "市级", "县级", "上稿率", "积分", "任务完成"]);
        rows.Count.ShouldBe(10); // 表头 + 街道下属的九个单位（本级不列入排名）
        rows[1].ShouldBe(["1", "示例街道党政办公室", "6", "3", "2", "1", "1", "1", "0", "33.3%", "20", "完成"]);
        rows.ShouldNotContain(r => r[1] == "示例街道");
        rows[^1].ShouldBe(["9", "幸福社区", "1", "1", "1", "0", "0", "0", "1", "100%", "-4", "未完成"]);
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var table = document.MainDocumentPart!.Document.Body!.Elements<Table>().First();
        table.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>().ShouldNotBeNull();
    }

    [Fact]
    public async Task DraftDocx_Styles_GovernmentDocumentFontsDeclared()
    {
        var (office, id) = await NewDraftAsync();

        var docx = await BulletinApi.DownloadAsync(office, $"/api/v1/bulletins/{id}/document.docx");

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = document.MainDocumentPart!;
        var styles = main.StyleDefinitionsPart!.Styles!;
        var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        defaults.RunFonts!.EastAsia!.Value.ShouldBe("仿宋_GB2312");
        defaults.FontSize!.Val!.Value.ShouldBe("32");
        defaults.Languages!.EastAsia!.Value.ShouldBe("zh-CN");
        Style StyleOf(string id) => styles.Elements<Style>().Single(s => s.StyleId == id);
        StyleOf("Title").StyleRunProperties!.RunFonts!.EastAsia!.Value.ShouldBe("方正小标宋简体");
        StyleOf("Heading1").StyleRunProperties!.RunFonts!.EastAsia!.Value.ShouldBe("黑体");
        StyleOf("Heading2").StyleRunProperties!.RunFonts!.EastAsia!.Value.ShouldBe("楷体_GB2312");
        StyleOf("IssuerMark").StyleRunProperties!.Color!.Val!.Value.ShouldBe("FF0000");
        StyleOf("IssuerMark").StyleParagraphProperties!.ParagraphBorders!.BottomBorder!.Color!.Value.ShouldBe("FF0000");
        StyleOf("Normal").StyleParagraphProperties!.Indentation!.FirstLine!.Value.ShouldBe("640");
        var fonts = main.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!, f => f.AltName?.Val?.Value);
        fonts["方正小标宋简体"].ShouldBe("宋体");
        fonts["仿宋_GB2312"].ShouldBe("仿宋");
        var footer = BulletinFiles.FooterXml(docx);
        footer.ShouldContain("— ");
        footer.ShouldContain("PAGE");
        footer.ShouldContain(" —");
        var headings = main.Document.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        headings.ShouldBe(["一、总体情况", "二、排名情况", "三、通报表扬", "四、通报批评", "五、下一步工作要求"]);
    }

    [Fact]
    public async Task DraftXlsx_QuarterScenario_ValidSheetsAndNumbers()
    {
        var (office, id) = await NewDraftAsync();

        var response = await office.GetAsync($"/api/v1/bulletins/{id}/workbook.xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var xlsx = await response.Content.ReadAsByteArrayAsync();

        BulletinFiles.ShouldBeValidXlsx(xlsx);
        BulletinFiles.Sheets(xlsx).Select(s => s.Name).ShouldBe(["单位排名", "信息员排名", "表扬", "通报批评", "说明"]);
        var units = BulletinFiles.Sheet(xlsx, "单位排名");
        units.Rows[1].Get(1).ShouldBe("名次");
        var party = BulletinFiles.RowWhere(units, 2, QuarterScenario.PartyOffice);
        party.Get(1).ShouldBe("1");
        party.Get(4).ShouldBe("6");
        party.Get(7).ShouldBe("2");
        party.Get(15).ShouldBe("20");
        decimal.Parse(party.Get(14), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(0.3333m);
        var people = BulletinFiles.Sheet(xlsx, "信息员排名");
        BulletinFiles.RowWhere(people, 2, "王海涛").Get(8).ShouldBe("1");
        BulletinFiles.Sheet(xlsx, "表扬").Rows.Skip(2).Select(r => r.Get(3)).ShouldBe([QuarterScenario.PartyOffice, "李文静", "王海涛"]);
        BulletinFiles.RowWhere(BulletinFiles.Sheet(xlsx, "通报批评"), 1, QuarterScenario.Xingfu).Get(6).ShouldBe("未完成报送任务，少报5篇");
        var notes = BulletinFiles.Sheet(xlsx, "说明");
        BulletinFiles.RowWhere(notes, 1, "状态").Get(2).ShouldStartWith("草稿");
        BulletinFiles.RowWhere(notes, 1, "统计时期").Get(2).ShouldBe("2026年7月1日至2026年9月30日");
        BulletinFiles.RowWhere(notes, 1, "计分规则").Get(2).ShouldContain("中央10分、省级5分、市级3分、县级1分（报纸）");
        BulletinFiles.RowWhere(notes, 1, "发布时间").Get(2).ShouldBe("未发布");
    }

    [Fact]
    public async Task Published_Downloads_ValidStoredBytesWithStandardFileNames()
    {
        var (office, id) = await NewDraftAsync();
        var published = await BulletinApi.PublishOkAsync(office, id);

        var docResponse = await office.GetAsync($"/api/v1/bulletins/{id}/document.docx");
        var xlsxResponse = await office.GetAsync($"/api/v1/bulletins/{id}/workbook.xlsx");

        var docx = await docResponse.Content.ReadAsByteArrayAsync();
        var xlsx = await xlsxResponse.Content.ReadAsByteArrayAsync();
        BulletinFiles.ShouldBeValidDocx(docx);
        BulletinFiles.ShouldBeValidXlsx(xlsx);
        BulletinFiles.Sha256(docx).ShouldBe(published.Str("documentHash"));
        BulletinFiles.Sha256(xlsx).ShouldBe(published.Str("workbookHash"));
        BulletinFiles.HeaderText(docx).ShouldBeEmpty();
        BulletinFiles.Paragraphs(docx).ShouldContain(QuarterScenario.TotalsParagraph);
        var version = published.Int("version");
        var suffix = version > 1 ? $"（第{version}版）" : "";
        docResponse.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe(Title + suffix + ".docx");
        xlsxResponse.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe(Title + suffix + ".xlsx");
        docResponse.Content.Headers.ToString().ShouldContain("filename*=UTF-8''");
        var notes = BulletinFiles.Sheet(xlsx, "说明");
        BulletinFiles.RowWhere(notes, 1, "状态").Get(2).ShouldBe($"已发布（第{version}版）");
        BulletinFiles.RowWhere(notes, 1, "发布时间").Get(2).ShouldBe("2026年11月20日 10:00");
    }
}
