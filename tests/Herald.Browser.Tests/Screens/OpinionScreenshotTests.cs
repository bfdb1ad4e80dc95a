using Herald.Browser.Tests.Support;

namespace Herald.Browser.Tests.Screens;

/// <summary>
/// 舆情处置各页面（桌面，宣传办）的截图，存到 docs/screenshots/：舆情信息（命中标出、相似信息成组）、一件重大舆情的详情
/// （时限、交办、审核中的回应）、舆情统计、应急预案（在预案页上新建一个）。信息和舆情经 API 准备，不依赖演示数据里的舆情。
/// </summary>
public sealed class OpinionScreenshotTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    private const string WageTitle = "网传示例街道某建筑工地拖欠工资 十余名工人聚集讨薪";
    private const string RiverTitle = "居民反映李家村河道出现死鱼 怀疑上游企业偷排";
    private const string NoiseTitle = "幸福社区附近工地夜间施工噪音扰民";
    private const string MajorCase = "建筑工地拖欠农民工工资引发聚集";
    private const string ClosedCase = "夜间施工噪音扰民";
    private const string PlanName = "劳资纠纷舆情处置预案";

    private static readonly string[] Names = ["opinion-items-office", "opinion-case-office", "opinion-stats-office", "opinion-plans-office"];

    [Fact]
    public async Task OpinionPages_Desktop_RenderInChineseAndAreSavedAsScreenshots()
    {
        var majorId = await SeedAsync();
        var office = await server.SignedInPageAsync("office", Device.Desktop);

        await office.OpenMenuAsync("/opinion/items");
        await Expect(office.Locator("h1")).ToHaveTextAsync("舆情信息");
        var wage = office.GetByTestId("opinion-item").Filter(new() { HasTextString = WageTitle });
        await Expect(wage).ToHaveCountAsync(1);
        // 两家来源的同一件事合为一组，只列一次。
        await Expect(wage.GetByTestId("group-count")).ToHaveTextAsync("另有 1 条相似");
        await Expect(wage.Locator(".fw-semibold").GetByTestId("hit")).ToHaveTextAsync(["拖欠工资", "聚集", "讨薪"]);
        await Expect(office.GetByTestId("opinion-item").Filter(new() { HasTextString = RiverTitle }).GetByTestId("hit-word"))
            .ToHaveTextAsync(["偷排"]);
        await Screenshots.SaveAsync(office, "opinion-items-office");

        await office.GotoAsync($"/opinion/cases/{majorId}");
        await Expect(office.Locator("h1")).ToHaveTextAsync(MajorCase);
        await Expect(office.GetByTestId("case-detail")).ToHaveAttributeAsync("data-status", "handling");
        await Expect(office.GetByTestId("response")).ToHaveAttributeAsync("data-status", "pending_approval");
        await Expect(office.GetByTestId("response")).ToContainTextAsync("待分管领导审核");
        await Expect(office.GetByTestId("clocks").GetByTestId("clock")).ToHaveCountAsync(3);
        await Screenshots.SaveAsync(office, "opinion-case-office");

        await office.OpenMenuAsync("/opinion/stats");
        await Expect(office.Locator("h1")).ToHaveTextAsync("舆情统计");
        // 本月立案：这里 2 件（重大 1、一般 1，一般的已办结）加演示数据 3 件（较大 1 在办；一般 2，其中 1 件已办结），
        // 共 5 件，办结 2 件；一般 3 件、办结 2 件。
        await Expect(office.GetByTestId("stat-cases")).ToHaveTextAsync("5");
        await Expect(office.GetByTestId("stat-closed")).ToHaveTextAsync("2");
        var bySeverity = office.GetByTestId("by-severity");
        await Expect(bySeverity.Locator("tr[data-severity=major] td").Nth(1)).ToHaveTextAsync("1");
        await Expect(bySeverity.Locator("tr[data-severity=significant] td").Nth(1)).ToHaveTextAsync("1");
        await Expect(bySeverity.Locator("tr[data-severity=general] td").Nth(1)).ToHaveTextAsync("3");
        await Expect(bySeverity.Locator("tr[data-severity=general] td").Nth(2)).ToHaveTextAsync("2");
        await Screenshots.SaveAsync(office, "opinion-stats-office");

        await office.OpenMenuAsync("/opinion/plans");
        await Expect(office.Locator("h1")).ToHaveTextAsync("应急预案");
        await CreatePlanAsync(office);
        var plan = office.GetByTestId("plan").Filter(new() { HasTextString = PlanName });
        await Expect(plan).ToHaveCountAsync(1);
        await Expect(plan.Locator("ol > li")).ToHaveCountAsync(3);
        await Expect(plan.Locator("ol > li").Nth(1)).ToContainTextAsync("（责任单位，5 小时内）");
        await Expect(plan.Locator("ol > li").Nth(2)).ToContainTextAsync("（宣传办，24 小时内）");
        await Screenshots.SaveAsync(office, "opinion-plans-office");

        foreach (var name in Names)
            new FileInfo(Screenshots.PathOf(name)).Length.ShouldBeGreaterThan(10_000);
    }

    /// <summary>
    /// 推送四条信息（其中两条是同一件事），默认监测词表标出命中；一件重大舆情交办幸福社区，社区登记的回应已过单位负责人、待分管领导审核；
    /// 一件一般舆情已回应并办结。返回重大舆情的编号。
    /// </summary>
    private async Task<long> SeedAsync()
    {
        using var office = await server.ApiClientAsync("office");
        using var officer2 = await server.ApiClientAsync("officer2");
        using var head2 = await server.ApiClientAsync("head2");

        var wage = await OpinionApi.PushAsync(office, "微博", "济宁身边事", WageTitle,
            "有网友发帖称，示例街道某建筑工地拖欠十余名农民工三个月工资，工人聚集在项目部门口讨薪，要求尽快结清。", "2026-11-20T07:40");
        await OpinionApi.PushAsync(office, "今日头条", "本地生活圈", "示例街道某建筑工地拖欠工资 十余名工人聚集讨薪",
            "有网友发帖称，示例街道某建筑工地拖欠十余名农民工三个月工资，工人聚集在项目部门口讨薪，要求尽快结清！", "2026-11-20T08:05");
        await OpinionApi.PushAsync(office, "微信", "李家村村民群", RiverTitle,
            "李家村村民反映，村东河道近两天出现大量死鱼，水面发黑有异味，怀疑上游企业夜间偷排。", "2026-11-20T06:50");
        var noise = await OpinionApi.PushAsync(office, "政务留言板", "市长信箱", NoiseTitle,
            "幸福社区居民留言，附近工地连续一周夜间施工到凌晨，噪音很大，影响老人孩子休息。", "2026-11-19T22:30");

        var xingfu = await OpinionApi.UnitIdAsync(office, "幸福社区");
        var major = await OpinionApi.OpenCaseAsync(office, [wage], MajorCase,
            "网民反映示例街道某建筑工地拖欠农民工工资，工人在项目部聚集讨薪，两个平台转发较多。", "劳动保障", "major");
        await OpinionApi.AssignAsync(office, major, xingfu, "请会同劳动保障所核实欠薪情况，督促施工方制定支付方案，5小时内发布情况说明。");
        var response = await OpinionApi.RespondAsync(officer2, major,
            "关于某建筑工地工人讨薪情况的说明：街道已约谈施工方，施工方承诺11月25日前结清全部工资，街道劳动保障所全程跟进。",
            "https://street.example.invalid/notice/20261120-taoxin.html");
        await OpinionApi.ApproveAsync(head2, major, response, "情况属实。");

        var closed = await OpinionApi.OpenCaseAsync(office, [noise], ClosedCase, "居民反映工地夜间施工扰民。", "生态环境", "general");
        await OpinionApi.AssignAsync(office, closed, xingfu, "请核实施工许可，督促停止夜间施工。");
        await OpinionApi.RespondAsync(officer2, closed, "社区已联系施工方，夜间22时后停止施工。", null);
        await OpinionApi.CloseAsync(office, closed, "施工方已停止夜间施工，已回复留言居民。", "夜间施工许可要提前公示。");
        return major;
    }

    /// <summary>在预案页上新建一个重大劳资纠纷舆情的处置预案（三项清单）。</summary>
    private static async Task CreatePlanAsync(IPage office)
    {
        var form = office.GetByTestId("plan-form");
        await form.Locator("#plan-name").FillAsync(PlanName);
        await form.Locator("#plan-category").FillAsync("劳动保障");
        await form.Locator("#plan-severity").SelectOptionAsync("major");
        await form.Locator("#plan-description").FillAsync("工资拖欠、讨薪聚集等劳资纠纷引发的重大舆情。");
        (string Title, string Owner, string Hours)[] steps =
        [
            ("核实欠薪情况并向宣传办报告", "responsible_unit", "1"),
            ("发布权威信息，公布支付方案", "responsible_unit", "5"),
            ("组织新闻发布会或通气会", "office", "24"),
        ];
        var rows = form.GetByTestId("step-row");
        for (var i = 0; i < steps.Length; i++)
        {
            var p = $"steps[{i + 1}].";
            await rows.Nth(i).Locator($"input[name='{p}title']").FillAsync(steps[i].Title);
            await rows.Nth(i).Locator($"select[name='{p}owner']").SelectOptionAsync(steps[i].Owner);
            await rows.Nth(i).Locator($"input[name='{p}hours']").FillAsync(steps[i].Hours);
        }
        await form.GetByTestId("save-plan").ClickAsync();
        await Expect(office.GetByTestId("alert-success")).ToHaveTextAsync("应急预案已保存。");
    }
}
