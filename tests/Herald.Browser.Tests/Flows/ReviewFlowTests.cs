using System.Text.RegularExpressions;
using Herald.Browser.Tests.Support;

namespace Herald.Browser.Tests.Flows;

/// <summary>
/// 信息报送与分级审核的完整闭环（issue 2 的浏览器测试）：信息员报送"重要"稿件 → 单位负责人通过 → 分管领导退回（附理由）
/// → 信息员看到通知和退回理由，修改后重新报送 → 单位负责人、分管领导通过 → 宣传办在采编池看到它。
/// 桌面上从带插图的 Word 原件报送；手机上直接输入正文并上传手机拍的照片。
/// </summary>
public sealed class ReviewFlowTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    private const string ReturnReason = "请补充活动的参与人数和群众反响，并核实图片说明中的时间。";

    /// <summary>依赖 .docx 导入（DocxImporter）：正文取自 Word 段落，插图成为一张图片，图片说明取自插图的替代文字。</summary>
    [Fact]
    public async Task ReviewLoop_DocxWithPictureOnDesktop_ReachesOfficePool()
    {
        const string title = "示例街道举办“邻里文化节” 共建和美家园";
        const string altText = "图为邻里文化节现场，居民在社区广场观看文艺演出";
        string[] paragraphs =
        [
            "11月19日，示例街道在便民服务中心广场举办首届“邻里文化节”，辖区各社区居民、驻街单位职工参加活动。",
            "活动设置【文艺展演】、非遗手工体验、邻里美食分享等环节，社区文艺队表演了广场舞、快板、京剧选段等节目。",
            "街道党工委有关负责同志表示，将以文化节为契机，持续开展邻里互助活动，营造和谐融洽的社区氛围。",
        ];
        var png = TestImages.Png(480, 320, hue: 3);
        var docx = TestDocuments.Docx(paragraphs, png, 480, 320, altText, pictureAfter: 1);

        await RunReviewLoopAsync(Device.Desktop, title, async page =>
        {
            await page.Locator("#document").SetInputFilesAsync(new FilePayload
            {
                Name = "邻里文化节.docx",
                MimeType = TestDocuments.ContentType,
                Buffer = docx,
            });
            // htmx 把表单送到 /manuscripts/form/refresh，返回填好正文和图片的正文区域（或者原件被拒的说明）。
            var documentName = page.GetByTestId("document-name");
            var refused = page.Locator("#document.is-invalid ~ [data-testid=field-error]");
            await Expect(documentName.Or(refused)).ToBeVisibleAsync();
            if (await refused.CountAsync() > 0)
                throw new ShouldAssertException($"the .docx was refused: {await refused.First.InnerTextAsync()}");
            await Expect(documentName).ToContainTextAsync("邻里文化节.docx");
            var editor = page.Locator("#body-editor");
            await Expect(editor).ToContainTextAsync(paragraphs[0]);
            await Expect(editor).ToContainTextAsync("非遗手工体验");
            await Expect(editor).ToContainTextAsync(paragraphs[2]);
            await Expect(editor.Locator("strong, b").First).ToHaveTextAsync("文艺展演");
            var photos = page.GetByTestId("photo-item");
            await Expect(photos).ToHaveCountAsync(1);
            await Expect(photos.Locator("img")).ToHaveJSPropertyAsync("naturalWidth", 480);
            var caption = page.GetByTestId("staged-caption");
            await Expect(caption).ToHaveValueAsync(altText);
            // 导入可能用文档的标题填了标题栏；这里以信息员输入的为准。
            await page.Locator("#title").FillAsync(title);
        }, addition: "文化节期间共有居民600余人次参与，群众纷纷点赞。", submitScreenshot: "submit-docx-desktop");
    }

    /// <summary>同一闭环在手机上（390×844，触屏）：菜单收在导航栏按钮后面，照片是 JPEG。不依赖 .docx 导入。</summary>
    [Fact]
    public async Task ReviewLoop_TypedBodyAndPhotoOnPhone_ReachesOfficePool()
    {
        const string title = "幸福路网格员上门走访独居老人 送去冬日温暖";
        const string caption = "网格员在独居老人家中检查取暖设施";
        await RunReviewLoopAsync(Device.Phone, title, async page =>
        {
            await page.Locator("#title").FillAsync(title);
            var editor = page.Locator("#body-editor");
            await editor.ClickAsync();
            await page.Keyboard.InsertTextAsync("入冬以来，示例街道党政办公室组织网格员对辖区独居老人开展上门走访，逐户检查取暖设施和用电安全。");
            await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.InsertTextAsync("截至目前，共走访独居老人56户，发现并整改安全隐患9处，为12户老人更换了老化电线。");
            var jpeg = await TestImages.JpegAsync(page);
            await page.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "IMG_20261119_093012.jpg", MimeType = "image/jpeg", Buffer = jpeg });
            var photos = page.GetByTestId("photo-item");
            await Expect(photos).ToHaveCountAsync(1);
            await Expect(photos.Locator("img")).ToHaveJSPropertyAsync("naturalWidth", 640);
            // 上传刷新了正文区域，正文应原样保留。
            await Expect(page.Locator("#body-editor")).ToContainTextAsync("共走访独居老人56户");
            await page.GetByTestId("staged-caption").FillAsync(caption);
        }, addition: "不少老人表示，网格员常来看看，心里踏实多了。", submitScreenshot: "submit-phone", detailScreenshot: "detail-phone");
    }

    private async Task RunReviewLoopAsync(Device device, string title, Func<IPage, Task> compose, string addition,
        string submitScreenshot, string? detailScreenshot = null)
    {
        // 信息员报送。
        var officer = await server.SignedInPageAsync("officer", device);
        await officer.OpenMenuAsync("/manuscripts/new", whileMenuShown: () => Screenshots.SaveViewportAsync(officer, "menu-phone"));
        await Expect(officer.Locator("h1")).ToHaveTextAsync("报送稿件");
        await compose(officer);
        await officer.Locator("#category").SelectOptionAsync(new SelectOptionValue { Label = "工作动态" });
        await officer.Locator("label[for=importance-important]").ClickAsync();
        await Expect(officer.Locator("#importance-important")).ToBeCheckedAsync();
        if (device.IsMobile) await officer.ExpectNoHorizontalScrollAsync();
        await Screenshots.SaveAsync(officer, submitScreenshot);
        await officer.GetByTestId("submit-manuscript").ClickAsync();

        var detail = officer.GetByTestId("manuscript-detail");
        await Expect(detail).ToHaveAttributeAsync("data-status", "in_review");
        await Expect(officer.GetByTestId("alert-success")).ToHaveTextAsync("已提交，等待单位负责人审核。");
        await Expect(officer.Locator("h1")).ToHaveTextAsync(title);
        await ExpectRouteAsync(officer, "current", "pending");
        await Expect(officer.GetByTestId("photos").Locator("figcaption")).ToHaveCountAsync(1);
        var id = officer.ManuscriptId();

        // 单位负责人通过，分管领导退回并说明理由。
        var head = await server.SignedInPageAsync("head", device);
        await head.ReviewFromInboxAsync(title, "approve");
        var leader = await server.SignedInPageAsync("leader", device);
        await leader.ReviewFromInboxAsync(title, "return", ReturnReason, async page =>
        {
            // 退回修改必须填写理由：不填就点，页面提示而不提交。
            var dialog = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnDialog(object? sender, IDialog d) { dialog.TrySetResult(d.Message); _ = d.DismissAsync(); }
            page.Dialog += OnDialog;
            await page.GetByTestId("review-return").ClickAsync();
            (await dialog.Task.WaitAsync(TimeSpan.FromSeconds(15))).ShouldBe("请填写理由。");
            page.Dialog -= OnDialog;
            await Expect(page.Locator("#comment")).ToHaveClassAsync(new Regex(@"\bis-invalid\b"));
            await Expect(page.GetByTestId("manuscript-detail")).ToHaveAttributeAsync("data-status", "in_review");
        });

        // 信息员看到未读通知和退回理由，修改正文后重新报送。
        await officer.GotoAsync("/");
        await Expect(officer.GetByTestId("unread-badge")).ToBeVisibleAsync();
        // 首页"待我处理的稿件"里有这篇，状态为退回修改。
        await Expect(officer.ManuscriptRow(title).First.Locator(".status-badge")).ToHaveAttributeAsync("data-status", "returned");
        await officer.GetByTestId("nav-notifications").ClickAsync();
        await Expect(officer.Locator("h1")).ToHaveTextAsync("通知");
        var returned = officer.Locator("[data-testid=notification][data-kind=Returned]", new() { HasTextString = title });
        await Expect(returned).ToContainTextAsync($"陈志强 将《{title}》退回修改");
        await Expect(returned).ToContainTextAsync("意见：" + ReturnReason);
        await Expect(returned).ToHaveClassAsync(new Regex(@"\bunread\b"));
        await returned.Locator("button[type=submit]").ClickAsync();

        await Expect(officer).ToHaveURLAsync(new Regex($"/manuscripts/{id}$"));
        await Expect(detail).ToHaveAttributeAsync("data-status", "returned");
        await Expect(officer.Locator("[data-testid=manuscript-detail] .status-badge")).ToHaveTextAsync("退回修改");
        await ExpectRouteAsync(officer, "done", "returned");
        await Expect(HistoryEntry(officer, "returned")).ToContainTextAsync(ReturnReason);
        await officer.GetByTestId("edit-manuscript").ClickAsync();
        await Expect(officer.Locator("h1")).ToHaveTextAsync("修改稿件");
        await Expect(officer.GetByTestId("return-reason")).ToContainTextAsync(ReturnReason);
        await officer.AppendParagraphAsync(addition);
        var resubmit = officer.GetByTestId("submit-manuscript");
        await Expect(resubmit).ToContainTextAsync("修改完成，重新报送");
        await resubmit.ClickAsync();

        await Expect(detail).ToHaveAttributeAsync("data-status", "in_review");
        await Expect(officer.GetByTestId("manuscript-body")).ToContainTextAsync(addition);
        await ExpectRouteAsync(officer, "current", "pending");
        await Expect(HistoryEntry(officer, "resubmitted")).ToContainTextAsync("修改后重新报送");

        // 重新从第一级审核开始；审核人看到与上一版的差异。
        await head.ReviewFromInboxAsync(title, "approve", beforeDecision: async page =>
        {
            var diff = page.GetByTestId("diff");
            await Expect(diff).ToContainTextAsync("与上一版相比的修改");
            await Expect(diff.Locator("ins").Filter(new() { HasTextString = addition })).ToHaveCountAsync(1);
            if (device.IsMobile) await page.ExpectNoHorizontalScrollAsync();
            if (detailScreenshot is not null) await Screenshots.SaveAsync(page, detailScreenshot);
        });
        await leader.ReviewFromInboxAsync(title, "approve");

        // 宣传办在采编池看到它。
        var office = await server.SignedInPageAsync("office", device);
        await office.OpenMenuAsync("/pool");
        await Expect(office.Locator("h1")).ToHaveTextAsync("采编池");
        var row = office.PoolRow(title);
        // 采编池里的稿件都已审定，行上显示的是采编状态。
        await Expect(row.GetByTestId("editorial-status")).ToHaveAttributeAsync("data-editorial", "pending");
        await Expect(row.GetByTestId("editorial-status")).ToHaveTextAsync("待采编");
        await office.ManuscriptRow(title).ClickAsync();
        await Expect(office.GetByTestId("manuscript-detail")).ToHaveAttributeAsync("data-status", "approved");
        await ExpectRouteAsync(office, "done", "done");
        var actions = await office.GetByTestId("history").Locator("li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.action)");
        // 流转记录新的在上。
        actions.ShouldBe(["approved", "approved", "resubmitted", "returned", "approved", "submitted", "created"]);
        await Expect(office.GetByTestId("manuscript-body")).ToContainTextAsync(addition);

        // 信息员收到审定通知。
        await officer.GotoAsync("/notifications");
        await Expect(officer.Locator("[data-testid=notification][data-kind=Approved]", new() { HasTextString = title })).ToContainTextAsync("已审定，进入采编池");
    }

    private static ILocator HistoryEntry(IPage page, string action) =>
        page.GetByTestId("history").Locator($"li[data-action={action}]").First;

    private static async Task ExpectRouteAsync(IPage page, params string[] states)
    {
        var steps = page.GetByTestId("route-step");
        await Expect(steps).ToHaveCountAsync(states.Length);
        for (var i = 0; i < states.Length; i++)
            await Expect(steps.Nth(i)).ToHaveAttributeAsync("data-state", states[i]);
        await Expect(steps.Nth(0)).ToContainTextAsync("单位负责人");
        await Expect(steps.Nth(1)).ToContainTextAsync("分管领导");
    }
}
