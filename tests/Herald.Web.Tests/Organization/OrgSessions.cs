using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Organization;

/// <summary>管理员建一个新账号（可带一个角色），新账号登录并改掉初始口令后可用的会话。</summary>
internal static class OrgSessions
{
    public const string NewPassword = "Changed#2026pass";

    public static async Task<WebSession> NewUserSessionAsync(this HeraldFactory factory, WebSession admin, string userName,
        string role, long unitId)
    {
        var created = await admin.PostFormAsync("/org/users/new", "/org/users/new", new()
        {
            ["UserName"] = userName, ["DisplayName"] = userName, ["UnitId"] = unitId.ToString(), ["Role"] = role,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var password = OrgTestData.Parse(await created.Content.ReadAsStringAsync())
            .QuerySelector("[data-testid=password-value]")!.TextContent.Trim();

        var session = factory.AnonymousSession();
        (await session.PostFormAsync("/signin", "/signin", new() { ["UserName"] = userName, ["Password"] = password, ["ReturnUrl"] = "/" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var changed = await session.PostFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = password, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        return session;
    }
}
