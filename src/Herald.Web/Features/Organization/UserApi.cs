using Herald.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Web.Features.Organization;

/// <summary>POST /api/v1/users 的请求体。role 可选（挂在所属单位上；三员角色为全局）。</summary>
public sealed record UserCreateRequest(string? UserName, string? DisplayName, string? Phone, string? Email, long? UnitId, string? Role);

/// <summary>PUT /api/v1/users/{id} 的请求体：整体替换姓名、手机、邮箱和所属单位（省略的项被清空）。</summary>
public sealed record UserUpdateRequest(string? DisplayName, string? Phone, string? Email, long? UnitId);

/// <summary>POST /api/v1/users/{id}/roles 的请求体。</summary>
public sealed record RoleRequest(string? Role, long? UnitId);

/// <summary>账号与角色的 API：与账号管理页（/org/users）共用同样的处理器，只有系统管理员、安全管理员可以调用。</summary>
public static class UserApi
{
    private const string Manage = "只有系统管理员、安全管理员可以调用（否则 403）。";
    private const string Separation = "三员分立：管理员角色与其他任何角色互斥（409 Role.AdminExclusive），不能改自己的角色或账号状态（409）；" +
                                      "管理员角色的授予、收回记为待审批申请（202，见 /api/v1/role-requests），由申请人和当事人以外的安全管理员批准后生效。";
    private const string Roles = "role：sys_admin|sec_admin|auditor（三员，全局，不挂单位）或 office|correspondent|unit_head|supervising_leader|principal|viewer|opinion_officer（须挂单位）。";

    public static void MapUserApi(this RouteGroupBuilder api)
    {
        api.MapGet("/users", async Task<Ok<PagedResult<UserListItem>>> ([AsParameters] UserQuery query, HttpContext http, ListUsers list) =>
                TypedResults.Ok(await list.HandleAsync(query, http.RequestAborted)))
            .WithSummary("账号列表（q 按姓名或用户名，unitId 含下级单位，role、state 筛选，sort/dir 排序，分页）")
            .WithDescription("state：active|disabled|locked|must_change；sort：userName（默认）|displayName|unit|lastSignInAt，dir：asc|desc。" + Manage)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/users/export.xlsx", UserEndpoints.ExportUsersAsync)
            .WithSummary("导出账号列表（Excel）：与列表相同的筛选和排序，全部行")
            .WithDescription("参数同 GET /api/v1/users（不分页）。角色、状态为中文名称；不含任何凭据。流式写出，超过 500000 行 400 Export.TooManyRows。" + Manage)
            .Produces(StatusCodes.Status200OK, contentType: Infrastructure.Spreadsheets.XlsxWriter.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/users/{id:long}", async Task<Ok<UserDetail>> (long id, HttpContext http, GetUser get) =>
                TypedResults.Ok(await get.HandleAsync(id, http.RequestAborted)))
            .WithSummary("账号详情：资料、角色（含分管单位）、锁定与停用状态、关联的信息员备案")
            .WithDescription(Manage)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapPost("/users", async Task<Created<IssuedPassword>> (UserCreateRequest request, HttpContext http, CreateUser create) =>
            {
                var issued = await create.HandleAsync(
                    new UserInput(request.UserName, request.DisplayName, request.Phone, request.Email, request.UnitId, request.Role), http.RequestAborted);
                NoStore(http);
                return TypedResults.Created($"/api/v1/users/{issued.UserId}", issued);
            })
            .WithSummary("新建账号（返回只出现这一次的初始口令）")
            .WithDescription("{\"userName\":\"zhangsan\",\"displayName\":\"张三\",\"phone\":\"…\",\"email\":\"…\",\"unitId\":3,\"role\":\"correspondent\"}。" +
                             "响应中的 password 是随机初始口令，不再保存明文，首次登录必须修改。" + Roles + Manage)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);

        api.MapPut("/users/{id:long}", async Task<Ok<UserDetail>> (long id, UserUpdateRequest request, HttpContext http, UpdateUserProfile update, GetUser get) =>
            {
                await update.HandleAsync(id, new UserInput(null, request.DisplayName, request.Phone, request.Email, request.UnitId), http.RequestAborted);
                return TypedResults.Ok(await get.HandleAsync(id, http.RequestAborted));
            })
            .WithSummary("修改账号资料（姓名、手机、邮箱、所属单位）")
            .WithDescription("{\"displayName\":\"张三\",\"phone\":\"…\",\"email\":\"…\",\"unitId\":3}：整体替换，省略的项被清空。用户名不可改。" + Manage)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapPost("/users/{id:long}/roles", async Task<Results<Ok<UserDetail>, Accepted<AdminRoleRequestDto>>> (long id, RoleRequest request,
                HttpContext http, AssignRole assign, GetUser get) =>
            {
                var pending = await assign.HandleAsync(id, new RoleInput(request.Role, request.UnitId), http.RequestAborted);
                return pending is null
                    ? TypedResults.Ok(await get.HandleAsync(id, http.RequestAborted))
                    : TypedResults.Accepted($"/api/v1/role-requests/{pending.Id}", pending);
            })
            .WithSummary("授予角色（管理员角色为待审批申请，202）")
            .WithDescription("{\"role\":\"supervising_leader\",\"unitId\":5}：分管领导所挂的单位就是其分管单位。已有同样的角色时 409。" + Roles +
                             Separation + Manage)
            .ProducesCommandProblems();

        api.MapDelete("/users/{id:long}/roles/{assignmentId:long}", async Task<Results<Ok<UserDetail>, Accepted<AdminRoleRequestDto>>> (long id,
                long assignmentId, HttpContext http, RemoveRole remove, GetUser get) =>
            {
                var pending = await remove.HandleAsync(id, assignmentId, http.RequestAborted);
                return pending is null
                    ? TypedResults.Ok(await get.HandleAsync(id, http.RequestAborted))
                    : TypedResults.Accepted($"/api/v1/role-requests/{pending.Id}", pending);
            })
            .WithSummary("收回角色（assignmentId 为账号详情 roles 中的一项；管理员角色为待审批申请，202）")
            .WithDescription("不能收回自己的角色（409 User.CannotChangeOwnAccount）；某管理员角色最后一位在用的持有人不能收回（409 Role.LastAdministrator）。" +
                             Separation + Manage)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        api.MapPost("/users/{id:long}/disable", (long id, HttpContext http, SetUserDisabled set, GetUser get) =>
                RunAsync(id, http, get, () => set.HandleAsync(id, true, http.RequestAborted)))
            .WithSummary("停用账号（网页会话立即失效，API 令牌全部撤销；角色保留）")
            .WithDescription("不能停用自己（409）；某管理员角色最后一位在用的持有人不能停用（409 Role.LastAdministrator）。" + Manage)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        api.MapPost("/users/{id:long}/enable", (long id, HttpContext http, SetUserDisabled set, GetUser get) =>
                RunAsync(id, http, get, () => set.HandleAsync(id, false, http.RequestAborted)))
            .WithSummary("重新启用账号")
            .WithDescription("不能启用自己（409）。" + Manage)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        api.MapPost("/users/{id:long}/unlock", (long id, HttpContext http, UnlockUser unlock, GetUser get) =>
                RunAsync(id, http, get, () => unlock.HandleAsync(id, http.RequestAborted)))
            .WithSummary("解除登录失败造成的锁定（口令不变）")
            .WithDescription("不能解锁自己（409）。" + Manage)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        api.MapPost("/users/{id:long}/reset-password", async Task<Ok<IssuedPassword>> (long id, HttpContext http, ResetPassword reset) =>
            {
                var issued = await reset.HandleAsync(id, http.RequestAborted);
                NoStore(http);
                return TypedResults.Ok(issued);
            })
            .WithSummary("重置口令（返回只出现这一次的新口令）")
            .WithDescription("新口令下次登录必须修改；同时解除锁定、使网页会话失效并撤销此人的全部 API 令牌。不能重置自己的口令（409，请用修改口令）。" + Manage)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<UserDetail>> RunAsync(long id, HttpContext http, GetUser get, Func<Task> action)
    {
        await action();
        return TypedResults.Ok(await get.HandleAsync(id, http.RequestAborted));
    }

    /// <summary>口令只出现在这一次的响应里，不让任何缓存留下。</summary>
    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";
}
