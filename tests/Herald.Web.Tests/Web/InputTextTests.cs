using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Herald.Web.Infrastructure.Web;
using Herald.Web.Tests.Documents;
using Herald.Web.Tests.OpinionCases;
using Herald.Web.Tests.Support;
using static Herald.Web.Tests.Publishing.PublishingApi;

namespace Herald.Web.Tests.Web;

/// <summary>
/// 输入文字在入口统一检查：C0 控制字符（制表符、换行除外）和双向覆盖符在 JSON 和表单里一律 400 并指出字段，
/// 什么都不存；下载文件名里去掉它们；统计导出照常打开。
/// </summary>
public sealed class InputTextTests(CaseFactory factory) : IClassFixture<CaseFactory>
{
    [Theory]
    [InlineData("版面\u0000停水", "版面停水")]
    [InlineData("网传\u202E小区停水\u202C", "网传小区停水")]
    [InlineData("第一行\n第二行\t完", "第一行\n第二行\t完")]
    public void Clean_UnsafeCharactersInFileNames_RemovedTabAndNewlineKept(string input, string expected) =>
        InputText.Clean(input).ShouldBe(expected);

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u202E")]
    public async Task OpenCase_TitleWithUnsafeCharacterViaApi_400NamesTitle(string unsafeChar)
    {
        var office = await factory.ApiClientAsync("office");
        var item = await factory.ItemAsync("停水" + Guid.NewGuid().ToString("N")[..6]);

        var opened = await CaseSetup.OpenAsync(office, [item], title: $"网传小区{unsafeChar}停水三天");

        (await opened.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Text.ControlCharacters", "不能包含换行、制表符等控制字符。"))
            .FieldErrors("title").ShouldNotBeEmpty();
        (await CaseSetup.OpenAsync(office, [item], title: "网传小区停水三天")).Status.ShouldBe(HttpStatusCode.Created);
        await StatsWorkbookOpensAsync(office);
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u202E")]
    public async Task OpenCase_TitleWithUnsafeCharacterViaForm_400PageNothingStored(string unsafeChar)
    {
        var item = await factory.ItemAsync("停水" + Guid.NewGuid().ToString("N")[..6]);
        using var office = await factory.SignInAsync("office");

        var opened = await office.PostFormAsync($"/opinion/cases/new?items={item}", "/opinion/cases/new", new()
        {
            ["itemIds"] = item.ToString(CultureInfo.InvariantCulture), ["title"] = $"表单{unsafeChar}立案的舆情", ["summary"] = "摘要",
            ["category"] = "公共服务", ["severity"] = "general", ["sentiment"] = "negative",
        });

        // U+202E is named; with U+0000 the antiforgery check already refuses the form (400, form expired).
        opened.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        if (unsafeChar != "\u0000") (await opened.Content.ReadAsStringAsync()).ShouldContain("不能包含换行、制表符等控制字符。");
        var cases = await CaseSetup.GetAsync(await factory.ApiClientAsync("office"), "/api/v1/opinion/cases?pageSize=100");
        cases.Json.GetProperty("items").EnumerateArray().Select(c => c.Str("title")).ShouldNotContain(t => t.StartsWith("表单", StringComparison.Ordinal));
        await StatsWorkbookOpensAsync(await factory.ApiClientAsync("office"));
    }

    [Fact]
    public async Task ProofDownload_FileNameWithBidiOverride_ContentDispositionWithout()
    {
        var id = await factory.ApprovedAsync();
        var claim = await ClaimWithProofAsync(await factory.ApiClientAsync("officer"), id, await factory.OutletIdAsync(ProvincialPaper),
            TestImages.Png(4, 4), "版面\u202Egnp.exe");
        claim.Status.ShouldBe(HttpStatusCode.Created, $"body: {claim.Json}");

        var response = await (await factory.ApiClientAsync("officer")).GetAsync($"/api/v1/adoptions/{claim.Id}/proof");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.FileNameStar.ShouldBe("版面gnp.exe");
        disposition.ToString().ShouldNotContain("%E2%80%AE");
        disposition.ToString().ShouldNotContain("\u202E");
    }

    private static async Task StatsWorkbookOpensAsync(HttpClient office)
    {
        var response = await office.GetAsync("/api/v1/opinion/stats.xlsx?from=2026-11-01&to=2026-11-30");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        new OpenXmlValidator().Validate(document).Select(e => e.Description).ShouldBeEmpty();
    }
}
