using System.Net;
using Herald.Web.Tests.Support;
using Xunit.Abstractions;
using static Herald.Web.Tests.Opinion.OpinionTestData;

namespace Herald.Web.Tests.Tables;

/// <summary>舆情信息数据表：来源类型筛选、排序（白名单），导出与列表同一范围（本单位的人只导出本单位上报的）。</summary>
public sealed class OpinionItemTableTests(HeraldFactory factory, ITestOutputHelper output) : IClassFixture<HeraldFactory>
{
    /// <summary>宣传办经 API 推送三条（平台微博、论坛、抖音，内容互不相似），返回标记和编号。</summary>
    private async Task<(string Marker, long[] Ids)> ThreeAsync(int stride)
    {
        var office = await factory.ApiClientAsync("office");
        var marker = "舆" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<long>();
        foreach (var (platform, i) in new[] { "微博", "论坛", "抖音" }.Select((p, i) => (p, i)))
        {
            ids.Add((await office.PushOneAsync(Item(marker + Permuted(stride + 2 * i), title: marker + platform, platform: platform))).Long("id"));
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        return (marker, ids.ToArray());
    }

    private static async Task<List<long>> IdsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/opinion/items?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).Items("items").Select(i => i.Long("id")).ToList();
    }

    [Fact]
    public async Task List_SortAndKind_OrderAndFilter()
    {
        var (marker, ids) = await ThreeAsync(3);
        var office = await factory.ApiClientAsync("office");

        (await IdsAsync(office, $"q={marker}")).ShouldBe(ids.Reverse()); // 默认收到时间倒序
        (await IdsAsync(office, $"q={marker}&sort=platform")).ShouldBe([ids[0], ids[2], ids[1]]); // 微 U+5FAE < 抖 U+6296 < 论 U+8BBA
        (await IdsAsync(office, $"q={marker}&sort=receivedAt&dir=asc")).ShouldBe(ids);
        (await IdsAsync(office, $"q={marker}&kind=api")).Count.ShouldBe(3);
        (await IdsAsync(office, $"q={marker}&kind=manual")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("sort=content", "Paging.UnknownSort")]
    [InlineData("kind=rss", "Publishing.UnknownCode")]
    public async Task Export_BadSortOrKind_400(string query, string code)
    {
        var office = await factory.ApiClientAsync("office");

        var response = await office.GetAsync("/api/v1/opinion/items/export.xlsx?" + query);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Export_FilteredSorted_ReadableColumnsChinaTime()
    {
        factory.Clock.SetChina(2026, 11, 20, 22, 15);
        var (marker, ids) = await ThreeAsync(11);

        var sheet = await ExportedSheet.GetAsync(await factory.ApiClientAsync("office"), $"/api/v1/opinion/items/export.xlsx?q={marker}&sort=platform");

        sheet.FileName.ShouldBe("舆情信息-2026年11月20日.xlsx");
        sheet.Column("编号").ShouldBe(new[] { ids[0], ids[2], ids[1] }.Select(i => i.ToString()));
        sheet.Column("平台").ShouldBe(["微博", "抖音", "论坛"]);
        sheet.Column("来源类型").ShouldAllBe(k => k == "厂商推送");
        sheet.Column("收到时间")[0].ShouldBe("2026-11-20 22:15");
        sheet.Column("发布时间")[0].ShouldBe("2026-11-20 09:30");
        sheet.Column("内容摘要")[0].ShouldStartWith(marker);
        await sheet.ShouldOpenInCalcAsync(output);
    }

    [Fact]
    public async Task Export_UnitReporter_OnlyOwnUnitsItems()
    {
        var marker = "报" + Guid.NewGuid().ToString("N")[..8];
        using var officer = await factory.SignInAsync("officer");
        using var officer2 = await factory.SignInAsync("officer2");
        var ours = await ReportAsync(officer, marker + "党政办上报。" + Permuted(17));
        await ReportAsync(officer2, marker + "社区上报。" + Permuted(19));

        var own = await ExportedSheet.GetAsync(officer.Client, $"/opinion/items/export.xlsx?q={marker}");
        var office = await ExportedSheet.GetAsync(await factory.ApiClientAsync("office"), $"/api/v1/opinion/items/export.xlsx?q={marker}");

        own.Column("编号").ShouldBe([ours.ToString()]);
        office.Column("编号").Count.ShouldBe(2);
    }

    private static async Task<long> ReportAsync(WebSession session, string content)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("微博"), "platform" },
            { new StringContent(content), "content" },
            { new StringContent(Guid.NewGuid().ToString("N")), "submissionKey" },
        };
        var response = await session.PostMultipartAsync("/opinion/report", "/opinion/report", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/', '?')[3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
