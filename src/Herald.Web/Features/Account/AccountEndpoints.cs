using Herald.Domain.Organization;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.RateLimits;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/signin", (string? returnUrl, int? expired, HttpContext http) =>
                http.User.Identity?.IsAuthenticated == true && expired is null
                    ? (IResult)Results.LocalRedirect(Pages.SafeLocal(returnUrl))
                    : Pages.Render(new SignInPageModel { ReturnUrl = returnUrl, Expired = expired == 1 }))
            .AllowAnonymous();

        pages.MapPost("/signin", async ([FromForm] SignInForm form, HttpContext http, PasswordSignIn signIn, SecondFactor secondFactor,
                PendingSignIn pending, Messages messages) =>
            {
                try
                {
                    var user = await signIn.HandleAsync(form.UserName, form.Password, "web", http.RequestAborted);
                    switch (await secondFactor.NextStepAsync(user, http.RequestAborted))
                    {
                        case SecondFactorStep.Verify:
                            pending.Begin(http, user, form.ReturnUrl);
                            return Results.LocalRedirect("/signin/second-factor");
                        case SecondFactorStep.Enrol:
                            pending.Begin(http, user, form.ReturnUrl);
                            return Results.LocalRedirect("/signin/enrol");
                    }
                    await CookieSignIn.SignInAsync(http, user);
                    return Results.LocalRedirect(user.MustChangePassword ? "/account/password" : Pages.SafeLocal(form.ReturnUrl));
                }
                catch (AppException ex)
                {
                    RateLimitServices.SetRetryAfter(http, ex);
                    return Pages.Render(new SignInPageModel { Form = form, ReturnUrl = form.ReturnUrl, Error = messages.Describe(ex) },
                        ex.Kind switch
                        {
                            ProblemKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
                            ProblemKind.Validation => StatusCodes.Status400BadRequest,
                            _ => StatusCodes.Status401Unauthorized,
                        });
                }
            })
            .AllowAnonymous();

        pages.MapPost("/signout", async (HttpContext http, Infrastructure.Audit.AuditLog audit, HeraldDbContext db) =>
        {
            audit.Add("signout", "User");
            await db.SaveChangesAsync(http.RequestAborted);
            await CookieSignIn.SignOutAsync(http);
            return Results.LocalRedirect("/signin");
        });

        pages.MapGet("/account/password", (HttpContext http) =>
            Pages.Render(new ChangePasswordPageModel { Forced = http.User.FindFirst(HeraldClaims.MustChangePassword)?.Value == "1" }));

        pages.MapPost("/account/password", async ([FromForm] ChangePasswordForm form, HttpContext http, CurrentUser current,
            ChangePassword handler, Messages messages) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            try
            {
                var user = await handler.HandleAsync(me.Id, form.CurrentPassword, form.NewPassword, form.ConfirmPassword, http.RequestAborted);
                await CookieSignIn.SignInAsync(http, user);
                return (IResult)Pages.Render(new ChangePasswordPageModel { Done = true });
            }
            catch (AppException ex)
            {
                return Pages.Render(new ChangePasswordPageModel
                {
                    Forced = http.User.FindFirst(HeraldClaims.MustChangePassword)?.Value == "1",
                    Error = messages.Describe(ex),
                    ErrorField = ex.Field,
                }, StatusCodes.Status400BadRequest);
            }
        }).WithPasswordChangeLimit();

        pages.MapGet("/account/tokens", async (HttpContext http, CurrentUser current, ApiTokens tokens) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            return Pages.Render(new TokensPageModel { Tokens = await tokens.ListAsync(me.Id, http.RequestAborted) });
        });

        pages.MapPost("/account/tokens", async ([FromForm] NewTokenForm form, HttpContext http, CurrentUser current,
            ApiTokens tokens, HeraldDbContext db) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            var user = await db.Users.FirstAsync(u => u.Id == me.Id, http.RequestAborted);
            var issued = await tokens.IssueAsync(user, form.Name, http.RequestAborted);
            return Pages.Render(new TokensPageModel { Tokens = await tokens.ListAsync(me.Id, http.RequestAborted), NewToken = issued });
        });

        pages.MapPost("/account/tokens/{id:long}/revoke", async (long id, HttpContext http, CurrentUser current, ApiTokens tokens) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            await tokens.RevokeAsync(me.Id, id, http.RequestAborted);
            return Results.LocalRedirect("/account/tokens");
        });

        pages.MapGet("/culture", (string? c, string? r, HttpContext http) =>
        {
            if (r is not null && Pages.HasControlCharacters(r)) throw AppException.Invalid("r", "BadRequest");
            var culture = WebServices.Cultures.FirstOrDefault(x => x.Name == c)?.Name ?? "zh-CN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true,
                    Secure = http.Request.IsHttps });
            return Results.LocalRedirect(Pages.SafeLocal(r));
        }).AllowAnonymous();
    }

    public static void MapAccountApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> (TokenRequest request,
                HttpContext http, PasswordSignIn signIn, SecondFactor secondFactor, ApiTokens tokens) =>
            {
                var user = await signIn.HandleAsync(request.UserName, request.Password, "api", http.RequestAborted);
                switch (await secondFactor.NextStepAsync(user, http.RequestAborted))
                {
                    case SecondFactorStep.Verify:
                        await secondFactor.VerifyAsync(user.Id, request.Totp, "api", http.RequestAborted);
                        break;
                    case SecondFactorStep.Enrol:
                        throw AppException.Forbidden("SignIn.SecondFactorEnrolmentRequired");
                }
                return TypedResults.Ok(await tokens.IssueAsync(user, request.Name, http.RequestAborted));
            })
            .AllowAnonymous()
            .WithSummary("用户名和口令（及第二因素动态码 totp）换取访问令牌")
            .WithDescription("返回不透明的 accessToken（只返回这一次）和过期时间。连续失败 5 次账号锁定 15 分钟；同一地址失败过多时 429（带 Retry-After）。" +
                             "启用了第二因素（或角色要求）的账号须带 totp（6 位动态码），缺少或不对时 401；角色要求但尚未登记时 403。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden,
                StatusCodes.Status429TooManyRequests);

        api.MapDelete("/auth/token", async (HttpContext http, CurrentUser current, ApiTokens tokens) =>
            {
                var me = await current.GetAsync(http.RequestAborted);
                var tokenId = long.Parse(http.User.FindFirst(HeraldClaims.TokenId)!.Value, System.Globalization.CultureInfo.InvariantCulture);
                await tokens.RevokeAsync(me.Id, tokenId, http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("撤销当前使用的访问令牌");

        api.MapGet("/me", async Task<Ok<MeResponse>> (HttpContext http, CurrentUser current, HeraldDbContext db) =>
            {
                var me = await current.GetAsync(http.RequestAborted);
                var unitId = await db.Users.Where(u => u.Id == me.Id).Select(u => u.UnitId).FirstOrDefaultAsync(http.RequestAborted);
                var assignments = me.Assignments
                    .Select(a => new AssignmentDto(a.Role.Code(), a.UnitId, a.UnitId is { } id ? me.Tree.Find(id)?.Name : null))
                    .ToList();
                return TypedResults.Ok(new MeResponse(me.UserName, me.DisplayName,
                    assignments.Select(a => a.Role).Distinct().ToList(), unitId, assignments));
            })
            .WithSummary("当前用户：用户名、姓名、角色、所属单位");

        api.MapPost("/me/password", async Task<NoContent> (ChangePasswordForm request, HttpContext http, CurrentUser current, ChangePassword handler) =>
            {
                var me = await current.GetAsync(http.RequestAborted);
                await handler.HandleAsync(me.Id, request.CurrentPassword, request.NewPassword, request.ConfirmPassword ?? request.NewPassword,
                    http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithPasswordChangeLimit()
            .WithSummary("修改本人口令")
            .WithDescription("{\"currentPassword\":\"…\",\"newPassword\":\"…\"}（可带 confirmPassword，须与 newPassword 一致）。新口令须满足口令策略、不能与原口令相同；" +
                             "原口令不对时 400（errors.currentPassword）。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests);

        api.MapGet("/me/tokens", async Task<Ok<IReadOnlyList<TokenSummary>>> (HttpContext http, CurrentUser current, ApiTokens tokens) =>
            {
                var me = await current.GetAsync(http.RequestAborted);
                return TypedResults.Ok(await tokens.ListAsync(me.Id, http.RequestAborted));
            })
            .WithSummary("本人的访问令牌（最近 100 个；不含令牌明文）");

        api.MapDelete("/me/tokens/{id:long}", async Task<NoContent> (long id, HttpContext http, CurrentUser current, ApiTokens tokens) =>
            {
                var me = await current.GetAsync(http.RequestAborted);
                await tokens.RevokeAsync(me.Id, id, http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("撤销本人的一个访问令牌（别人的令牌 404）")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
