using System.Text.RegularExpressions;
using Herald.Browser.Tests.Support;

namespace Herald.Browser.Tests.Submission;

/// <summary>报送页（桌面）：直接输入正文并上传 PNG 图片。不依赖 .docx 导入。</summary>
public sealed class SubmitFormTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    [Fact]
    public async Task Submit_PhotoWithoutCaption_ShowsChineseErrorAndKeepsPhoto()
    {
        const string title = "党政办开展消防安全应急演练";
        const string caption = "工作人员演示灭火器的正确使用方法";
        var page = await server.SignedInPageAsync("officer", Device.Desktop);
        await page.OpenMenuAsync("/manuscripts/new");
        await page.Locator("#title").FillAsync(title);
        await page.Locator("#category").SelectOptionAsync(new SelectOptionValue { Label = "工作动态" });
        await TypeBodyAsync(page, "11月19日下午，示例街道党政办公室组织机关干部开展消防安全应急演练。");
        await page.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "演练现场.png", MimeType = "image/png", Buffer = TestImages.Png(320, 240, hue: 1) });
        await Expect(page.GetByTestId("photo-item")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("staged-caption")).ToHaveValueAsync("");

        await page.GetByTestId("submit-manuscript").ClickAsync();

        var errors = page.GetByTestId("form-errors");
        await Expect(errors).ToContainTextAsync("请修改以下问题后再提交：");
        await Expect(errors).ToContainTextAsync("图片“演练现场.png”缺少图片说明。");
        // 图片仍在（已暂存，不必重新上传），说明框标红；填写的内容都还在。
        var photo = page.GetByTestId("photo-item");
        await Expect(photo).ToHaveCountAsync(1);
        await Expect(photo.Locator("img")).ToHaveJSPropertyAsync("naturalWidth", 320);
        var captionInput = page.GetByTestId("staged-caption");
        await Expect(captionInput).ToHaveClassAsync(new Regex(@"\bis-invalid\b"));
        await Expect(page.Locator("#title")).ToHaveValueAsync(title);
        await Expect(page.Locator("#body-editor")).ToContainTextAsync("消防安全应急演练");

        await captionInput.FillAsync(caption);
        await page.GetByTestId("submit-manuscript").ClickAsync();

        await Expect(page.GetByTestId("manuscript-detail")).ToHaveAttributeAsync("data-status", "in_review");
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(page.GetByTestId("photos").Locator("figcaption")).ToHaveTextAsync(caption);
    }

    [Fact]
    public async Task Submit_DoubleClickOnSubmit_CreatesOneManuscript()
    {
        const string title = "街道召开“双报到”工作推进会";
        var page = await server.SignedInPageAsync("officer", Device.Desktop);
        await page.OpenMenuAsync("/manuscripts/new");
        await page.Locator("#title").FillAsync(title);
        await page.Locator("#category").SelectOptionAsync(new SelectOptionValue { Label = "工作动态" });
        await TypeBodyAsync(page, "会议通报了机关党员到社区报到服务情况，部署下一阶段重点工作。");
        await page.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "会议.png", MimeType = "image/png", Buffer = TestImages.Png(320, 240, hue: 2) });
        await page.GetByTestId("staged-caption").FillAsync("推进会现场");

        await page.GetByTestId("submit-manuscript").DblClickAsync();

        await Expect(page.GetByTestId("manuscript-detail")).ToHaveAttributeAsync("data-status", "in_review");
        await page.GotoAsync("/manuscripts?mine=true&q=" + Uri.EscapeDataString("双报到"));
        await Expect(page.ManuscriptRow(title)).ToHaveCountAsync(1);
    }

    private static async Task TypeBodyAsync(IPage page, string text)
    {
        await page.Locator("#body-editor").ClickAsync();
        await page.Keyboard.InsertTextAsync(text);
    }
}
