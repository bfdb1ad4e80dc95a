using Herald.Domain.Organization;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Web.Features.Organization;

/// <summary>管理员角色变更申请页的数据：可否审批（安全管理员）、提示与错误。</summary>
public sealed record RoleRequestsPageModel(IReadOnlyList<AdminRoleRequestDto> Requests, bool CanDecide, string? Notice = null, string? Error = null)
    : IPageModel<RoleRequestsPage>;

/// <summary>POST /api/v1/role-requests/{id}/reject 的请求体。</summary>
public sealed record RoleRequestRejection(string? Reason);

public sealed class RoleRequestForm
{
    public string? Reason { get; set; }
}

/// <summary>三员分立的审批：页面 /org/role-requests 与 /api/v1/role-requests 共用同样的处理器。</summary>
public static class RoleRequestEndpoints
{
    private const string Decide = "只有安全管理员可以审批（否则 403），且不能审批自己提出的或关于自己的申请（403）；已处理的申请 409 AdminRequest.NotPending。";

    public static void MapRoleRequestPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/org/role-requests", async (string? notice, HttpContext http, ListAdminRoleRequests list, CurrentUser current) =>
            Pages.Render(await ModelAsync(list, current, http, notice, null)));

        pages.MapPost("/org/role-requests/{id:long}/approve", (long id, HttpContext http, DecideAdminRoleRequest decide,
                ListAdminRoleRequests list, CurrentUser current) =>
            FormPost.RunAsync(http, async () =>
                {
                    await decide.ApproveAsync(id, http.RequestAborted);
                    return "/org/role-requests?notice=approved";
                },
                async failure => Pages.Render(await ModelAsync(list, current, http, null, failure.Message), failure.Status)));

        pages.MapPost("/org/role-requests/{id:long}/reject", (long id, [FromForm] RoleRequestForm form, HttpContext http,
                DecideAdminRoleRequest decide, ListAdminRoleRequests list, CurrentUser current) =>
            FormPost.RunAsync(http, async () =>
                {
                    await decide.RejectAsync(id, form.Reason, http.RequestAborted);
                    return "/org/role-requests?notice=rejected";
                },
                async failure => Pages.Render(await ModelAsync(list, current, http, null, failure.Message), failure.Status)));
    }

    public static void MapRoleRequestApi(this RouteGroupBuilder api)
    {
        api.MapGet("/role-requests", async Task<Ok<IReadOnlyList<AdminRoleRequestDto>>> (HttpContext http, ListAdminRoleRequests list) =>
                TypedResults.Ok(await list.HandleAsync(http.RequestAborted)))
            .WithSummary("管理员角色变更申请：待审批的全部，加最近处理过的 100 项")
            .WithDescription("change：grant|revoke；status：pending|approved|rejected（statusName 为中文）。系统管理员、安全管理员可以调用（否则 403）。")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/role-requests/{id:long}/approve", async Task<NoContent> (long id, HttpContext http, DecideAdminRoleRequest decide) =>
            {
                await decide.ApproveAsync(id, http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("批准管理员角色变更申请（立即生效）")
            .WithDescription("批准时再检查一次三员分立（409 Role.AdminExclusive）和最后一位管理员（409 Role.LastAdministrator）。" + Decide)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        api.MapPost("/role-requests/{id:long}/reject", async Task<NoContent> (long id, RoleRequestRejection? body, HttpContext http,
                DecideAdminRoleRequest decide) =>
            {
                await decide.RejectAsync(id, body?.Reason, http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("驳回管理员角色变更申请")
            .WithDescription("{\"reason\":\"…\"}（可选，至多 200 字）。" + Decide)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict);
    }

    private static async Task<RoleRequestsPageModel> ModelAsync(ListAdminRoleRequests list, CurrentUser current, HttpContext http,
        string? notice, string? error)
    {
        var requests = await list.HandleAsync(http.RequestAborted);
        var me = await current.GetAsync(http.RequestAborted);
        return new RoleRequestsPageModel(requests, me.Has(Role.SecAdmin), notice, error);
    }
}
