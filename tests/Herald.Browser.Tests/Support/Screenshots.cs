namespace Herald.Browser.Tests.Support;

/// <summary>把页面整页截图存到仓库的 docs/screenshots/（文档里用的就是这些图）。</summary>
public static class Screenshots
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Herald.slnx"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException($"Herald.slnx not found above {AppContext.BaseDirectory}");
        var folder = Path.Combine(dir.FullName, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    });

    public static string PathOf(string name) => Path.Combine(Folder.Value, name + ".png");

    /// <summary>只截当前窗口（如手机上滑出的菜单）。</summary>
    public static async Task SaveViewportAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PathOf(name), Animations = ScreenshotAnimations.Disabled });
    }

    /// <summary>等字体和图片（含延迟加载的）都就绪后整页截图。</summary>
    public static async Task SaveAsync(IPage page, string name)
    {
        await page.EvaluateAsync("""
            async () => {
              await document.fonts.ready;
              const images = Array.from(document.images);
              images.forEach(img => { img.loading = 'eager'; });
              await Promise.all(images.map(img => img.complete ? null : new Promise(done => {
                img.addEventListener('load', done, { once: true });
                img.addEventListener('error', done, { once: true });
              })));
              // 整页截图按文档坐标拼接：页面滚动过时，固定在顶部的导航栏会出现在中间。
              window.scrollTo(0, 0);
              if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
            }
            """);
        // 窗口先拉到整页高度再截：手机上贴底的操作栏（position: sticky）才会在页面底部，而不是悬在中间。
        var viewport = page.ViewportSize ?? throw new InvalidOperationException("page has no viewport");
        var height = await page.EvaluateAsync<int>("() => Math.ceil(document.documentElement.scrollHeight)");
        if (height > viewport.Height) await page.SetViewportSizeAsync(viewport.Width, height);
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = PathOf(name), FullPage = true, Animations = ScreenshotAnimations.Disabled });
        }
        finally
        {
            if (height > viewport.Height) await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        }
    }
}
