using System.Text.RegularExpressions;
using Herald.Browser.Tests.Support;

namespace Herald.Browser.Tests.Flows;

/// <summary>
/// 舆情处置闭环（issue 4 的浏览器测试），桌面：系统管理员新建一名舆情信息员（社会事务办公室），他上报一条论坛帖子（附截图）→
/// 宣传办在舆情信息中检索到它（监测词标出），从它立案：重大、县委网信办交办 → 详情页的时限与手算一致（10:10 立案：1 小时首次响应、
/// 5 小时发布权威信息、24 小时新闻发布会、上级给的反馈期限）→ 交办幸福社区 → 社区信息员从通知打开并登记回应（说明 + 链接）→
/// 重大舆情的回应逐级审核：单位负责人、分管领导、主要负责人各自从通知打开并通过，回应发布 → 社区向上级反馈 →
/// 宣传办办结：先不填办结情况被拒（中文说明，已填的经验教训还在），补上后办结 → 列表中为已办结。
/// 舆情信息员只有这一个角色：他能上报、看到本单位上报的信息，但不能立案。
/// </summary>
public sealed partial class OpinionFlowTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    private const string ReporterUserName = "yq.pingan";
    private const string ReporterName = "黄晓燕";
    // 演示数据里平安建设办公室已有舆情信息员上报的信息；新人放在没有上报过的社会事务办公室，"只看本单位"才看得出来。
    private const string ReporterUnit = "示例街道社会事务办公室";
    private const string Unit = "幸福社区";
    private const string WatchList = "民生热点监测";

    private const string ItemTitle = "锦绣花园小区暖气不热 居民反映多日无人处理";
    private const string ItemContent = "网友“锦绣花园业主”在本地论坛发帖称，幸福社区锦绣花园小区3号楼、5号楼入冬以来暖气不热，室温不到14度，" +
                                       "多次联系物业无人处理，家中老人孩子已经感冒。帖子发出两小时，跟帖100余条。";
    private const string ItemUrl = "https://bbs.example.invalid/thread/20261120-88";

    private const string CaseTitle = "锦绣花园小区供暖问题网民集中反映";
    private const string CaseSummary = "网民反映锦绣花园小区3号楼、5号楼暖气不热多日，物业未及时处理，跟帖较多，有扩散趋势。";
    private const string SuperiorOffice = "示例县委网信办";
    private const string SuperiorReference = "县网信交〔2026〕15号";
    private const string Instructions = "请幸福社区今日内会同供热公司和物业核实情况，5小时内发布情况说明，明日18时前反馈办理结果。";
    private const string Statement = "关于锦绣花园小区供暖问题的情况说明：经核实，3号楼、5号楼供暖管道阀门故障，供热公司已完成维修，室温已恢复到18度以上。";
    private const string StatementLink = "https://xingfu.example.invalid/notice/20261120-gongnuan.html";
    private const string FeedbackReport = "已于11月20日发布情况说明，供暖恢复正常，社区已逐户回访3号楼、5号楼居民。";
    private const string CloseSummary = "供暖故障已修复，情况说明已发布，居民反映的问题已解决，已向县委网信办反馈。";
    private const string Lessons = "入冬前应组织供热公司对老旧小区管网开展排查，接到反映后第一时间公开进展。";

    /// <summary>立案前把时钟拨到 2026-11-20 10:10（北京时间），下面的到期时间都从这一刻手算。</summary>
    private static readonly DateTimeOffset OpenedAt = new(2026, 11, 20, 10, 10, 0, TimeSpan.FromHours(8));

    // 重大舆情的默认时限（§3.4，国办发〔2016〕80号、61号与内部目标），从 10:10 起算：
    private const string FirstResponseDue = "2026年11月20日 11:10";      // 内部首次响应 1 小时
    private const string AuthoritativeInfoDue = "2026年11月20日 15:10";  // 发布权威信息 5 小时
    private const string PressConferenceDue = "2026年11月21日 10:10";    // 举行新闻发布会 24 小时
    private const string FeedbackDue = "2026年11月21日 18:00";           // 上级交办给的反馈期限

    [Fact]
    public async Task ReportOpenAssignRespondApproveFeedBackClose_Desktop_ClosedWithClocksComputedByHand()
    {
        using (var officeApi = await server.ApiClientAsync("office"))
            await OpinionApi.CreateWatchListAsync(officeApi, WatchList, ("暖气不热", 4, "民生保障"), ("无人处理", 3, "干部作风"));

        var reporter = await NewOpinionOfficerAsync();
        var itemId = await ReportAsync(reporter);
        await ReporterSeesOwnItemOnlyAsync(reporter);

        var office = await server.SignedInPageAsync("office", Device.Desktop);
        await FindItemAsync(office, itemId);
        var caseId = await OpenCaseAsync(office);
        await AssignAsync(office);

        var officer2 = await server.SignedInPageAsync("officer2", Device.Desktop);
        await RecordResponseAsync(officer2, caseId);
        await ApproveAsync("head2", "王海涛", "情况属实，同意发布。", caseId, nextStep: "待分管领导审核");
        await ApproveAsync("leader", "刘红梅", "同意。", caseId, nextStep: "待主要负责人审核");
        await ApproveAsync("principal", "陈志强", "同意发布。", caseId, nextStep: null);
        await FeedBackAsync(officer2, caseId);

        await CloseAsync(office, caseId);
        await ClosedInListAsync(office, caseId);
    }

    /// <summary>
    /// 系统管理员新建账号（所属单位：社会事务办公室，初始角色：舆情信息员）；新人用初始口令登录，先改口令。
    /// 演示数据里没有舆情信息员，这里按真实的开户步骤建一个，不借用演示账号（它们另有信息员、单位负责人等角色）。
    /// </summary>
    private async Task<IPage> NewOpinionOfficerAsync()
    {
        var admin = await server.SignedInPageAsync("admin", Device.Desktop);
        await admin.GotoAsync("/org/users/new");
        await admin.Locator("#UserName").FillAsync(ReporterUserName);
        await admin.Locator("#DisplayName").FillAsync(ReporterName);
        await admin.Locator("#UnitId").SelectOptionByTextAsync(ReporterUnit);
        await admin.Locator("#Role").SelectOptionAsync("opinion_officer");
        await admin.GetByTestId("user-create").ClickAsync();
        await Expect(admin.Locator("h1")).ToHaveTextAsync("账号已创建");
        await Expect(admin.GetByTestId("issued-user-name")).ToHaveTextAsync(ReporterUserName);
        var initial = (await admin.GetByTestId("password-value").TextContentAsync())!.Trim();

        var reporter = await server.NewPageAsync(Device.Desktop);
        await reporter.SignInAsync(ReporterUserName, initial);
        await Expect(reporter).ToHaveURLAsync(new Regex("/account/password$"));
        await reporter.Locator("#CurrentPassword").FillAsync(initial);
        await reporter.Locator("#NewPassword").FillAsync(HeraldServer.Password);
        await reporter.Locator("#ConfirmPassword").FillAsync(HeraldServer.Password);
        await reporter.GetByTestId("password-submit").ClickAsync();
        await Expect(reporter.GetByTestId("alert-success")).ToHaveTextAsync("口令已修改。");
        return reporter;
    }

    /// <summary>舆情信息员从菜单打开"上报舆情"，填平台、来源、链接、标题、内容、作者、发布时间，附论坛截图，提交。</summary>
    private static async Task<long> ReportAsync(IPage reporter)
    {
        await reporter.OpenMenuAsync("/opinion/report");
        await Expect(reporter.Locator("h1")).ToHaveTextAsync("上报舆情");
        var form = reporter.GetByTestId("opinion-report-form");
        // 只有一个可上报的单位：不用选，页面写明以哪个单位上报。
        await Expect(form.Locator("select#unitId")).ToHaveCountAsync(0);
        await Expect(form).ToContainTextAsync($"上报单位：示例街道 / {ReporterUnit}");
        await form.Locator("#platform").SelectOptionAsync("论坛");
        await form.Locator("#source").FillAsync("本地论坛");
        await form.Locator("#url").FillAsync(ItemUrl);
        await form.Locator("#title").FillAsync(ItemTitle);
        await form.Locator("#content").FillAsync(ItemContent);
        await form.Locator("#author").FillAsync("锦绣花园业主");
        await form.Locator("#publishedAt").FillAsync("2026-11-20T08:30");
        var shot = TestImages.Png(640, 400, hue: 4);
        await form.Locator("#screenshots").SetInputFilesAsync(new FilePayload { Name = "论坛截图.png", MimeType = "image/png", Buffer = shot });
        await reporter.GetByTestId("opinion-report-submit").ClickAsync();

        await Expect(reporter).ToHaveURLAsync(new Regex(@"/opinion/items/\d+\?notice=reported$"));
        await Expect(reporter.GetByTestId("alert-success")).ToHaveTextAsync("已上报，谢谢！");
        await Expect(reporter.Locator("h1")).ToHaveTextAsync(ItemTitle);
        await Expect(reporter.GetByTestId("opinion-title").GetByTestId("hit")).ToHaveTextAsync(["暖气不热", "无人处理"]);
        await Expect(reporter.GetByTestId("opinion-content").GetByTestId("hit")).ToHaveTextAsync(["暖气不热", "无人处理"]);
        var meta = reporter.GetByTestId("opinion-meta");
        await Expect(meta).ToContainTextAsync($"{ReporterName}（{ReporterUnit}）");
        await Expect(meta).ToContainTextAsync("2026年11月20日 08:30");
        await Expect(meta.Locator($"a[href='{ItemUrl}']")).ToHaveCountAsync(1);
        // 截图原样存下，页面上显示得出来。
        var image = reporter.GetByTestId("opinion-screenshots").Locator("img");
        await Expect(image).ToHaveCountAsync(1);
        await Expect(image).ToHaveAttributeAsync("alt", "论坛截图.png");
        var response = await reporter.APIRequest.GetAsync((await image.GetAttributeAsync("src"))!);
        response.Status.ShouldBe(200);
        (await response.BodyAsync()).ShouldBe(shot);
        (await image.EvaluateAsync<int>("async img => { await img.decode(); return img.naturalWidth; }")).ShouldBe(640);
        // 立案是宣传办的事。
        await Expect(reporter.GetByTestId("open-case")).ToHaveCountAsync(0);
        return reporter.OpinionItemId();
    }

    /// <summary>舆情信息员的"舆情信息"只列本单位上报的，列得出刚才这条。</summary>
    private static async Task ReporterSeesOwnItemOnlyAsync(IPage reporter)
    {
        await reporter.OpenMenuAsync("/opinion/items");
        await Expect(reporter.Locator(".page-header")).ToContainTextAsync("本单位上报的舆情信息。");
        var items = reporter.GetByTestId("opinion-item");
        await Expect(items).ToHaveCountAsync(1);
        await Expect(items).ToContainTextAsync(ItemTitle);
    }

    /// <summary>宣传办在舆情信息中按"锦绣花园"检索有命中的：这一行的标题和摘要里标出监测词，悬停说明词表和权重。</summary>
    private static async Task FindItemAsync(IPage office, long itemId)
    {
        await office.OpenMenuAsync("/opinion/items");
        await Expect(office.Locator("h1")).ToHaveTextAsync("舆情信息");
        await office.Locator("#q").FillAsync("锦绣花园");
        await office.Locator("#hits").SelectOptionAsync("true");
        await office.Locator("form.filter-bar button[type=submit]").ClickAsync();
        await Expect(office).ToHaveURLAsync(new Regex(@"/opinion/items\?.*hits=true"));
        await Expect(office.Locator("#q")).ToHaveValueAsync("锦绣花园");

        var row = office.GetByTestId("opinion-item").Filter(new() { HasTextString = ItemTitle });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToHaveAttributeAsync("data-item-id", itemId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(row).ToContainTextAsync("上报");
        await Expect(row).ToContainTextAsync(ReporterUnit);
        var titleMarks = row.Locator(".fw-semibold").GetByTestId("hit");
        await Expect(titleMarks).ToHaveTextAsync(["暖气不热", "无人处理"]);
        await Expect(titleMarks.First).ToHaveAttributeAsync("title", $"暖气不热（{WatchList}·民生保障，权重 4）");
        await titleMarks.First.ExpectLegibleAsync();
        await Expect(row.Locator(".text-muted").GetByTestId("hit")).ToHaveTextAsync(["暖气不热", "无人处理"]);
        (await row.GetByTestId("hit-word").AllInnerTextsAsync()).ShouldBe(["暖气不热", "无人处理"], ignoreOrder: true);

        await row.Locator("a.opinion-title").ClickAsync();
        await Expect(office).ToHaveURLAsync(new Regex($"/opinion/items/{itemId}$"));
        await Expect(office.GetByTestId("opinion-hits").Locator("tbody tr")).ToHaveCountAsync(4);
    }

    /// <summary>
    /// 从这条信息立案：改标题、写研判摘要、类别"公共服务"、等级重大、县委网信办交办（文号、反馈期限）。
    /// 立案那一刻时钟为 10:10，详情页的各项时限与手算一致。
    /// </summary>
    private async Task<long> OpenCaseAsync(IPage office)
    {
        await office.GetByTestId("open-case").ClickAsync();
        await Expect(office.Locator("h1")).ToHaveTextAsync("立案研判");
        var form = office.GetByTestId("case-form");
        await Expect(form.GetByTestId("selected-items")).ToContainTextAsync(ItemTitle);
        await Expect(form.Locator("#title")).ToHaveValueAsync(ItemTitle);
        await form.Locator("#title").FillAsync(CaseTitle);
        await form.Locator("#summary").FillAsync(CaseSummary);
        await form.Locator("#category").SelectOptionAsync("公共服务");
        await form.Locator("#severity").SelectOptionAsync("major");
        await Expect(form.Locator("#sentiment")).ToHaveValueAsync("negative");
        await form.Locator("details > summary", new() { HasTextString = "上级交办" }).ClickAsync();
        await form.Locator("#superiorOffice").FillAsync(SuperiorOffice);
        await form.Locator("#superiorReference").FillAsync(SuperiorReference);
        await form.Locator("#superiorDueAt").FillAsync("2026-11-21T18:00");

        var now = server.Clock.GetUtcNow();
        now.ShouldBeLessThan(OpenedAt, "the steps before opening the case took longer than expected");
        server.Clock.Advance(OpenedAt - now);
        await form.GetByTestId("open-case").ClickAsync();

        await Expect(office).ToHaveURLAsync(new Regex(@"/opinion/cases/\d+\?notice=opened$"));
        var caseId = office.CaseId();
        await Expect(office.GetByTestId("alert-success")).ToHaveTextAsync("已立案，时限已开始计算。");
        await Expect(office.Locator("h1")).ToHaveTextAsync(CaseTitle);
        var detail = office.GetByTestId("case-detail");
        await Expect(detail).ToHaveAttributeAsync("data-status", "open");
        await Expect(detail).ToHaveAttributeAsync("data-severity", "major");
        await Expect(detail.Locator(".badge[data-severity=major]").First).ToHaveTextAsync("Ⅱ 重大");
        await Expect(detail.Locator("[data-case-status]")).ToHaveTextAsync("待交办");
        await Expect(detail.GetByTestId("superior-tag")).ToHaveTextAsync("上级交办");
        await Expect(detail.GetByTestId("superior")).ToHaveTextAsync($"上级交办：{SuperiorOffice}，{SuperiorReference}，反馈期限 {FeedbackDue}");
        await Expect(detail.Locator(".meta-line")).ToContainTextAsync("立案时间：2026年11月20日 10:10（周敏）");
        await Expect(detail.GetByTestId("case-items")).ToContainTextAsync(ItemTitle);

        // 按到期先后：首次响应、权威信息、新闻发布会、向上级反馈，都在计时。
        await Expect(detail.GetByTestId("clocks").GetByTestId("clock")).ToHaveCountAsync(4);
        (await detail.GetByTestId("clocks").GetByTestId("clock").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.kind)"))
            .ShouldBe(["first_response", "authoritative_info", "press_conference", "feedback"]);
        await ExpectClockAsync(office, "first_response", "内部首次响应", FirstResponseDue, "running", "内部目标");
        await ExpectClockAsync(office, "authoritative_info", "发布权威信息", AuthoritativeInfoDue, "running", "国办发〔2016〕80号、61号");
        await ExpectClockAsync(office, "press_conference", "举行新闻发布会", PressConferenceDue, "running", "国办发〔2016〕80号、61号");
        await ExpectClockAsync(office, "feedback", "向上级反馈", FeedbackDue, "running", SuperiorReference);
        // 剩余时间：5 小时减去立案后过去的几秒，取整到分钟。
        await Expect(office.CaseClock("authoritative_info").Locator(".badge").First).ToHaveTextAsync(new Regex(@"^剩余 (4 小时 59 分|5 小时 0 分)$"));
        return caseId;
    }

    /// <summary>交办幸福社区（写明交办要求）。</summary>
    private static async Task AssignAsync(IPage office)
    {
        var form = office.GetByTestId("assign-form");
        await Expect(form).ToBeVisibleAsync();
        await form.Locator("#assign-unit").SelectOptionByTextAsync(Unit);
        await form.Locator("#assign-instructions").FillAsync(Instructions);
        await form.GetByTestId("assign").ClickAsync();

        await Expect(office).ToHaveURLAsync(new Regex(@"/opinion/cases/\d+\?notice=assigned$"));
        await Expect(office.GetByTestId("alert-success")).ToHaveTextAsync("已交办，责任单位已收到通知。");
        await Expect(office.GetByTestId("case-detail")).ToHaveAttributeAsync("data-status", "assigned");
        await Expect(office.Locator(".meta-line")).ToContainTextAsync($"责任单位：{Unit}");
        await Expect(office.GetByTestId("instructions")).ToHaveTextAsync(Instructions);
    }

    /// <summary>社区信息员从"已交办给您的单位"的通知打开舆情，登记回应（说明 + 链接）：重大舆情须审核，先到单位负责人。</summary>
    private static async Task RecordResponseAsync(IPage officer2, long caseId)
    {
        await officer2.OpenNotificationAsync("OpinionAssigned", CaseTitle, $"舆情“{CaseTitle}”已交办给您的单位（周敏）");
        await Expect(officer2).ToHaveURLAsync(new Regex($"/opinion/cases/{caseId}$"));
        await Expect(officer2.GetByTestId("instructions")).ToHaveTextAsync(Instructions);
        // 交办、办结是宣传办的事。
        await Expect(officer2.GetByTestId("assign-form")).ToHaveCountAsync(0);
        await Expect(officer2.GetByTestId("close-form")).ToHaveCountAsync(0);

        await officer2.DetailsOf("response-form").Locator("summary").ClickAsync();
        var form = officer2.GetByTestId("response-form");
        await Expect(form).ToBeVisibleAsync();
        await Expect(officer2.DetailsOf("response-form")).ToContainTextAsync("重大、特别重大舆情的回应须经单位负责人、分管领导、主要负责人逐级审核后发布。");
        await Expect(form.Locator("select[name=kind]")).ToHaveValueAsync("statement");
        await form.Locator("input[name=link]").FillAsync(StatementLink);
        await form.Locator("textarea[name=statement]").FillAsync(Statement);
        await form.GetByTestId("record-response").ClickAsync();

        await Expect(officer2).ToHaveURLAsync(new Regex($@"/opinion/cases/{caseId}\?notice=response$"));
        await Expect(officer2.GetByTestId("alert-success")).ToHaveTextAsync("回应已登记。");
        await Expect(officer2.GetByTestId("case-detail")).ToHaveAttributeAsync("data-status", "handling");
        var response = officer2.GetByTestId("response");
        await Expect(response).ToHaveCountAsync(1);
        await Expect(response).ToHaveAttributeAsync("data-status", "pending_approval");
        await Expect(response).ToContainTextAsync("审核中");
        await Expect(response).ToContainTextAsync("待单位负责人审核");
        await Expect(response).ToContainTextAsync(Statement);
        await Expect(response.Locator($"a[href='{StatementLink}']")).ToHaveCountAsync(1);
        // 登记人不是审核人。
        await Expect(response.GetByTestId("review-form")).ToHaveCountAsync(0);
        // 第一次回应满足内部首次响应（1 小时内）；权威信息要等发布。
        await Expect(officer2.CaseClock("first_response").GetByTestId("clock")).ToHaveAttributeAsync("data-state", "met");
        await Expect(officer2.CaseClock("first_response").Locator(".badge").First).ToHaveTextAsync("按时完成");
        await Expect(officer2.CaseClock("authoritative_info").GetByTestId("clock")).ToHaveAttributeAsync("data-state", "running");
    }

    /// <summary>审核人从"回应待您审核"的通知打开舆情，写意见并通过；回应走到下一级，或（最后一级）发布。</summary>
    private async Task ApproveAsync(string userName, string previousActor, string comment, long caseId, string? nextStep)
    {
        var reviewer = await server.SignedInPageAsync(userName, Device.Desktop);
        await reviewer.OpenNotificationAsync("OpinionApprovalRequested", CaseTitle, $"舆情“{CaseTitle}”的回应待您审核（{previousActor}）");
        await Expect(reviewer).ToHaveURLAsync(new Regex($"/opinion/cases/{caseId}$"));
        var response = reviewer.GetByTestId("response");
        var form = response.GetByTestId("review-form");
        await Expect(form).ToBeVisibleAsync();
        await form.Locator("textarea[name=comment]").FillAsync(comment);
        await form.GetByTestId("approve").ClickAsync();

        await Expect(reviewer).ToHaveURLAsync(new Regex($@"/opinion/cases/{caseId}\?notice=reviewed$"));
        await Expect(reviewer.GetByTestId("alert-success")).ToHaveTextAsync("审核意见已提交。");
        await Expect(response.GetByTestId("review-form")).ToHaveCountAsync(0);
        if (nextStep is not null)
        {
            await Expect(response).ToHaveAttributeAsync("data-status", "pending_approval");
            await Expect(response).ToContainTextAsync(nextStep);
            await Expect(reviewer.CaseClock("authoritative_info").GetByTestId("clock")).ToHaveAttributeAsync("data-state", "running");
        }
        else
        {
            await Expect(response).ToHaveAttributeAsync("data-status", "released");
            await Expect(response).ToContainTextAsync("已发布");
            // 最后一级通过即发布：5 小时内发布了权威信息。
            await Expect(reviewer.CaseClock("authoritative_info").GetByTestId("clock")).ToHaveAttributeAsync("data-state", "met");
            await Expect(reviewer.CaseClock("authoritative_info").Locator(".badge").First).ToHaveTextAsync("按时完成");
        }
    }

    /// <summary>上级交办的舆情须向上级反馈：社区信息员提交反馈，向上级反馈的时限按时完成。</summary>
    private static async Task FeedBackAsync(IPage officer2, long caseId)
    {
        await officer2.GotoAsync($"/opinion/cases/{caseId}");
        await Expect(officer2.GetByTestId("response")).ToHaveAttributeAsync("data-status", "released");
        var form = officer2.GetByTestId("feedback-form");
        await Expect(form).ToBeVisibleAsync();
        await Expect(officer2.DetailsOf("feedback-form").Locator("summary")).ToHaveTextAsync($"反馈办理情况（{SuperiorOffice}）");
        await form.Locator("textarea[name=report]").FillAsync(FeedbackReport);
        await form.GetByTestId("submit-feedback").ClickAsync();

        await Expect(officer2).ToHaveURLAsync(new Regex($@"/opinion/cases/{caseId}\?notice=feedback$"));
        await Expect(officer2.GetByTestId("alert-success")).ToHaveTextAsync("已反馈办理情况。");
        await Expect(officer2.GetByTestId("case-detail")).ToHaveAttributeAsync("data-status", "fed_back");
        await Expect(officer2.GetByTestId("feedback")).ToContainTextAsync(FeedbackReport);
        await Expect(officer2.CaseClock("feedback").GetByTestId("clock")).ToHaveAttributeAsync("data-state", "met");
    }

    /// <summary>
    /// 宣传办办结：只填经验教训就提交，被拒——办结表单里说明缺的是"办结情况"，已填的经验教训还在；补上办结情况后办结。
    /// 办结后：未举行的新闻发布会停止计时，其余时限按时完成；处置记录逐条对得上。
    /// </summary>
    private static async Task CloseAsync(IPage office, long caseId)
    {
        await office.GotoAsync($"/opinion/cases/{caseId}");
        await Expect(office.GetByTestId("case-detail")).ToHaveAttributeAsync("data-status", "fed_back");
        await office.DetailsOf("close-form").Locator("summary").ClickAsync();
        var form = office.GetByTestId("close-form");
        await Expect(form).ToBeVisibleAsync();
        await form.Locator("#close-lessons").FillAsync(Lessons);
        await form.GetByTestId("close").ClickAsync();

        form = office.GetByTestId("close-form");
        await Expect(form.GetByTestId("alert-danger")).ToHaveTextAsync("办结情况：此项为必填项。");
        await Expect(form).ToBeVisibleAsync();
        await Expect(form.Locator("#close-lessons")).ToHaveValueAsync(Lessons);
        await Expect(office.GetByTestId("case-detail")).ToHaveAttributeAsync("data-status", "fed_back");

        await form.Locator("#close-summary").FillAsync(CloseSummary);
        await form.GetByTestId("close").ClickAsync();

        await Expect(office).ToHaveURLAsync(new Regex($@"/opinion/cases/{caseId}\?notice=closed$"));
        await Expect(office.GetByTestId("alert-success")).ToHaveTextAsync("已办结。");
        var detail = office.GetByTestId("case-detail");
        await Expect(detail).ToHaveAttributeAsync("data-status", "closed");
        await Expect(detail.Locator("[data-case-status]")).ToHaveTextAsync("已办结");
        await Expect(office.GetByTestId("close-summary")).ToHaveTextAsync(CloseSummary);
        await Expect(detail).ToContainTextAsync(Lessons);
        await ExpectClockAsync(office, "first_response", "内部首次响应", FirstResponseDue, "met", "内部目标");
        await ExpectClockAsync(office, "authoritative_info", "发布权威信息", AuthoritativeInfoDue, "met", "国办发〔2016〕80号、61号");
        await ExpectClockAsync(office, "press_conference", "举行新闻发布会", PressConferenceDue, "stopped", "国办发〔2016〕80号、61号");
        await Expect(office.CaseClock("press_conference").Locator(".badge").First).ToHaveTextAsync("已停止计时");
        await ExpectClockAsync(office, "feedback", "向上级反馈", FeedbackDue, "met", SuperiorReference);
        (await office.GetByTestId("history").Locator("li").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.action)")).ShouldBe(
        [
            "opened", "assigned", "response_recorded", "response_approved", "response_approved", "response_approved", "response_released",
            "feedback_submitted", "closed",
        ]);
        var approvals = office.GetByTestId("history").Locator("li[data-action=response_approved]");
        await Expect(approvals).ToContainTextAsync(["刘红梅", "陈志强", "赵立新"]);
        await Expect(approvals).ToContainTextAsync(["（1 · 单位负责人）", "（2 · 分管领导）", "（3 · 主要负责人）"]);
        await Expect(office.GetByTestId("reopen-form")).ToHaveCountAsync(1);
    }

    /// <summary>舆情事件列表按"已办结"筛选：这一件在，重大、已办结。</summary>
    private static async Task ClosedInListAsync(IPage office, long caseId)
    {
        await office.OpenMenuAsync("/opinion/cases");
        await office.Locator("#status").SelectOptionAsync("closed");
        await office.Locator("form.filter-bar button[type=submit]").ClickAsync();
        await Expect(office).ToHaveURLAsync(new Regex(@"/opinion/cases\?.*status=closed"));
        var row = office.GetByTestId("case-row").Filter(new() { HasTextString = CaseTitle });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToHaveAttributeAsync("data-id", caseId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(row.Locator("[data-case-status]")).ToHaveTextAsync("已办结");
        await Expect(row.Locator(".badge[data-severity]")).ToHaveTextAsync("Ⅱ 重大");
        await Expect(row).ToContainTextAsync($"公共服务 · {Unit} · 负面");
        await Expect(row).ToContainTextAsync("上级交办");
        await Expect(row).ToContainTextAsync("2026年11月20日 10:10");
    }

    private static async Task ExpectClockAsync(IPage page, string kind, string label, string due, string state, string basis)
    {
        var line = page.CaseClock(kind);
        await Expect(line).ToHaveCountAsync(1);
        var clock = line.GetByTestId("clock");
        await Expect(clock).ToHaveAttributeAsync("data-state", state);
        await Expect(clock).ToContainTextAsync(label);
        await Expect(clock).ToContainTextAsync(due);
        await Expect(line).ToContainTextAsync(basis);
    }
}
