using System.Globalization;
using System.Text.RegularExpressions;

namespace Herald.Browser.Tests.Support;

/// <summary>像用户一样操作页面：登录、用侧边菜单（手机上先点导航栏的菜单按钮）、打开列表中的稿件、审核。</summary>
public static partial class PageActions
{
    /// <summary>在登录页（不在时先打开）输入用户名和口令并登录，等到页头出现用户菜单。</summary>
    public static async Task SignInAsync(this IPage page, string userName, string password = HeraldServer.Password)
    {
        if (!page.Url.Contains("/signin", StringComparison.Ordinal))
            await page.GotoAsync("/signin");
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(password);
        await page.GetByTestId("signin-submit").ClickAsync();
        await Expect(page.GetByTestId("user-menu")).ToBeVisibleAsync();
    }

    /// <summary>点侧边菜单中的一项。手机上菜单是 offcanvas：先点导航栏左侧的菜单按钮把它滑出来。</summary>
    public static async Task OpenMenuAsync(this IPage page, string href, Func<Task>? whileMenuShown = null)
    {
        var link = page.Locator($"#sidebar a.nav-link[href='{href}']");
        if (page.ViewportSize is { Width: < 992 })
        {
            await page.Locator("header button.navbar-toggler[aria-controls=sidebar]").ClickAsync();
            await Expect(page.Locator("#sidebar")).ToHaveClassAsync(new Regex(@"\bshow\b"));
            await Expect(link).ToBeInViewportAsync();
            if (whileMenuShown is not null) await whileMenuShown();
        }
        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(href) + @"(\?.*)?$"));
    }

    /// <summary>稿件列表（待我审核、采编池、稿件）中标题为 title 的那一行。</summary>
    public static ILocator ManuscriptRow(this IPage page, string title) =>
        page.GetByTestId("manuscript-list").Locator("a.manuscript-row", new() { Has = page.Locator(".manuscript-title", new() { HasTextString = title }) });

    /// <summary>从"待我审核"打开稿件，填写意见并作出决定，回到"待我审核"看到完成提示。</summary>
    public static async Task ReviewFromInboxAsync(this IPage page, string title, string decision, string? comment = null,
        Func<IPage, Task>? beforeDecision = null)
    {
        await page.OpenMenuAsync("/reviews");
        await Expect(page.Locator("h1")).ToHaveTextAsync("待我审核");
        await page.ManuscriptRow(title).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        var panel = page.GetByTestId("review-panel");
        await Expect(panel).ToBeVisibleAsync();
        if (beforeDecision is not null) await beforeDecision(page);
        var id = ManuscriptId(page);
        if (comment is not null) await panel.Locator("#comment").FillAsync(comment);
        await panel.GetByTestId("review-" + decision).ClickAsync();
        var done = decision switch
        {
            "approve" => $"已审核通过稿件 #{id}。",
            "return" => $"已将稿件 #{id} 退回修改。",
            "reject" => $"已将稿件 #{id} 标记为不予采用。",
            _ => throw new ArgumentOutOfRangeException(nameof(decision)),
        };
        await Expect(page.GetByTestId("alert-success")).ToHaveTextAsync(done);
    }

    /// <summary>采编池中标题为 title 的那一行（含宣传办的发布、不采用表单）。</summary>
    public static ILocator PoolRow(this IPage page, string title) =>
        page.GetByTestId("pool-row").Filter(new() { Has = page.Locator(".manuscript-title", new() { HasTextString = title }) });

    /// <summary>页面不能左右滚动（手机上表格只在自己的容器里滚动）。</summary>
    public static async Task ExpectNoHorizontalScrollAsync(this IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, $"{page.Url} scrolls sideways on a {page.ViewportSize?.Width}px wide screen");
    }

    /// <summary>点击下载链接，返回浏览器给出的文件名和文件内容。</summary>
    public static async Task<(string FileName, byte[] Content)> DownloadAsync(this IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var failure = await download.FailureAsync();
        if (failure is not null) throw new ShouldAssertException($"download of {download.Url} failed: {failure}");
        await using var stream = await download.CreateReadStreamAsync();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return (download.SuggestedFilename, buffer.ToArray());
    }

    /// <summary>文字颜色与它实际所在的背景（元素自身或最近的不透明祖先的背景色）不同：防止白字落在白底上。</summary>
    public static async Task ExpectLegibleAsync(this ILocator element)
    {
        var colors = await element.EvaluateAsync<string[]>("""
            el => {
              const color = getComputedStyle(el).color;
              let node = el, background = 'rgba(0, 0, 0, 0)';
              while (node && (background === 'rgba(0, 0, 0, 0)' || background === 'transparent')) {
                background = getComputedStyle(node).backgroundColor;
                node = node.parentElement;
              }
              return [color, background];
            }
            """);
        colors[0].ShouldNotBe(colors[1], $"text \"{await element.InnerTextAsync()}\" has the colour of its background");
    }

    /// <summary>元素中的文字排成几行（中文在窄列里会逐字折行）。</summary>
    public static Task<int> TextLinesAsync(this ILocator element) =>
        element.EvaluateAsync<int>("""
            el => {
              const range = document.createRange();
              range.selectNodeContents(el);
              return new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top))).size;
            }
            """);

    /// <summary>统计报表的两张 ECharts 图都画出来、动画结束（最多再等 3 秒）。</summary>
    public static async Task WaitForReportChartsAsync(this IPage page)
    {
        await Expect(page.Locator("#chart-trend canvas")).ToBeVisibleAsync();
        await Expect(page.Locator("#chart-levels canvas")).ToBeVisibleAsync();
        await page.EvaluateAsync("""
            () => Promise.all(['chart-trend', 'chart-levels'].map(id => new Promise(done => {
              const chart = window.echarts.getInstanceByDom(document.getElementById(id));
              if (!chart) return done();
              chart.on('finished', done);
              setTimeout(done, 3000);
            })))
            """);
    }

    /// <summary>当前稿件详情页地址中的稿件编号。</summary>
    public static long ManuscriptId(this IPage page)
    {
        var match = ManuscriptPath().Match(new Uri(page.Url).AbsolutePath);
        if (!match.Success) throw new InvalidOperationException($"not on a manuscript page: {page.Url}");
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>正文编辑器末尾另起一段输入 text（与用户在编辑器里打字一样触发 input 事件）。</summary>
    public static async Task AppendParagraphAsync(this IPage page, string text)
    {
        var editor = page.Locator("#body-editor");
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.InsertTextAsync(text);
        await Expect(editor).ToContainTextAsync(text);
    }

    [GeneratedRegex(@"^/manuscripts/(\d+)")]
    private static partial Regex ManuscriptPath();
}
