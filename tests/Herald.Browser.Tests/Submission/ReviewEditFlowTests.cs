using Herald.Browser.Tests.Support;

namespace Herald.Browser.Tests.Submission;

/// <summary>审改：审核人在详情页点“审改”，在同一个编辑器里改正文（先看文字检查结果），保存后回到详情页；作者看到署审核人名字的改动。</summary>
public sealed class ReviewEditFlowTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    [Fact]
    public async Task ReviewEdit_ReviewerEditsInEditor_AuthorSeesMarkedDiffInVersionHistory()
    {
        const string title = "街道召开理论学习中心组会议";
        long id;
        using (var officerApi = await server.ApiClientAsync("officer"))
            id = await HeraldApi.SubmitAsync(officerApi, title, "routine", "12月5日，街道召开理论学习中心组会议。\n会议要求各社区抓好落实。");
        var head = await server.SignedInPageAsync("head", Device.Desktop);
        await head.GotoAsync($"/manuscripts/{id}");

        await head.GetByTestId("review-edit").ClickAsync();
        await Expect(head.GetByTestId("review-edit-scope")).ToContainTextAsync("图片、图片说明和 Word 原件保持不变");
        await head.Locator("#body-editor").FillAsync("12月5日，街道召开理论学习中心组会议，传达学习二十大精神。会议要求各社区抓好落实。");
        await head.GetByTestId("save-review-edit").ClickAsync();
        // 与报送一样，先看文字检查的结果；改正后再保存。
        await Expect(head.GetByTestId("text-check-error")).ToContainTextAsync("“二十大”应为“党的二十大”");
        await Expect(head.GetByTestId("text-check")).ToContainTextAsync("直接再点“保存审改”即可");
        await Screenshots.SaveAsync(head, "review-edit-head");
        await head.Locator("#body-editor").FillAsync("12月5日，街道召开理论学习中心组会议，传达学习党的二十大精神。会议要求各社区抓好落实。");
        await head.GetByTestId("save-review-edit").ClickAsync();

        await Expect(head.GetByTestId("manuscript-detail")).ToHaveAttributeAsync("data-status", "in_review");
        await Expect(head.GetByText("审改已保存为第 2 版")).ToBeVisibleAsync();

        var officer = await server.SignedInPageAsync("officer", Device.Desktop);
        await officer.GotoAsync($"/manuscripts/{id}");
        await Expect(officer.GetByTestId("diff-author")).ToContainTextAsync("审改");
        await Expect(officer.GetByTestId("diff").Locator("ins").First).ToContainTextAsync("传达学习党的二十大精神");
        await Expect(officer.GetByTestId("history")).ToContainTextAsync("审改");
        await officer.GetByTestId("versions-link").ClickAsync();
        await Expect(officer.Locator("[data-testid=version-row][data-number='2']")).ToHaveAttributeAsync("data-review-edit", "true");
        await Expect(officer.GetByTestId("review-edit-badge")).ToHaveTextAsync("审改");
        await Expect(officer.GetByTestId("diff").Locator("ins").First).ToContainTextAsync("传达学习党的二十大精神");
        await Screenshots.SaveAsync(officer, "review-edit-versions");
    }
}
