using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Security;

/// <summary>页面上的每个 POST 都校验防伪令牌：缺少或错误时 400"页面已过期"，且什么都没改变。</summary>
public sealed class CsrfTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private const string Expired = "页面已过期，请刷新页面后重新提交。";

    private static async Task ShouldBeExpiredPageAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var document = await WebSession.ParseAsync(response);
        document.QuerySelector("[data-testid=error-message]")!.TextContent.Trim().ShouldBe(Expired);
    }

    private static MultipartFormDataContent NewManuscript(string title, string? token)
    {
        var content = new ManuscriptForm { Title = title, Action = "submit" }.ToContent();
        if (token is not null) content.Add(new StringContent(token), "__RequestVerificationToken");
        return content;
    }

    [Fact]
    public async Task SubmitForm_NoToken_400ExpiredAndNothingCreated()
    {
        using var session = await factory.SignInAsync("officer");
        var marker = ManuscriptApi.Marker();

        var response = await session.Client.PostAsync("/manuscripts/new", NewManuscript(marker, token: null));

        await ShouldBeExpiredPageAsync(response);
        var api = await factory.ApiClientAsync("officer");
        (await ManuscriptApi.ListIdsAsync(api, "q=" + marker)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SubmitForm_WrongToken_400ExpiredAndNothingCreated()
    {
        using var session = await factory.SignInAsync("officer");
        var marker = ManuscriptApi.Marker();

        var response = await session.Client.PostAsync("/manuscripts/new", NewManuscript(marker, token: "CfDJ8forged-token"));

        await ShouldBeExpiredPageAsync(response);
        var api = await factory.ApiClientAsync("officer");
        (await ManuscriptApi.ListIdsAsync(api, "q=" + marker)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SubmitForm_TokenFromAnotherUsersSession_400Expired()
    {
        using var other = await factory.SignInAsync("officer2");
        var foreignToken = await other.TokenAsync("/manuscripts/new");
        using var session = await factory.SignInAsync("officer");
        var marker = ManuscriptApi.Marker();

        var response = await session.Client.PostAsync("/manuscripts/new", NewManuscript(marker, foreignToken));

        await ShouldBeExpiredPageAsync(response);
        var api = await factory.ApiClientAsync("officer");
        (await ManuscriptApi.ListIdsAsync(api, "q=" + marker)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SubmitForm_ValidToken_Creates()
    {
        using var session = await factory.SignInAsync("officer");
        var marker = ManuscriptApi.Marker();

        var response = await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/new", new ManuscriptForm { Title = marker, Action = "submit" }.ToContent());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var api = await factory.ApiClientAsync("officer");
        (await ManuscriptApi.ListIdsAsync(api, "q=" + marker)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task SignIn_NoToken_400ExpiredAndNoSession()
    {
        using var session = factory.AnonymousSession();
        await session.GetPageAsync("/signin"); // 取得防伪 Cookie，但不带表单字段

        var response = await session.Client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "officer", ["Password"] = HeraldFactory.Password, ["ReturnUrl"] = "/",
        }));

        await ShouldBeExpiredPageAsync(response);
        (await session.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task ReviewForm_NoToken_400ExpiredAndStatusUnchanged()
    {
        var officer = await factory.ApiClientAsync("officer");
        var id = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker())).Long("id");
        using var head = await factory.SignInAsync("head");

        var response = await head.Client.PostAsync($"/manuscripts/{id}/review", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Decision"] = "approve",
        }));

        await ShouldBeExpiredPageAsync(response);
        (await ManuscriptApi.GetOkAsync(officer, id)).Str("status").ShouldBe("in_review");
    }
}
