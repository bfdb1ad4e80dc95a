using System.Text.RegularExpressions;
using Herald.Browser.Tests.Support;

namespace Herald.Browser.Tests.Flows;

/// <summary>
/// 采编、用稿与考核的闭环（issue 3 的浏览器测试），桌面，演示单位：已审定的稿件（经 API 报送、审核）→ 宣传办在采编池发布到街道门户网站，
/// 作者看到发布结果 → 宣传办登记大众日报头版用稿（附版面截图）→ 作者申报县电视台用稿，显示"待核实" → 宣传办在用稿登记页核实
/// → 本季度统计报表中党政办公室的积分与手算一致，积分明细逐条对得上 → 新建本季度通报草稿，下载 Word、Excel；
/// 季度未结束时发布被拒绝，时钟拨到下一季度后可以发布，数字按发布时的数据冻结。
/// </summary>
public sealed partial class PublishingFlowTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    private const string Title = "示例街道召开冬季安全生产工作部署会";
    private const string Body = "11月19日，示例街道召开冬季安全生产工作部署会，对辖区企业、人员密集场所的消防安全和燃气安全作出部署。\n" +
                                "会议要求各社区、各部门压实安全责任，在岁末年初开展隐患排查整治，确保辖区安全稳定。";
    private const string Unit = "示例街道党政办公室";
    private const string Channel = "示例街道门户网站";
    private const string PublishedUrl = "https://street.example.invalid/news/20261120-anquan.html";
    private const string Provincial = "大众日报";
    private const string County = "示例县广播电视台";
    private const string BulletinTitle = "关于2026年第4季度宣传信息工作情况的通报";

    /// <summary>HeraldServer 的时钟从 2026-11-20 10:00（北京时间）起走；下面的期望值都以这一天为准。</summary>
    private static readonly DateOnly Today = new(2026, 11, 20);

    // 按默认规则手算的党政办公室 2026 年第四季度积分：
    // 演示数据里已有一篇被示例县融媒体中心（县级）采用的稿件：1 分；
    private const decimal SeededCountyAdoption = 1m;
    // 本篇被大众日报（省级 5 分）头版采用，头版 ×2：10 分；
    private const decimal ProvincialFrontPage = 5m * 2m;
    // 随后又被县电视台（县级 1 分）采用，"只计最高"只计比此前最高（10 分）多出的部分：max(0, 1 − 10) = 0 分；
    private const decimal CountyIncrement = 0m;
    // 李文静整月在册，10 月（本季度唯一已过完的月份）报送 0 篇，任务 2 篇，每少 1 篇扣 1 分：−2 分。
    private const decimal OctoberMissed = -2m * 1m;
    private const decimal ExpectedPoints = SeededCountyAdoption + ProvincialFrontPage + CountyIncrement + OctoberMissed; // 9
    // 拨到 2027 年 1 月发布时 12 月也已过完，12 月报送 0 篇：再扣 2 分。
    private const decimal ExpectedPointsAtPublishing = ExpectedPoints - 2m; // 7

    [Fact]
    public async Task PublishAdoptVerifyScoreAndBulletin_Desktop_PointsMatchDefaultRules()
    {
        long id;
        using (var officerApi = await server.ApiClientAsync("officer"))
        using (var headApi = await server.ApiClientAsync("head"))
            id = await HeraldApi.SubmitApprovedAsync(officerApi, headApi, Title, Body);
        Herald.Domain.Common.ChinaTime.DateOf(server.Clock.GetUtcNow().UtcDateTime).ShouldBe(Today);

        var office = await server.SignedInPageAsync("office", Device.Desktop);
        var officer = await server.SignedInPageAsync("officer", Device.Desktop);

        await PublishFromPoolAsync(office, id);
        await AuthorSeesPublicationAsync(officer, id);
        await RecordProvincialAdoptionAsync(office, id);
        await ClaimCountyAdoptionAsync(officer, id);
        await VerifyClaimAsync(office, officer);
        await CheckReportAndPointsAsync(office);
        var bulletinId = await CreateBulletinDraftAsync(office);
        await PublishBulletinAsync(office, bulletinId);
    }

    /// <summary>采编池：展开这篇稿件的"发布 / 不采用"，发布到街道门户网站（链接、发布时间）。</summary>
    private static async Task PublishFromPoolAsync(IPage office, long id)
    {
        await office.OpenMenuAsync("/pool");
        await Expect(office.Locator("h1")).ToHaveTextAsync("采编池");
        var row = office.PoolRow(Title);
        await Expect(row.GetByTestId("editorial-status")).ToHaveTextAsync("待采编");
        await row.Locator("[data-testid=pool-actions] > summary").ClickAsync();
        var form = row.GetByTestId("publish-form");
        await Expect(form).ToBeVisibleAsync();
        await form.Locator("select[name=channelId]").SelectOptionAsync(new SelectOptionValue { Label = $"{Channel}（门户网站）" });
        await form.Locator("input[name=url]").FillAsync(PublishedUrl);
        await form.Locator("input[name=publishedAt]").FillAsync("2026-11-20T09:30");
        await form.GetByTestId("publish-submit").ClickAsync();

        await Expect(office).ToHaveURLAsync(new Regex($@"/pool\?notice=published#m{id}$"));
        await Expect(office.GetByTestId("alert-success")).ToHaveTextAsync("已发布，作者和单位负责人已收到通知。");
        // 已发布的稿件离开"待采编"，在"已发布"中。
        await Expect(office.PoolRow(Title)).ToHaveCountAsync(0);
        await office.Locator("select#editorial").SelectOptionAsync("published");
        await office.Locator("form.filter-bar button[type=submit]").ClickAsync();
        row = office.PoolRow(Title);
        await Expect(row.GetByTestId("editorial-status")).ToHaveTextAsync("已发布");
        await Expect(row).ToContainTextAsync(Channel);
        // 发布过的渠道不再出现在这篇稿件的渠道选项里。
        await Expect(row.Locator($"select[name=channelId] option", new() { HasTextString = Channel })).ToHaveCountAsync(0);
    }

    /// <summary>作者（信息员）在稿件页看到发布结果，并收到通知。</summary>
    private static async Task AuthorSeesPublicationAsync(IPage officer, long id)
    {
        await officer.GotoAsync($"/manuscripts/{id}");
        var editorial = officer.GetByTestId("editorial");
        await Expect(editorial).ToHaveAttributeAsync("data-editorial", "published");
        await Expect(editorial.GetByTestId("editorial-status")).ToHaveTextAsync("已发布");
        var publication = editorial.GetByTestId("publication");
        await Expect(publication).ToHaveCountAsync(1);
        await Expect(publication).ToContainTextAsync(Channel);
        await Expect(publication).ToContainTextAsync("2026年11月20日 09:30");
        await Expect(publication).ToContainTextAsync("编辑：周敏");
        await Expect(publication.Locator("a")).ToHaveAttributeAsync("href", PublishedUrl);
        // 信息员不能发布。
        await Expect(officer.GetByTestId("publish-form")).ToHaveCountAsync(0);

        await officer.GotoAsync("/notifications");
        await Expect(officer.Locator("[data-testid=notification][data-kind=Published]", new() { HasTextString = Title }))
            .ToContainTextAsync($"周敏 已将《{Title}》发布到本单位平台");
    }

    /// <summary>宣传办从采编池打开稿件，登记大众日报头版用稿（版面、头版、版面截图），登记即为已核实。</summary>
    private static async Task RecordProvincialAdoptionAsync(IPage office, long id)
    {
        await office.GotoAsync("/pool?editorial=published");
        await office.ManuscriptRow(Title).ClickAsync();
        await Expect(office).ToHaveURLAsync(new Regex($"/manuscripts/{id}$"));
        await Expect(office.Locator("h1")).ToHaveTextAsync(Title);
        var proof = TestImages.Png(640, 400, hue: 2);
        await FillAdoptionFormAsync(office, "登记用稿（媒体、政务信息）", $"{Provincial}（报纸）", "第1版 要闻", frontPage: true,
            new FilePayload { Name = "大众日报头版.png", MimeType = "image/png", Buffer = proof });

        await Expect(office).ToHaveURLAsync(new Regex($@"/manuscripts/{id}\?notice=adoption-recorded#adoptions$"));
        await Expect(office.GetByTestId("alert-success")).ToHaveTextAsync("已登记（宣传办登记即为已核实）。");
        var adoption = Adoption(office, Provincial);
        await Expect(adoption).ToHaveAttributeAsync("data-status", "verified");
        await Expect(adoption.GetByTestId("adoption-status")).ToHaveTextAsync("已核实");
        var level = adoption.GetByTestId("media-level");
        await Expect(level).ToHaveTextAsync("省级");
        await level.ExpectLegibleAsync();
        await Expect(adoption).ToContainTextAsync("头版/头条");
        await Expect(adoption).ToContainTextAsync("版面/栏目：第1版 要闻");
        await Expect(adoption).ToContainTextAsync("用稿日期：2026年11月20日");
        var proofLink = adoption.GetByTestId("adoption-proof");
        await Expect(proofLink).ToContainTextAsync("大众日报头版.png");
        // 版面截图原样存下，可以取回。
        var response = await office.APIRequest.GetAsync((await proofLink.GetAttributeAsync("href"))!);
        response.Status.ShouldBe(200);
        response.Headers["content-type"].ShouldBe("image/png");
        (await response.BodyAsync()).ShouldBe(proof);
    }

    /// <summary>作者申报县电视台的用稿（附截图），显示为待核实。</summary>
    private static async Task ClaimCountyAdoptionAsync(IPage officer, long id)
    {
        await officer.GotoAsync($"/manuscripts/{id}");
        await Expect(Adoption(officer, Provincial)).ToHaveAttributeAsync("data-status", "verified");
        await FillAdoptionFormAsync(officer, "申报用稿（媒体、政务信息）", $"{County}（电视）", "示例新闻", frontPage: false,
            new FilePayload { Name = "县电视台截图.png", MimeType = "image/png", Buffer = TestImages.Png(480, 270, hue: 5) });

        await Expect(officer).ToHaveURLAsync(new Regex($@"/manuscripts/{id}\?notice=adoption-claimed#adoptions$"));
        await Expect(officer.GetByTestId("alert-success")).ToHaveTextAsync("已申报，等待宣传办核实。");
        var claim = Adoption(officer, County);
        await Expect(claim).ToHaveAttributeAsync("data-status", "pending");
        await Expect(claim.GetByTestId("adoption-status")).ToHaveTextAsync("待核实");
        await Expect(claim).ToContainTextAsync("李文静 于");
        await Expect(claim.GetByTestId("adoption-proof")).ToContainTextAsync("县电视台截图.png");
        // 信息员不能核实自己的申报。
        await Expect(officer.GetByTestId("adoption-verify")).ToHaveCountAsync(0);
    }

    /// <summary>宣传办打开用稿登记（缺省只看待核实的），核实这条申报；申报人收到通知。</summary>
    private static async Task VerifyClaimAsync(IPage office, IPage officer)
    {
        await office.OpenMenuAsync("/adoptions");
        await Expect(office.Locator("h1")).ToHaveTextAsync("用稿登记");
        await Expect(office.Locator("#status")).ToHaveValueAsync("pending");
        var claims = office.GetByTestId("adoption-list").GetByTestId("adoption");
        await Expect(claims).ToHaveCountAsync(1);
        var claim = claims.First;
        await Expect(claim).ToContainTextAsync(County);
        await Expect(claim).ToContainTextAsync(Title);
        await Expect(claim).ToContainTextAsync(Unit);
        await Expect(claim.GetByTestId("adoption-status")).ToHaveTextAsync("待核实");
        await claim.GetByTestId("adoption-verify").ClickAsync();

        await Expect(office).ToHaveURLAsync(new Regex(@"/adoptions\?notice=adoption-verified$"));
        await Expect(office.GetByTestId("alert-success")).ToHaveTextAsync("已核实，申报人已收到通知。");
        await Expect(office.GetByTestId("empty-list")).ToHaveTextAsync("没有待核实的申报。");
        await office.Locator("#status").SelectOptionAsync("verified");
        await office.Locator("form.filter-bar button[type=submit]").ClickAsync();
        var verified = office.GetByTestId("adoption-list").GetByTestId("adoption").Filter(new() { HasTextString = County });
        await Expect(verified).ToHaveAttributeAsync("data-status", "verified");
        await Expect(verified).ToContainTextAsync("周敏 于");

        await officer.GotoAsync("/notifications");
        await Expect(officer.Locator("[data-testid=notification][data-kind=AdoptionVerified]", new() { HasTextString = Title }))
            .ToContainTextAsync($"周敏 核实了您申报的《{Title}》用稿");
    }

    /// <summary>统计报表（缺省为本季度）：党政办公室一行的数字与积分；点积分看明细，逐条与手算一致。</summary>
    private static async Task CheckReportAndPointsAsync(IPage office)
    {
        await office.OpenMenuAsync("/reports");
        await Expect(office.Locator("h1")).ToHaveTextAsync("统计报表");
        await Expect(office.Locator(".page-header")).ToContainTextAsync("2026年10月1日 — 2026年12月31日");
        await Expect(office.Locator("#chart-trend canvas")).ToBeVisibleAsync();

        var row = office.GetByTestId("unit-row").Filter(new() { Has = office.Locator("td[data-col=name]", new() { HasTextRegex = UnitNameExactly() }) });
        await Expect(row).ToHaveCountAsync(1);
        // 投稿、审定、发布：演示数据中的一篇和本篇；用稿 2 篇（演示稿件被县融媒体采用，本篇被省级和县级采用）。
        var expected = new Dictionary<string, string>
        {
            ["submitted"] = "2", ["approved"] = "2", ["published"] = "2", ["adopted"] = "2",
            ["central"] = "0", ["provincial"] = "1", ["municipal"] = "0", ["county"] = "2",
            ["rate"] = "100.0%", ["points"] = Number(ExpectedPoints), ["quota"] = "未完成", ["missed"] = "2",
        };
        foreach (var (column, value) in expected)
            await Expect(row.Locator($"td[data-col={column}]")).ToHaveTextAsync(value);

        await row.GetByTestId("points-link").ClickAsync();
        await Expect(office).ToHaveURLAsync(new Regex(@"/reports/units/\d+/points\?from=2026-10-01&to=2026-12-31$"));
        await Expect(office.Locator("h1")).ToHaveTextAsync($"积分明细：{Unit}");
        await Expect(office.GetByTestId("points-total")).ToHaveTextAsync(Number(ExpectedPoints));
        var lines = office.GetByTestId("points-line");
        // 按日期排列：10 月漏报、演示稿件的县级采用、本篇的省级头版、本篇的县级采用。
        await Expect(lines).ToHaveCountAsync(4);
        await Expect(lines.GetByTestId("line-points")).ToHaveTextAsync(
            [Number(OctoberMissed), Number(SeededCountyAdoption), Number(ProvincialFrontPage), Number(CountyIncrement)]);
        await Expect(lines.Nth(0)).ToHaveAttributeAsync("data-kind", "missed_quota");
        await Expect(lines.Nth(0)).ToContainTextAsync("2026年10月31日");
        await Expect(lines.Nth(0)).ToContainTextAsync("任务 2 篇，实报 0 篇，少报 2 篇，每篇扣 1 分");
        await Expect(lines.Nth(1)).ToContainTextAsync("示例县融媒体中心");
        await Expect(lines.Nth(2)).ToContainTextAsync(Title);
        await Expect(lines.Nth(2)).ToContainTextAsync(Provincial);
        await Expect(lines.Nth(2)).ToContainTextAsync("5 × 2");
        await Expect(lines.Nth(2)).ToContainTextAsync("头版/头条");
        await Expect(lines.Nth(3)).ToContainTextAsync(County);
        await Expect(lines.Nth(3).Locator("td").Nth(6)).ToHaveTextAsync(Number(ProvincialFrontPage));
        await Expect(lines.Nth(3)).ToContainTextAsync("多方采用只计最高：只计比此前最高多出的部分");
    }

    /// <summary>新建本季度（第 4 季度，统计范围示例街道）的通报草稿，下载 Word 和 Excel 预览并打开检查。</summary>
    private static async Task<long> CreateBulletinDraftAsync(IPage office)
    {
        await office.OpenMenuAsync("/bulletins");
        await Expect(office.Locator("h1")).ToHaveTextAsync("通报与考核");
        var create = office.GetByTestId("bulletin-create");
        await create.Locator("#Kind").SelectOptionAsync("quarterly");
        await create.Locator("#Year").FillAsync("2026");
        await create.Locator("#Quarter").SelectOptionAsync("4");
        await create.Locator("#RootUnitId").SelectOptionAsync(new SelectOptionValue { Label = "示例街道" });
        await create.GetByTestId("bulletin-new").ClickAsync();

        await Expect(office).ToHaveURLAsync(new Regex(@"/bulletins/\d+\?notice=created$"));
        var bulletinId = long.Parse(BulletinPath().Match(new Uri(office.Url).AbsolutePath).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(office.Locator("h1")).ToHaveTextAsync(BulletinTitle);
        await Expect(office.GetByTestId("alert-success")).ToHaveTextAsync("已新建通报草稿。数字随数据实时变化，发布时冻结。");
        await Expect(office.GetByTestId("bulletin-status")).ToHaveAttributeAsync("data-status", "draft");
        await ExpectRankingPointsAsync(office, ExpectedPoints);

        var (docxName, docx) = await office.DownloadAsync(office.GetByTestId("download-docx"));
        docxName.ShouldBe($"{BulletinTitle}（草稿）.docx");
        ExpectDocxRow(docx, ExpectedPoints);
        var (xlsxName, xlsx) = await office.DownloadAsync(office.GetByTestId("download-xlsx"));
        xlsxName.ShouldBe($"{BulletinTitle}（草稿）.xlsx");
        var sheets = OfficeFiles.XlsxSheets(xlsx);
        sheets.Keys.ShouldContain("单位排名");
        sheets["单位排名"].ShouldContain(Unit);
        return bulletinId;
    }

    /// <summary>
    /// 季度未结束时发布被拒绝并说明结束日期；时钟拨到下一季度（会话随之超时，重新登录）后发布，
    /// 数字按发布时的数据生成（12 月也已考核），Word 的文件名不再带"草稿"。
    /// </summary>
    private async Task PublishBulletinAsync(IPage office, long bulletinId)
    {
        var confirms = new List<string>();
        office.Dialog += async (_, dialog) => { confirms.Add(dialog.Message); await dialog.AcceptAsync(); };
        await office.GetByTestId("bulletin-publish-button").ClickAsync();
        await Expect(office.GetByTestId("alert-danger")).ToHaveTextAsync("统计时期到 2026年12月31日 才结束，结束后才能发布。");
        await Expect(office.GetByTestId("bulletin-status")).ToHaveAttributeAsync("data-status", "draft");
        confirms.ShouldBe(["发布后文件与数字冻结，不能再修改。确定发布吗？"]);

        server.Clock.Advance(new DateTimeOffset(2027, 1, 5, 2, 0, 0, TimeSpan.Zero) - server.Clock.GetUtcNow());
        var later = await server.SignedInPageAsync("office", Device.Desktop);
        later.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await later.GotoAsync($"/bulletins/{bulletinId}");
        await later.GetByTestId("bulletin-publish-button").ClickAsync();

        await Expect(later.GetByTestId("alert-success")).ToHaveTextAsync("已发布。Word 和 Excel 已生成并冻结，此后数据或规则变化不影响这份通报。");
        await Expect(later.GetByTestId("bulletin-status")).ToHaveAttributeAsync("data-status", "published");
        await Expect(later.GetByTestId("bulletin-publish")).ToHaveCountAsync(0);
        await ExpectRankingPointsAsync(later, ExpectedPointsAtPublishing);
        var (docxName, docx) = await later.DownloadAsync(later.GetByTestId("download-docx"));
        docxName.ShouldBe($"{BulletinTitle}.docx");
        ExpectDocxRow(docx, ExpectedPointsAtPublishing);
    }

    private static async Task ExpectRankingPointsAsync(IPage page, decimal points)
    {
        var row = page.GetByTestId("bulletin-ranking").Locator("tbody tr").Filter(new() { Has = page.Locator("td", new() { HasTextRegex = UnitNameExactly() }) });
        await Expect(row).ToHaveCountAsync(1);
        // 列：名次、单位、报送、审定、采用、中央、省级、市级、县级、上稿率、积分、任务完成。
        await Expect(row.Locator("td").Nth(10)).ToHaveTextAsync(Number(points));
    }

    /// <summary>Word 能用 Open XML SDK 打开，有标题，单位排名表中党政办公室一行的积分为 points。</summary>
    private static void ExpectDocxRow(byte[] docx, decimal points)
    {
        OfficeFiles.DocxParagraphs(docx).ShouldContain(BulletinTitle);
        var rows = OfficeFiles.DocxTableRows(docx);
        var header = rows.First(r => r.Contains("单位") && r.Contains("积分")).ToList();
        var row = rows.Single(r => r.Count == header.Count && r[header.IndexOf("单位")] == Unit);
        row[header.IndexOf("积分")].ShouldBe(Number(points));
    }

    private static async Task FillAdoptionFormAsync(IPage page, string summary, string outlet, string column, bool frontPage, FilePayload proof)
    {
        var toggle = page.GetByTestId("adoption-form-toggle");
        await Expect(toggle.Locator("summary")).ToHaveTextAsync(summary);
        await toggle.Locator("summary").ClickAsync();
        var form = page.GetByTestId("adoption-form");
        await Expect(form).ToBeVisibleAsync();
        await form.Locator("#outletId").SelectOptionAsync(new SelectOptionValue { Label = outlet });
        await Expect(form.Locator("#adoptedOn")).ToHaveValueAsync("2026-11-20");
        await form.Locator("#column").FillAsync(column);
        if (frontPage) await form.Locator("#frontPage").CheckAsync();
        await form.Locator("#adoptionProof").SetInputFilesAsync(proof);
        await form.GetByTestId("adoption-submit").ClickAsync();
    }

    private static ILocator Adoption(IPage page, string source) =>
        page.GetByTestId("adoptions").GetByTestId("adoption").Filter(new() { HasTextString = source });

    private static string Number(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("^示例街道党政办公室$")]
    private static partial Regex UnitNameExactly();

    [GeneratedRegex(@"^/bulletins/(\d+)$")]
    private static partial Regex BulletinPath();
}
