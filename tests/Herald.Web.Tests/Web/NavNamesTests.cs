using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Web;

/// <summary>侧栏菜单的名称与打开的页面标题一致（菜单写"关键词库"、页面写"词表"时，用户以为走错了地方）。</summary>
public sealed class NavNamesTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Theory]
    [InlineData("office")]
    [InlineData("admin")]
    [InlineData("opinion")]
    [InlineData("head")]
    public async Task Sidebar_EveryMenuItem_NamedAsThePageItOpens(string user)
    {
        using var session = await factory.SignInAsync(user);
        var (_, home) = await session.GetPageAsync("/");
        var items = home.QuerySelectorAll("nav a.nav-link[href^='/']")
            .Select(a => (Href: a.GetAttribute("href")!, Text: a.QuerySelector("span")?.TextContent.Trim() ?? ""))
            .Where(i => i.Href != "/")
            .Distinct()
            .ToList();

        var mismatches = new List<string>();
        foreach (var (href, text) in items)
        {
            var (_, page) = await session.GetPageAsync(href);
            var title = page.QuerySelector("h1")?.TextContent.Trim() ?? "";
            if (!title.StartsWith(text, StringComparison.Ordinal) && !text.StartsWith(title, StringComparison.Ordinal))
                mismatches.Add($"{href}: 菜单“{text}” 页面“{title}”");
        }

        items.ShouldNotBeEmpty();
        mismatches.ShouldBeEmpty();
    }
}
