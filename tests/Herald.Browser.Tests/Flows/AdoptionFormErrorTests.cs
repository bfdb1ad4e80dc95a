using Herald.Browser.Tests.Support;

namespace Herald.Browser.Tests.Flows;

/// <summary>
/// 申报用稿的表单出错（没选媒体）：重新显示的页面停在展开的表单和错误说明处（以前错误在页首 1600 像素以下、表单收起），
/// 已选的截图保留；选好媒体再提交即可，不必重新选择文件。
/// </summary>
public sealed class AdoptionFormErrorTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    [Fact]
    public async Task ClaimForm_MissingOutlet_ErrorScrolledIntoViewProofKeptThenClaimed()
    {
        var id = await HeraldApi.SubmitApprovedAsync(await server.ApiClientAsync("officer"), await server.ApiClientAsync("head"),
            "街道开展冬季消防安全检查", "街道组织安监、消防力量对辖区沿街商铺开展冬季消防安全检查。");
        var page = await server.SignedInPageAsync("officer", Device.Desktop);
        await page.GotoAsync($"/manuscripts/{id}");
        var toggle = page.GetByTestId("adoption-form-toggle");
        await toggle.Locator("summary").ClickAsync();
        await toggle.Locator("input[name=proof]").SetInputFilesAsync(new FilePayload { Name = "三版截图.png", MimeType = "image/png", Buffer = TestImages.Png(64, 48, hue: 2) });

        await page.GetByTestId("adoption-submit").ClickAsync();

        var error = page.Locator("#adoption-entry [data-testid=alert-danger]");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToBeInViewportAsync();
        await Expect(page.GetByTestId("adoption-form").GetByTestId("staged-proof")).ToContainTextAsync("三版截图.png");

        await page.Locator("#outletId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByTestId("adoption-submit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("notice=adoption-claimed"));
        await Expect(page.GetByTestId("adoption-proof")).ToHaveCountAsync(1);
    }
}
