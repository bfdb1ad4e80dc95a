using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Account;

/// <summary>第二因素的页面（登录第二步、首次登记、本人管理、安全管理员重置）与对应的 API。</summary>
public static class SecondFactorEndpoints
{
    public static void MapSecondFactorPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/signin/second-factor", async (HttpContext http, PendingSignIn pending, SecondFactor handler) =>
                pending.Read(http) is { } state && await handler.FindPendingAsync(state, http.RequestAborted) is not null
                    ? (IResult)Pages.Render(new SecondFactorSignInPageModel())
                    : Results.LocalRedirect("/signin"))
            .AllowAnonymous();

        pages.MapPost("/signin/second-factor", async ([FromForm] SecondFactorCodeForm form, HttpContext http, PendingSignIn pending,
                SecondFactor handler, Messages messages) =>
            {
                if (pending.Read(http) is not { } state || await handler.FindPendingAsync(state, http.RequestAborted) is not { } user)
                    return Results.LocalRedirect("/signin");
                try
                {
                    await handler.VerifyAsync(user.Id, form.Code, "web", http.RequestAborted);
                    return await FinishAsync(http, pending, user, state.ReturnUrl);
                }
                catch (AppException ex)
                {
                    return Pages.Render(new SecondFactorSignInPageModel { Error = messages.Describe(ex) }, StatusCodes.Status401Unauthorized);
                }
            })
            .AllowAnonymous();

        pages.MapGet("/signin/enrol", async (HttpContext http, PendingSignIn pending, SecondFactor handler) =>
            {
                if (pending.Read(http) is not { } state || await handler.FindPendingAsync(state, http.RequestAborted) is not { } user)
                    return Results.LocalRedirect("/signin");
                if (user.HasSecondFactor) return Results.LocalRedirect("/signin/second-factor");
                return Pages.Render(new SecondFactorSetupPageModel
                {
                    Action = "/signin/enrol", AtSignIn = true, Enrolment = handler.StartEnrolment(user),
                });
            })
            .AllowAnonymous();

        pages.MapPost("/signin/enrol", async ([FromForm] SecondFactorEnrolForm form, HttpContext http, PendingSignIn pending,
                SecondFactor handler, Messages messages) =>
            {
                if (pending.Read(http) is not { } state || await handler.FindPendingAsync(state, http.RequestAborted) is not { } user)
                    return Results.LocalRedirect("/signin");
                try
                {
                    var issued = await handler.CompleteEnrolmentAsync(user.Id, form.EnrolmentToken, form.Code, http.RequestAborted);
                    pending.End(http);
                    await CookieSignIn.SignInAsync(http, user);
                    return (IResult)Pages.Render(new SecondFactorSetupPageModel
                    {
                        Action = "/signin/enrol", AtSignIn = true, RecoveryCodes = issued.RecoveryCodes,
                        ContinueUrl = user.MustChangePassword ? "/account/password" : Pages.SafeLocal(state.ReturnUrl),
                    });
                }
                catch (AppException ex)
                {
                    return Pages.Render(new SecondFactorSetupPageModel
                    {
                        Action = "/signin/enrol", AtSignIn = true, Enrolment = handler.ResumeEnrolment(user, form.EnrolmentToken),
                        Error = messages.Describe(ex),
                    }, StatusCodes.Status400BadRequest);
                }
            })
            .AllowAnonymous();

        pages.MapGet("/account/second-factor", async (HttpContext http, CurrentUser current, SecondFactor handler, HeraldDbContext db) =>
            Pages.Render(await ManageModelAsync(http, current, handler, db, null, null)));

        pages.MapPost("/account/second-factor/enrol", async ([FromForm] SecondFactorEnrolForm form, HttpContext http, CurrentUser current,
            SecondFactor handler, HeraldDbContext db, Messages messages) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            try
            {
                var issued = await handler.CompleteEnrolmentAsync(me.Id, form.EnrolmentToken, form.Code, http.RequestAborted);
                return Pages.Render((await ManageModelAsync(http, current, handler, db, null, null)) with { RecoveryCodes = issued.RecoveryCodes });
            }
            catch (AppException ex)
            {
                return Pages.Render(await ManageModelAsync(http, current, handler, db, messages.Describe(ex), form.EnrolmentToken),
                    StatusCodes.Status400BadRequest);
            }
        });

        pages.MapPost("/account/second-factor/recovery-codes", async ([FromForm] SecondFactorCodeForm form, HttpContext http, CurrentUser current,
            SecondFactor handler, HeraldDbContext db, Messages messages) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            try
            {
                var issued = await handler.RegenerateRecoveryCodesAsync(me.Id, form.Code, http.RequestAborted);
                return Pages.Render((await ManageModelAsync(http, current, handler, db, null, null)) with { RecoveryCodes = issued.RecoveryCodes });
            }
            catch (AppException ex)
            {
                return Pages.Render(await ManageModelAsync(http, current, handler, db, messages.Describe(ex), null), StatusCodes.Status400BadRequest);
            }
        });

        pages.MapPost("/account/second-factor/disable", async ([FromForm] SecondFactorCodeForm form, HttpContext http, CurrentUser current,
            SecondFactor handler, HeraldDbContext db, Messages messages) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            try
            {
                await handler.DisableAsync(me.Id, form.Code, http.RequestAborted);
                return Results.LocalRedirect("/account/second-factor");
            }
            catch (AppException ex)
            {
                return Pages.Render(await ManageModelAsync(http, current, handler, db, messages.Describe(ex), null), StatusCodes.Status400BadRequest);
            }
        });

        pages.MapPost("/org/users/{id:long}/second-factor/reset", async (long id, HttpContext http, CurrentUser current, SecondFactor handler) =>
        {
            await handler.ResetAsync(await current.GetAsync(http.RequestAborted), id, http.RequestAborted);
            return Results.LocalRedirect($"/org/users/{id}");
        });
    }

    public static void MapSecondFactorApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me/second-factor", async Task<Ok<SecondFactorStatus>> (HttpContext http, CurrentUser current, SecondFactor handler) =>
                TypedResults.Ok(await handler.StatusAsync((await current.GetAsync(http.RequestAborted)).Id, http.RequestAborted)))
            .WithSummary("本人的第二因素状态：是否启用、角色是否要求、剩余恢复码");

        api.MapPost("/me/second-factor/enrolment", async Task<Ok<SecondFactorEnrolment>> (HttpContext http, CurrentUser current,
                SecondFactor handler, HeraldDbContext db) =>
            {
                var me = await current.GetAsync(http.RequestAborted);
                var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == me.Id, http.RequestAborted);
                if (user.HasSecondFactor) throw AppException.Conflict("SecondFactor.AlreadyEnabled");
                return TypedResults.Ok(handler.StartEnrolment(user));
            })
            .WithSummary("开始登记第二因素：返回密钥、otpauth 地址（做成二维码给验证器扫）和 enrolmentToken（20 分钟内确认）")
            .ProducesProblems(StatusCodes.Status409Conflict);

        api.MapPost("/me/second-factor/confirm", async Task<Ok<RecoveryCodesIssued>> (SecondFactorEnrolForm request, HttpContext http,
                CurrentUser current, SecondFactor handler) =>
                TypedResults.Ok(await handler.CompleteEnrolmentAsync((await current.GetAsync(http.RequestAborted)).Id, request.EnrolmentToken,
                    request.Code, http.RequestAborted)))
            .WithSummary("确认登记：{\"enrolmentToken\":\"…\",\"code\":\"123456\"}，动态码对上才启用；返回 10 个恢复码（只返回这一次）")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);

        api.MapPost("/me/second-factor/recovery-codes", async Task<Ok<RecoveryCodesIssued>> (SecondFactorCodeForm request, HttpContext http,
                CurrentUser current, SecondFactor handler) =>
                TypedResults.Ok(await handler.RegenerateRecoveryCodesAsync((await current.GetAsync(http.RequestAborted)).Id, request.Code,
                    http.RequestAborted)))
            .WithSummary("重新生成恢复码（须当前动态码 code），旧的全部作废")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);

        api.MapPost("/me/second-factor/disable", async Task<NoContent> (SecondFactorCodeForm request, HttpContext http, CurrentUser current,
                SecondFactor handler) =>
            {
                await handler.DisableAsync((await current.GetAsync(http.RequestAborted)).Id, request.Code, http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("停用本人的第二因素（须当前动态码 code；角色要求第二因素时 409）")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);

        api.MapPost("/users/{id:long}/second-factor/reset", async Task<NoContent> (long id, HttpContext http, CurrentUser current,
                SecondFactor handler) =>
            {
                await handler.ResetAsync(await current.GetAsync(http.RequestAborted), id, http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("安全管理员重置某人的第二因素（手机丢失时）；对方下次登录重新登记。不能重置自己的")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> FinishAsync(HttpContext http, PendingSignIn pending, Domain.Identity.UserAccount user, string? returnUrl)
    {
        pending.End(http);
        await CookieSignIn.SignInAsync(http, user);
        return Results.LocalRedirect(user.MustChangePassword ? "/account/password" : Pages.SafeLocal(returnUrl));
    }

    private static async Task<SecondFactorSetupPageModel> ManageModelAsync(HttpContext http, CurrentUser current, SecondFactor handler,
        HeraldDbContext db, string? error, string? enrolmentToken)
    {
        var me = await current.GetAsync(http.RequestAborted);
        var status = await handler.StatusAsync(me.Id, http.RequestAborted);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == me.Id, http.RequestAborted);
        return new SecondFactorSetupPageModel
        {
            Action = "/account/second-factor/enrol",
            Status = status,
            Enrolment = status.Enabled ? null : handler.ResumeEnrolment(user, enrolmentToken),
            Error = error,
        };
    }
}
