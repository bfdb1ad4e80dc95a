using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Writing;

/// <summary>报送页：“检查”显示命中；点“报送”时先检查——有命中且作者还没看过就先显示，不改再点报送照常报送。</summary>
public sealed class SubmitTextCheckTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private static ManuscriptForm Form(string marker, string body) =>
        new() { Title = marker, Body = body, Action = "submit" };

    [Fact]
    public async Task CheckButton_WrongForm_PanelListsSuggestionAndHighlightsInPlace()
    {
        using var session = await factory.SignInAsync("officer");
        var fields = new Dictionary<string, string> { ["title"] = "学习二十大精神", ["bodyHtml"] = "<p>传达十九届四中全会精神。</p>" };

        var response = await session.PostFormAsync("/manuscripts/new", "/manuscripts/text-check", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await WebSession.ParseAsync(response);
        html.QuerySelectorAll("[data-testid=text-check-error]").Select(e => e.TextContent.Trim()).ShouldBe([
            "标题：“二十大”应为“党的二十大”（简称前须加“党的”，全称为中国共产党第二十次全国代表大会）",
            "正文：“十九届四中全会”应为“党的十九届四中全会”（党的全会首次出现写全称，前加“党的”）",
        ]);
        html.QuerySelectorAll("[data-testid=hit]").Select(m => m.TextContent).ShouldBe(["二十大", "十九届四中全会"]);
    }

    [Fact]
    public async Task CheckButton_CleanText_SaysNothingFound()
    {
        using var session = await factory.SignInAsync("officer");

        var response = await session.PostFormAsync("/manuscripts/new", "/manuscripts/text-check",
            new Dictionary<string, string> { ["title"] = "学习党的二十大精神", ["bodyHtml"] = "<p>社区开展消防演练。</p>" });

        (await WebSession.ParseAsync(response)).QuerySelector("[data-testid=text-check-clean]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Submit_TextWithWrongForm_ShownFirstThenSubmittedWhenPressedAgainUnchanged()
    {
        using var session = await factory.SignInAsync("officer");
        var marker = ManuscriptApi.Marker();

        var first = await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/new", Form(marker, "会议传达了二十大精神。").ToContent());

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await WebSession.ParseAsync(first);
        page.QuerySelector("[data-testid=text-check-error]")!.TextContent.ShouldContain("“二十大”应为“党的二十大”");
        page.QuerySelector("#title")!.GetAttribute("value").ShouldBe(marker);
        (await ManuscriptApi.ListIdsAsync(await factory.ApiClientAsync("officer"), "q=" + marker)).ShouldBeEmpty();

        var again = Form(marker, "会议传达了二十大精神。");
        again.Extra.Add(new("textChecked", page.QuerySelector("input[name=textChecked]")!.GetAttribute("value")!));
        var second = await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/new", again.ToContent());

        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ManuscriptApi.ListIdsAsync(await factory.ApiClientAsync("officer"), "q=" + marker)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Submit_TextChangedAfterCheckButStillWrong_ShownAgain()
    {
        using var session = await factory.SignInAsync("officer");
        var marker = ManuscriptApi.Marker();
        var first = await WebSession.ParseAsync(await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/new",
            Form(marker, "会议传达了二十大精神。").ToContent()));
        var changed = Form(marker, "会议传达了二十大精神，部署十四五计划。");
        changed.Extra.Add(new("textChecked", first.QuerySelector("input[name=textChecked]")!.GetAttribute("value")!));

        var second = await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/new", changed.ToContent());

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WebSession.ParseAsync(second)).QuerySelectorAll("[data-testid=text-check-error]").Count.ShouldBe(2);
    }

    [Fact]
    public async Task Submit_CleanText_SubmittedAtOnce()
    {
        using var session = await factory.SignInAsync("officer");

        var response = await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/new", Form(ManuscriptApi.Marker(), "社区开展消防演练。").ToContent());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
