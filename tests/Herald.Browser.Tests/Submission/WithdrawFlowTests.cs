using Herald.Browser.Tests.Support;

namespace Herald.Browser.Tests.Submission;

/// <summary>撤回：作者在详情页确认撤回，稿件回到草稿，时间线留下“撤回”，可修改后再报送。</summary>
public sealed class WithdrawFlowTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    [Fact]
    public async Task Withdraw_AuthorConfirms_DraftWithTimelineEntryThenResubmitted()
    {
        const string title = "社区开展冬季防火宣传";
        long id;
        using (var officerApi = await server.ApiClientAsync("officer"))
            id = await HeraldApi.SubmitAsync(officerApi, title, "routine", "社区网格员入户发放防火宣传资料。");
        var page = await server.SignedInPageAsync("officer", Device.Desktop);
        var confirms = new List<string>();
        page.Dialog += async (_, dialog) => { confirms.Add(dialog.Message); await dialog.AcceptAsync(); };
        await page.GotoAsync($"/manuscripts/{id}");

        await page.GetByTestId("withdraw-manuscript").ClickAsync();

        await Expect(page.GetByTestId("manuscript-detail")).ToHaveAttributeAsync("data-status", "draft");
        confirms.ShouldBe(["撤回后稿件回到草稿，可修改后重新报送。确定撤回吗？"]);
        await Expect(page.GetByText("稿件已撤回，回到草稿。可修改后重新报送。")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("withdraw-manuscript")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("history")).ToContainTextAsync("撤回");

        await page.GetByTestId("edit-manuscript").ClickAsync();
        await page.GetByTestId("submit-manuscript").ClickAsync();
        await Expect(page.GetByTestId("manuscript-detail")).ToHaveAttributeAsync("data-status", "in_review");
    }
}
