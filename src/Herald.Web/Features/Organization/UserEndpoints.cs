using Herald.Domain.Organization;
using Herald.Web.Features.Common;
using Herald.Web.Features.Common.Tables;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Web.Features.Organization;

/// <summary>账号列表页的数据。</summary>
public sealed record UsersPageModel(UserQuery Query, PagedResult<UserListItem> Result, TableSort Sort, OrgTree Tree) : IPageModel<UsersPage>;

public static class UserEndpoints
{
    /// <summary>导出账号列表（页面与 API 共用）：与列表相同的筛选和排序，全部行。</summary>
    public static async Task<IResult> ExportUsersAsync([AsParameters] UserQuery query, HttpContext http, ListUsers list, Messages messages, Clock clock) =>
        ListExport.Xlsx(messages["Export.Users"], clock.UtcNow, UserExport.Columns(messages), await list.ExportAsync(query, http.RequestAborted));

    public static void MapUserPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/org/users", async ([AsParameters] UserQuery query, HttpContext http, ListUsers list, CurrentUser current) =>
            Pages.Render(new UsersPageModel(query, await list.HandleAsync(query, http.RequestAborted), ListUsers.SortOf(query),
                await current.ManagerTreeAsync(http.RequestAborted))));

        pages.MapGet("/org/users/export.xlsx", ExportUsersAsync);

        pages.MapGet("/org/users/new", async (long? unitId, HttpContext http, CurrentUser current) =>
            Pages.Render(new UserFormPageModel
            {
                Tree = await current.ManagerTreeAsync(http.RequestAborted),
                Form = new UserForm { UnitId = unitId?.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            }));

        pages.MapPost("/org/users/new", async ([FromForm] UserForm form, HttpContext http, CreateUser create, CurrentUser current) =>
        {
            return await FormPost.RunAsync(http, async () =>
                {
                    var issued = await create.HandleAsync(form.ToInput(), http.RequestAborted);
                    return PasswordPage(http, issued);
                },
                async failure => Pages.Render(new UserFormPageModel
                {
                    Tree = await current.ManagerTreeAsync(http.RequestAborted),
                    Form = form,
                    Error = failure.Message,
                }, StatusCodes.Status400BadRequest));
        });

        pages.MapGet("/org/users/{id:long}", async (long id, string? notice, HttpContext http, GetUser get, CurrentUser current) =>
            Pages.Render(new UserDetailPageModel
            {
                User = await get.HandleAsync(id, http.RequestAborted),
                Tree = await current.ManagerTreeAsync(http.RequestAborted),
                Notice = notice,
            }));

        pages.MapPost("/org/users/{id:long}/profile", (long id, [FromForm] UserForm form, HttpContext http, UpdateUserProfile update,
                GetUser get, CurrentUser current) =>
            RunAsync(id, http, get, current, "saved", () => update.HandleAsync(id, form.ToInput(), http.RequestAborted), form));

        pages.MapPost("/org/users/{id:long}/roles", (long id, [FromForm] RoleForm form, HttpContext http, AssignRole assign,
                GetUser get, CurrentUser current) =>
            RunAsync(id, http, get, current, async () =>
                await assign.HandleAsync(id, form.ToInput(), http.RequestAborted) is null ? "role-added" : "role-requested"));

        pages.MapPost("/org/users/{id:long}/roles/{assignmentId:long}/remove", (long id, long assignmentId, HttpContext http, RemoveRole remove,
                GetUser get, CurrentUser current) =>
            RunAsync(id, http, get, current, async () =>
                await remove.HandleAsync(id, assignmentId, http.RequestAborted) is null ? "role-removed" : "role-requested"));

        pages.MapPost("/org/users/{id:long}/disable", (long id, HttpContext http, SetUserDisabled set, GetUser get, CurrentUser current) =>
            RunAsync(id, http, get, current, "disabled", () => set.HandleAsync(id, true, http.RequestAborted)));

        pages.MapPost("/org/users/{id:long}/enable", (long id, HttpContext http, SetUserDisabled set, GetUser get, CurrentUser current) =>
            RunAsync(id, http, get, current, "enabled", () => set.HandleAsync(id, false, http.RequestAborted)));

        pages.MapPost("/org/users/{id:long}/unlock", (long id, HttpContext http, UnlockUser unlock, GetUser get, CurrentUser current) =>
            RunAsync(id, http, get, current, "unlocked", () => unlock.HandleAsync(id, http.RequestAborted)));

        pages.MapPost("/org/users/{id:long}/reset-password", async (long id, HttpContext http, ResetPassword reset, GetUser get,
            CurrentUser current) =>
        {
            return await FormPost.RunAsync(http, async () =>
                {
                    return PasswordPage(http, await reset.HandleAsync(id, http.RequestAborted));
                },
                async failure => await DetailWithErrorAsync(id, http, get, current, failure.Message, null));
        });
    }

    /// <summary>口令只出现在这一次的响应里：不跳转（不进地址栏、不进历史），也不让浏览器缓存。</summary>
    private static IResult PasswordPage(HttpContext http, IssuedPassword issued)
    {
        http.Response.Headers.CacheControl = "no-store";
        return Pages.Render(new PasswordIssuedPageModel { Issued = issued });
    }

    private static Task<IResult> RunAsync(long id, HttpContext http, GetUser get, CurrentUser current,
        string notice, Func<Task> action, UserForm? form = null) =>
        RunAsync(id, http, get, current, async () =>
        {
            await action();
            return notice;
        }, form);

    /// <summary><paramref name="action"/> 返回成功后显示的提示（Users.Notice.*）。</summary>
    private static async Task<IResult> RunAsync(long id, HttpContext http, GetUser get, CurrentUser current,
        Func<Task<string>> action, UserForm? form = null)
    {
        return await FormPost.RunAsync(http, async () =>
            {
                var notice = await action();
                return $"/org/users/{id}?notice={notice}";
            },
            async failure => await DetailWithErrorAsync(id, http, get, current, failure.Message, form));
    }

    private static async Task<IResult> DetailWithErrorAsync(long id, HttpContext http, GetUser get, CurrentUser current, string error, UserForm? form) =>
        Pages.Render(new UserDetailPageModel
        {
            User = await get.HandleAsync(id, http.RequestAborted),
            Tree = await current.ManagerTreeAsync(http.RequestAborted),
            Error = error,
            Form = form,
        }, StatusCodes.Status400BadRequest);
}
