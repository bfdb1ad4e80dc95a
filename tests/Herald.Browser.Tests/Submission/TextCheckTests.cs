using Herald.Browser.Tests.Support;

namespace Herald.Browser.Tests.Submission;

/// <summary>报送前的文字检查：作者点“检查”看到不规范写法并在原文中标出，改正后再检查无问题，报送。</summary>
public sealed class TextCheckTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    [Fact]
    public async Task Check_AuthorFixesWrongForm_CleanThenSubmitted()
    {
        const string title = "街道传达学习会议精神";
        var page = await server.SignedInPageAsync("officer", Device.Desktop);
        await page.OpenMenuAsync("/manuscripts/new");
        await page.Locator("#title").FillAsync(title);
        await page.Locator("#category").SelectOptionAsync(new SelectOptionValue { Label = "工作动态" });
        await page.Locator("#body-editor").ClickAsync();
        await page.Keyboard.InsertTextAsync("12月5日，街道党工委传达学习二十大精神。");

        await page.GetByTestId("check-text").ClickAsync();

        var panel = page.GetByTestId("text-check");
        await Expect(panel.GetByTestId("text-check-error")).ToContainTextAsync("“二十大”应为“党的二十大”");
        await Expect(panel.GetByTestId("hit")).ToHaveTextAsync("二十大");

        await page.Locator("#body-editor").FillAsync("12月5日，街道党工委传达学习党的二十大精神。");
        await page.GetByTestId("check-text").ClickAsync();
        await Expect(page.GetByTestId("text-check-clean")).ToBeVisibleAsync();

        await page.GetByTestId("submit-manuscript").ClickAsync();
        await Expect(page.GetByTestId("manuscript-detail")).ToHaveAttributeAsync("data-status", "in_review");
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
    }

    [Fact]
    public async Task Submit_WrongFormNotChecked_ShownFirstThenSubmittedOnSecondPress()
    {
        const string title = "社区部署十四五计划宣传工作";
        var page = await server.SignedInPageAsync("officer", Device.Desktop);
        await page.OpenMenuAsync("/manuscripts/new");
        await page.Locator("#title").FillAsync(title);
        await page.Locator("#category").SelectOptionAsync(new SelectOptionValue { Label = "工作动态" });
        await page.Locator("#body-editor").ClickAsync();
        await page.Keyboard.InsertTextAsync("社区召开会议，部署宣传工作。");

        await page.GetByTestId("submit-manuscript").ClickAsync();

        await Expect(page.GetByTestId("text-check-error")).ToContainTextAsync("“十四五计划”应为“\u201c十四五\u201d规划”");
        await page.GetByTestId("submit-manuscript").ClickAsync();
        await Expect(page.GetByTestId("manuscript-detail")).ToHaveAttributeAsync("data-status", "in_review");
    }
}
