using System.Text.RegularExpressions;
using Herald.Browser.Tests.Support;

namespace Herald.Browser.Tests.Flows;

/// <summary>
/// 手机上（390×844）上报舆情：信息员从菜单打开"上报舆情"，整页不能左右滚动，每个输入框都在屏幕宽度内，
/// 填完后"提交上报"按钮看得见、整个在屏幕里、点得到；用手机拍的 JPEG 截图上报成功，信息页也不左右滚动。
/// </summary>
public sealed class OpinionPhoneLayoutTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    private const string Title = "和平路菜市场门口占道经营 早高峰交通拥堵";
    private const string Content = "有网友在抖音发视频称，和平路菜市场门口每天早上摊贩占道经营，早高峰车辆排队二十多分钟，学生上学经常迟到。视频点赞3000余次。";

    [Fact]
    public async Task ReportPage_OnPhone_FitsTheScreenAndSubmits()
    {
        var officer = await server.SignedInPageAsync("officer", Device.Phone);
        await officer.OpenMenuAsync("/opinion/report");
        await Expect(officer.Locator("h1")).ToHaveTextAsync("上报舆情");
        await officer.ExpectNoHorizontalScrollAsync();

        var form = officer.GetByTestId("opinion-report-form");
        var widths = await form.Locator("input:not([type=hidden]), select, textarea").EvaluateAllAsync<int[]>(
            "els => els.map(e => Math.ceil(e.getBoundingClientRect().right))");
        widths.Length.ShouldBe(8); // 平台、来源、链接、标题、内容、作者、发布时间、截图
        widths.ShouldAllBe(right => right <= Device.Phone.Width);

        await form.Locator("#platform").SelectOptionAsync("抖音");
        await form.Locator("#source").FillAsync("抖音号“济宁身边事”");
        await form.Locator("#url").FillAsync("https://douyin.example.invalid/video/7301");
        await form.Locator("#title").FillAsync(Title);
        await form.Locator("#content").FillAsync(Content);
        var photo = await TestImages.JpegAsync(officer, 1080, 1920);
        await form.Locator("#screenshots").SetInputFilesAsync(new FilePayload { Name = "视频截图.jpg", MimeType = "image/jpeg", Buffer = photo });

        var submit = officer.GetByTestId("opinion-report-submit");
        await Expect(submit).ToBeVisibleAsync();
        await Expect(submit).ToHaveTextAsync("提交上报");
        await submit.ScrollIntoViewIfNeededAsync();
        await Expect(submit).ToBeInViewportAsync(new() { Ratio = 1 });
        // 按钮在手机上占满一行（d-grid），拇指够得着。
        var box = (await submit.BoundingBoxAsync())!;
        box.Width.ShouldBeGreaterThan(Device.Phone.Width * 0.8f);
        box.Height.ShouldBeGreaterThanOrEqualTo(36);
        await officer.ExpectNoHorizontalScrollAsync();
        await Screenshots.SaveAsync(officer, "opinion-report-phone");

        await submit.TapAsync();
        await Expect(officer).ToHaveURLAsync(new Regex(@"/opinion/items/\d+\?notice=reported$"));
        await Expect(officer.GetByTestId("alert-success")).ToHaveTextAsync("已上报，谢谢！");
        await Expect(officer.Locator("h1")).ToHaveTextAsync(Title);
        var image = officer.GetByTestId("opinion-screenshots").Locator("img");
        await Expect(image).ToHaveAttributeAsync("alt", "视频截图.jpg");
        (await image.EvaluateAsync<int>("async img => { await img.decode(); return img.naturalWidth; }")).ShouldBe(1080);
        await officer.ExpectNoHorizontalScrollAsync();
    }
}
