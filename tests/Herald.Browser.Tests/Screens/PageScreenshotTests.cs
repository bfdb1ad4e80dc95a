using System.Net;
using Herald.Browser.Tests.Support;

namespace Herald.Browser.Tests.Screens;

/// <summary>
/// 主要页面（桌面）的截图，存到 docs/screenshots/。稿件经 API 准备好（已退回、修改后重新报送、待分管领导审核），
/// 这样截图不依赖其他测试，也不依赖 .docx 导入。
/// </summary>
public sealed class PageScreenshotTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    private const string RevisedTitle = "示例街道“红色物业”提升老旧小区治理水平";
    private const string WaitingTitle = "党政办组织开展“学习强国”答题竞赛";
    private const string ApprovedTitle = "机关干部走进社区开展垃圾分类志愿服务";

    [Fact]
    public async Task MainPages_Desktop_RenderInChineseAndAreSavedAsScreenshots()
    {
        var revisedId = await PrepareRevisedManuscriptAsync();
        using (var officerApi = await server.ApiClientAsync("officer"))
        using (var headApi = await server.ApiClientAsync("head"))
        {
            await HeraldApi.SubmitAsync(officerApi, WaitingTitle, "routine",
                "为进一步激发党员干部学习热情，党政办公室近日组织开展“学习强国”答题竞赛，机关30余名党员参加。");
            var approvedId = await HeraldApi.SubmitAsync(officerApi, ApprovedTitle, "routine",
                "11月18日，示例街道党政办公室组织机关干部走进幸福社区，开展垃圾分类志愿服务。", TestImages.Png(480, 320, hue: 6), "机关干部指导居民分类投放垃圾");
            await HeraldApi.ReviewAsync(headApi, approvedId, "approve", "同意报送。");
        }

        var anonymous = await server.NewPageAsync(Device.Desktop);
        await anonymous.GotoAsync("/");
        await Expect(anonymous.GetByTestId("signin-submit")).ToHaveTextAsync("登录");
        await Screenshots.SaveAsync(anonymous, "signin");

        var officer = await server.SignedInPageAsync("officer", Device.Desktop);
        await Expect(officer.Locator("h1")).ToHaveTextAsync("李文静，您好");
        await Expect(officer.ManuscriptRow(RevisedTitle)).ToBeVisibleAsync();
        await Screenshots.SaveAsync(officer, "home-officer");

        await officer.OpenMenuAsync("/manuscripts/new");
        await officer.Locator("#title").FillAsync("示例街道开展“敲门行动”排查独居老人安全隐患");
        await officer.Locator("#category").SelectOptionAsync(new SelectOptionValue { Label = "工作动态" });
        await officer.Locator("#body-editor").ClickAsync();
        await officer.Keyboard.InsertTextAsync("入冬以来，示例街道组织社区网格员开展“敲门行动”，逐户走访辖区独居老人。");
        await officer.Keyboard.PressAsync("Enter");
        await officer.Keyboard.InsertTextAsync("行动中共走访独居老人56户，排查整改用电、燃气等安全隐患9处。");
        await officer.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "敲门行动.png", MimeType = "image/png", Buffer = TestImages.Png(480, 320, hue: 5) });
        await officer.GetByTestId("staged-caption").FillAsync("网格员在老人家中检查燃气管道");
        await officer.Locator("label[for=importance-important]").ClickAsync();
        await Screenshots.SaveAsync(officer, "submit-desktop");

        await officer.OpenMenuAsync("/notifications");
        await Expect(officer.Locator("[data-testid=notification][data-kind=Returned]")).ToContainTextAsync("意见：请补充整治前后的对比数据。");
        await Screenshots.SaveAsync(officer, "notifications-officer");

        var head = await server.SignedInPageAsync("head", Device.Desktop);
        await head.OpenMenuAsync("/reviews");
        await Expect(head.ManuscriptRow(WaitingTitle)).ToBeVisibleAsync();
        await Screenshots.SaveAsync(head, "inbox-head");

        var leader = await server.SignedInPageAsync("leader", Device.Desktop);
        await leader.GotoAsync($"/manuscripts/{revisedId}");
        await Expect(leader.GetByTestId("route-step").Nth(1)).ToHaveAttributeAsync("data-state", "current");
        await Expect(leader.GetByTestId("review-panel")).ToBeVisibleAsync();
        await Expect(leader.GetByTestId("diff").Locator("ins").First).ToBeVisibleAsync();
        await Expect(leader.GetByTestId("history").Locator("li[data-action=returned]")).ToContainTextAsync("请补充整治前后的对比数据。");
        await Screenshots.SaveAsync(leader, "detail-desktop");

        var office = await server.SignedInPageAsync("office", Device.Desktop);
        await office.OpenMenuAsync("/pool");
        await Expect(office.PoolRow(ApprovedTitle).GetByTestId("editorial-status")).ToHaveAttributeAsync("data-editorial", "pending");
        await Screenshots.SaveAsync(office, "pool-office");

        foreach (var name in new[] { "signin", "home-officer", "submit-desktop", "notifications-officer", "inbox-head", "detail-desktop", "pool-office" })
            new FileInfo(Screenshots.PathOf(name)).Length.ShouldBeGreaterThan(10_000);
    }

    /// <summary>报送"重要"稿件 → 单位负责人通过 → 分管领导退回 → 修改后重新报送 → 单位负责人通过，停在分管领导这一级。</summary>
    private async Task<long> PrepareRevisedManuscriptAsync()
    {
        using var officer = await server.ApiClientAsync("officer");
        using var head = await server.ApiClientAsync("head");
        using var leader = await server.ApiClientAsync("leader");
        const string first = "示例街道以党建引领物业服务，在辖区12个老旧小区推行“红色物业”。\n街道成立物业党支部，组织党员志愿者参与小区环境整治。";
        var id = await HeraldApi.SubmitAsync(officer, RevisedTitle, "important", first, TestImages.Png(480, 320, hue: 4), "志愿者清理小区楼道杂物");
        await HeraldApi.ReviewAsync(head, id, "approve", "同意。");
        await HeraldApi.ReviewAsync(leader, id, "return", "请补充整治前后的对比数据。");
        using (var form = HeraldApi.ManuscriptForm(RevisedTitle, "important", first + "\n整治后，小区物业费收缴率由58%提高到91%，居民投诉量下降七成。"))
        {
            using var response = await officer.PostAsync($"/api/v1/manuscripts/{id}/resubmit", form);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        await HeraldApi.ReviewAsync(head, id, "approve", null);
        return id;
    }
}
