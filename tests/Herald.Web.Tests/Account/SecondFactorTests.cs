using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Tests.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Web.Tests.Account;

/// <summary>
/// 议题 9 第 12 项：第二因素（TOTP）。本类用产品的默认配置（三员必须使用）：三员首次登录先登记，之后登录要动态码，
/// 取 API 令牌要 totp；动态码不能重放，恢复码只能用一次，输错计入锁定；其他角色可自愿启用、停用；安全管理员可重置别人的。
/// </summary>
public sealed class SecondFactorTests(SecondFactorTests.Factory factory) : IClassFixture<SecondFactorTests.Factory>
{
    public sealed class Factory : HeraldFactory
    {
        public Factory()
        {
            Settings[SecondFactorRolesKey] = null; // 不覆盖：appsettings 的默认 sys_admin,sec_admin,auditor
            Settings["Herald:RateLimits:Enabled"] = "false";
        }
    }

    private TotpCodes Totp => factory.Services.GetRequiredService<TotpCodes>();

    [Fact]
    public async Task SysAdmin_FirstSignIn_MustEnrolBeforeAnything_ThenIn()
    {
        var id = await AddGlobalUserAsync("tf.sysadmin", Role.SysAdmin);
        using var session = factory.AnonymousSession();

        var signIn = await PasswordAsync(session, "tf.sysadmin");
        var before = await session.Client.GetAsync("/org/users");
        var (page, document) = await session.GetPageAsync("/signin/enrol");
        var secret = document.QuerySelector("[data-testid=enrol-secret]")!.TextContent.Trim();
        var token = ((IHtmlInputElement)document.QuerySelector("input[name=EnrolmentToken]")!).Value;
        var wrong = await session.PostFormAsync("/signin/enrol", "/signin/enrol", new() { ["EnrolmentToken"] = token, ["Code"] = "000000" });
        var stillOut = await session.Client.GetAsync("/org/users");
        var enrolled = await session.PostFormAsync("/signin/enrol", "/signin/enrol", new() { ["EnrolmentToken"] = token, ["Code"] = Totp.Compute(secret) });
        var codes = (await WebSession.ParseAsync(enrolled)).QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent).ToList();

        signIn.Headers.Location!.OriginalString.ShouldBe("/signin/enrol");
        before.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        before.Headers.Location!.OriginalString.ShouldContain("/signin");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("[data-testid=enrol-qr] svg").ShouldNotBeNull();
        secret.Length.ShouldBe(32);
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await WebSession.ParseAsync(wrong)).Body!.TextContent.ShouldContain("动态码不正确");
        stillOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        enrolled.StatusCode.ShouldBe(HttpStatusCode.OK);
        codes.Count.ShouldBe(10);
        codes.ShouldAllBe(c => c.Length == 9 && c[4] == '-');
        (await session.Client.GetAsync("/org/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.AuditActionsAsync("User", id)).ShouldContain("second_factor.enable");
        (await factory.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TotpSecret).SingleAsync()))!
            .ShouldNotContain(secret, Case.Insensitive, "the secret is stored encrypted");
    }

    [Fact]
    public async Task Enrolled_SignIn_NeedsCode_NoReplay_RecoveryCodeOnce()
    {
        await factory.AddUserAsync("tf.user", "动态码用户", "幸福社区", Role.Correspondent);
        var (secret, codes) = await EnrolByApiAsync("tf.user");
        factory.Clock.Advance(TimeSpan.FromSeconds(30));

        using var first = factory.AnonymousSession();
        var step = await PasswordAsync(first, "tf.user");
        var blocked = await first.Client.GetAsync("/manuscripts");
        var wrong = await first.PostFormAsync("/signin/second-factor", "/signin/second-factor", new() { ["Code"] = "123456" });
        var code = Totp.Compute(secret);
        var right = await first.PostFormAsync("/signin/second-factor", "/signin/second-factor", new() { ["Code"] = code });

        using var replay = factory.AnonymousSession();
        await PasswordAsync(replay, "tf.user");
        var replayed = await replay.PostFormAsync("/signin/second-factor", "/signin/second-factor", new() { ["Code"] = code });
        var recovered = await replay.PostFormAsync("/signin/second-factor", "/signin/second-factor", new() { ["Code"] = codes[0].ToLowerInvariant() });

        using var again = factory.AnonymousSession();
        await PasswordAsync(again, "tf.user");
        var reused = await again.PostFormAsync("/signin/second-factor", "/signin/second-factor", new() { ["Code"] = codes[0] });

        step.Headers.Location!.OriginalString.ShouldBe("/signin/second-factor");
        blocked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await WebSession.ParseAsync(wrong)).Body!.TextContent.ShouldContain("动态码或恢复码不正确");
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        right.Headers.Location!.OriginalString.ShouldBe("/");
        (await first.Client.GetAsync("/manuscripts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        replayed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        recovered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await factory.QueryAsync(db => db.RecoveryCodes.CountAsync(r => r.UsedAt != null))).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Token_RequiredRole_EnrolFirstThenTotpField()
    {
        using var anonymous = factory.CreateClient();

        await AddGlobalUserAsync("tf.auditor", Role.Auditor);
        var notEnrolled = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "tf.auditor", password = HeraldFactory.Password });
        using (var session = factory.AnonymousSession())
            await EnrolAtSignInAsync(session, "tf.auditor");
        var secret = await SecretOfAsync("tf.auditor");
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var missing = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "tf.auditor", password = HeraldFactory.Password });
        var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "tf.auditor", password = HeraldFactory.Password, totp = "000000" });
        var right = await anonymous.PostAsJsonAsync("/api/v1/auth/token",
            new { userName = "tf.auditor", password = HeraldFactory.Password, totp = Totp.Compute(secret) });

        await notEnrolled.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "SignIn.SecondFactorEnrolmentRequired");
        await missing.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "SignIn.SecondFactorRequired");
        await wrong.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "SignIn.SecondFactorInvalid");
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Office_NotRequired_SignsInWithPassword_MayEnrolAndDisable()
    {
        using var session = factory.AnonymousSession();
        var signIn = await PasswordAsync(session, "office");
        using var client = await factory.ApiClientAsync("office");

        var before = await (await client.GetAsync("/api/v1/me/second-factor")).ReadJsonAsync();
        var secret = await EnrolWithClientAsync(client);
        var during = await (await client.GetAsync("/api/v1/me/second-factor")).ReadJsonAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var wrongDisable = await client.PostAsJsonAsync("/api/v1/me/second-factor/disable", new { code = "000000" });
        var disabled = await client.PostAsJsonAsync("/api/v1/me/second-factor/disable", new { code = Totp.Compute(secret) });
        var after = await (await client.GetAsync("/api/v1/me/second-factor")).ReadJsonAsync();

        signIn.Headers.Location!.OriginalString.ShouldBe("/");
        before.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        before.GetProperty("required").GetBoolean().ShouldBeFalse();
        during.GetProperty("enabled").GetBoolean().ShouldBeTrue();
        during.GetProperty("recoveryCodesLeft").GetInt32().ShouldBe(10);
        await wrongDisable.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "SecondFactor.InvalidCode");
        disabled.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        after.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        (await factory.QueryAsync(db => db.RecoveryCodes.CountAsync(r => r.UserId == db.Users.Single(u => u.UserName == "office").Id))).ShouldBe(0);
    }

    [Fact]
    public async Task RequiredRole_Disable_409()
    {
        var holder = await HolderOfAsync(Role.SecAdmin);
        using var session = factory.AnonymousSession();
        var secret = await EnrolAtSignInAsync(session, holder, allowAlreadyEnrolled: true);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));

        var disable = await session.PostFormAsync("/account/second-factor", "/account/second-factor/disable", new() { ["Code"] = Totp.Compute(secret) });

        disable.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await WebSession.ParseAsync(disable)).Body!.TextContent.ShouldContain("你的角色要求使用第二因素，不能停用。");
        (await factory.QueryAsync(db => db.Users.Where(u => u.UserName == holder).Select(u => u.TotpEnabledAt).SingleAsync())).ShouldNotBeNull();
    }

    [Fact]
    public async Task Reset_BySecAdminForOthers_NotSelf_NotByOthers()
    {
        await factory.AddUserAsync("tf.lost", "丢手机", "幸福社区", Role.Correspondent);
        await EnrolByApiAsync("tf.lost");
        var lostId = await factory.UserIdAsync("tf.lost");
        var secAdmin = await HolderOfAsync(Role.SecAdmin);
        var secAdminId = await factory.UserIdAsync(secAdmin);
        using var session = factory.AnonymousSession();
        await EnrolAtSignInAsync(session, secAdmin, allowAlreadyEnrolled: true);
        using var office = await factory.ApiClientAsync("office");

        var (_, detail) = await session.GetPageAsync($"/org/users/{lostId}");
        var byOffice = await office.PostAsync($"/api/v1/users/{lostId}/second-factor/reset", null);
        var own = await session.PostFormAsync("/account/second-factor", $"/org/users/{secAdminId}/second-factor/reset", new());
        var reset = await session.PostFormAsync("/account/second-factor", $"/org/users/{lostId}/second-factor/reset", new());

        detail.QuerySelector("[data-testid=reset-second-factor]").ShouldNotBeNull();
        await byOffice.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Forbidden");
        own.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.QueryAsync(db => db.Users.Where(u => u.Id == lostId).Select(u => u.TotpEnabledAt).SingleAsync())).ShouldBeNull();
        (await factory.QueryAsync(db => db.Users.Where(u => u.Id == secAdminId).Select(u => u.TotpEnabledAt).SingleAsync())).ShouldNotBeNull();
        (await factory.AuditActionsAsync("User", lostId)).ShouldContain("second_factor.reset");
    }

    [Fact]
    public async Task WrongCodes_CountTowardLockout_Audited()
    {
        var id = await factory.AddUserAsync("tf.guess", "猜动态码", "幸福社区", Role.Correspondent);
        var (secret, _) = await EnrolByApiAsync("tf.guess");
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        using var session = factory.AnonymousSession();
        await PasswordAsync(session, "tf.guess");

        for (var i = 0; i < 5; i++)
            (await session.PostFormAsync("/signin/second-factor", "/signin/second-factor", new() { ["Code"] = $"99999{i}" }))
                .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var afterLock = await session.PostFormAsync("/signin/second-factor", "/signin/second-factor", new() { ["Code"] = Totp.Compute(secret) });

        afterLock.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var actions = await factory.AuditActionsAsync("User", id);
        actions.Count(a => a == "signin.second_factor_failed").ShouldBe(5);
        actions.ShouldContain("signin.lockout");
        actions.ShouldNotContain("signin.second_factor");
    }

    private static async Task<HttpResponseMessage> PasswordAsync(WebSession session, string userName)
    {
        var response = await session.PostFormAsync("/signin", "/signin",
            new() { ["UserName"] = userName, ["Password"] = HeraldFactory.Password, ["ReturnUrl"] = "/" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response;
    }

    /// <summary>网页登录并在登录时完成登记，返回密钥。</summary>
    private async Task<string> EnrolAtSignInAsync(WebSession session, string userName, bool allowAlreadyEnrolled = false)
    {
        var signIn = await PasswordAsync(session, userName);
        if (allowAlreadyEnrolled && signIn.Headers.Location!.OriginalString == "/signin/second-factor")
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(30));
            var secretOf = await SecretOfAsync(userName);
            await session.PostFormAsync("/signin/second-factor", "/signin/second-factor", new() { ["Code"] = Totp.Compute(secretOf) });
            return secretOf;
        }
        var (_, document) = await session.GetPageAsync("/signin/enrol");
        var secret = document.QuerySelector("[data-testid=enrol-secret]")!.TextContent.Trim();
        var token = ((IHtmlInputElement)document.QuerySelector("input[name=EnrolmentToken]")!).Value;
        (await session.PostFormAsync("/signin/enrol", "/signin/enrol", new() { ["EnrolmentToken"] = token, ["Code"] = Totp.Compute(secret) }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        return secret;
    }

    private async Task<(string Secret, IReadOnlyList<string> Codes)> EnrolByApiAsync(string userName)
    {
        using var client = await factory.ApiClientAsync(userName);
        var enrolment = await (await client.PostAsync("/api/v1/me/second-factor/enrolment", null)).ReadJsonAsync();
        var secret = enrolment.GetProperty("secret").GetString()!;
        var confirm = await client.PostAsJsonAsync("/api/v1/me/second-factor/confirm",
            new { enrolmentToken = enrolment.GetProperty("enrolmentToken").GetString(), code = Totp.Compute(secret) });
        confirm.StatusCode.ShouldBe(HttpStatusCode.OK);
        var codes = (await confirm.ReadJsonAsync()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        return (secret, codes);
    }

    private async Task<string> EnrolWithClientAsync(HttpClient client)
    {
        var enrolment = await (await client.PostAsync("/api/v1/me/second-factor/enrolment", null)).ReadJsonAsync();
        var secret = enrolment.GetProperty("secret").GetString()!;
        enrolment.GetProperty("otpAuthUri").GetString()!.ShouldStartWith("otpauth://totp/");
        (await client.PostAsJsonAsync("/api/v1/me/second-factor/confirm",
            new { enrolmentToken = enrolment.GetProperty("enrolmentToken").GetString(), code = Totp.Compute(secret) })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return secret;
    }

    private async Task<string> SecretOfAsync(string userName)
    {
        var protectedSecret = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.TotpSecret).SingleAsync());
        return Totp.Unprotect(protectedSecret!);
    }

    /// <summary>直接在库里加一个三员账号（不经过角色分配的规则：这里只检验第二因素）。</summary>
    private async Task<long> AddGlobalUserAsync(string userName, Role role)
    {
        var hashing = factory.Services.GetRequiredService<PasswordHashing>();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var id = await factory.QueryAsync(async db =>
        {
            var user = Herald.Domain.Identity.UserAccount.Create(userName, userName, null, hashing.Hash(HeraldFactory.Password), false, now);
            db.Users.Add(user);
            await db.SaveChangesAsync();
            db.RoleAssignments.Add(RoleAssignment.Create(user.Id, role, null, now));
            await db.SaveChangesAsync();
            return user.Id;
        });
        factory.Services.GetRequiredService<OrgDirectory>().Invalidate();
        return id;
    }

    /// <summary>演示组织里持有某个三员角色的账号（不依赖账号名）。</summary>
    private Task<string> HolderOfAsync(Role role) =>
        factory.QueryAsync(db => db.RoleAssignments.Where(r => r.Role == role)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => u.UserName).OrderBy(n => n).FirstAsync());
}
