using System.Net;
using System.Text.RegularExpressions;
using Herald.Web.Tests.Support;
using static Herald.Web.Tests.Publishing.PublishingApi;

namespace Herald.Web.Tests.Publishing;

/// <summary>稿件页的发布记录一行读得通："编辑：周敏 · 链接"，而不是粘在一起的"编辑：周敏链接"。</summary>
public sealed class PublicationLineTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task DetailPage_PublicationWithLink_EditorAndLinkSeparated()
    {
        var id = await factory.ApprovedAsync();
        var office = await factory.ApiClientAsync("office");
        (await PublishAsync(office, id, await factory.ChannelIdAsync(StreetWebsite), "https://street.example.invalid/n/9")).Status.ShouldBe(HttpStatusCode.Created);
        using var session = await factory.SignInAsync("officer");

        var (_, page) = await session.GetPageAsync($"/manuscripts/{id}");

        var text = Regex.Replace(page.QuerySelector("[data-testid=publication]")!.TextContent, @"\s+", " ").Trim();
        text.ShouldEndWith("编辑：周敏 · 链接");
    }
}
