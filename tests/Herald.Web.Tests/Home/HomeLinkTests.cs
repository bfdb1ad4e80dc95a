using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Herald.Web.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace Herald.Web.Tests.Home;

/// <summary>首页卡片与切换语言的链接：href 解析后参数完整（不是 amp;status），跟随后筛选仍在。</summary>
public sealed class HomeLinkTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Theory]
    [InlineData("officer")]
    [InlineData("head")]
    [InlineData("office")]
    [InlineData("opinion")]
    public async Task Home_EveryLinkWithQuery_HasNoEscapedAmpersandInParameterNames(string user)
    {
        using var session = await factory.SignInAsync(user);

        var (_, document) = await session.GetPageAsync("/");

        var keys = document.QuerySelectorAll<IHtmlAnchorElement>("a[href*='?']")
            .SelectMany(a => QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), a.GetAttribute("href")!).Query).Keys)
            .ToList();
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(k => !k.Contains("amp;"));
    }

    [Theory]
    [InlineData("home-returned", "returned")]
    [InlineData("home-in-review", "in_review")]
    [InlineData("home-draft", "draft")]
    public async Task Home_MineCardFollowed_ListKeepsStatusAndMineFilter(string card, string status)
    {
        using var session = await factory.SignInAsync("officer");
        var (_, home) = await session.GetPageAsync("/");
        var href = home.QuerySelector($"[data-testid={card}]")!.GetAttribute("href")!;

        var (response, list) = await session.GetPageAsync(href);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        list.QuerySelector<IHtmlSelectElement>("select#status")!.Value.ShouldBe(status);
        list.QuerySelector<IHtmlInputElement>("input#mine")!.IsChecked.ShouldBeTrue();
    }

    [Fact]
    public async Task LanguageSwitch_OnFilteredList_ReturnsToSamePathAndQuery()
    {
        using var session = await factory.SignInAsync("officer");
        var (_, list) = await session.GetPageAsync("/manuscripts?mine=true&status=draft");
        var href = list.QuerySelectorAll<IHtmlAnchorElement>("a[href^='/culture']").Single().GetAttribute("href")!;

        var response = await session.Client.GetAsync(href);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/manuscripts?mine=true&status=draft");
    }
}
