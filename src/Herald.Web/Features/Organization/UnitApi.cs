using Herald.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Web.Features.Organization;

/// <summary>POST /api/v1/units 的请求体。type：agency|street|department|community|affiliate|society。</summary>
public sealed record UnitRequest(string? Name, string? Type, long? ParentId);

/// <summary>PUT /api/v1/units/{id} 的请求体：改名、改类型（type 省略时不变）。</summary>
public sealed record UnitUpdateRequest(string? Name, string? Type);

/// <summary>POST /api/v1/units/{id}/move 的请求体：parentId 为 null 时成为顶级单位。</summary>
public sealed record UnitMoveRequest(long? ParentId);

/// <summary>单位的 API：与组织管理页（/org/units）共用同样的处理器，只有系统管理员、安全管理员可以修改。</summary>
public static class UnitApi
{
    private const string Manage = "只有系统管理员、安全管理员可以调用（否则 403）。";

    public static void MapUnitApi(this RouteGroupBuilder api)
    {
        api.MapGet("/units", async Task<Ok<IReadOnlyList<UnitApiItem>>> (HttpContext http, GetUnitList list) =>
                TypedResults.Ok(await list.HandleAsync(http.RequestAborted)))
            .WithSummary("单位树（扁平列表，按树的展示顺序）")
            .WithDescription("每项：id、parentId（顶级单位为 null）、name、path（\"示例街道 / 幸福社区\"）、type（agency|street|department|community|affiliate|society）、disabled（已停用的单位不能报送）、depth（层级，0 为顶级）。");

        api.MapGet("/units/{id:long}", async Task<Ok<UnitApiItem>> (long id, HttpContext http, GetUnitList list) =>
                TypedResults.Ok(await list.FindAsync(id, http.RequestAborted)))
            .WithSummary("一个单位（字段同列表）")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/units", async Task<Created<UnitApiItem>> (UnitRequest request, HttpContext http, CreateUnit create, GetUnitList list) =>
            {
                var id = await create.HandleAsync(new UnitInput(request.Name, request.Type, request.ParentId), http.RequestAborted);
                return TypedResults.Created($"/api/v1/units/{id}", await list.FindAsync(id, http.RequestAborted));
            })
            .WithSummary("新增单位")
            .WithDescription("{\"name\":\"示例街道文明实践所\",\"parentId\":3,\"type\":\"affiliate\"}；parentId 为 null 时建顶级单位。同一上级下不能重名（400，errors.name）。" + Manage)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);

        api.MapPut("/units/{id:long}", async Task<Ok<UnitApiItem>> (long id, UnitUpdateRequest request, HttpContext http, UpdateUnit update, GetUnitList list) =>
            {
                await update.HandleAsync(id, request.Name, request.Type, http.RequestAborted);
                return TypedResults.Ok(await list.FindAsync(id, http.RequestAborted));
            })
            .WithSummary("单位改名、改类型")
            .WithDescription("{\"name\":\"…\",\"type\":\"community\"}；type 省略时不变（类型影响审核路线）。移动、停用、启用是单独的操作（…/move、…/disable、…/enable），各记一条审计。" + Manage)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapPost("/units/{id:long}/move", async Task<Ok<UnitApiItem>> (long id, UnitMoveRequest request, HttpContext http, MoveUnit move, GetUnitList list) =>
            {
                await move.HandleAsync(id, request.ParentId, http.RequestAborted);
                return TypedResults.Ok(await list.FindAsync(id, http.RequestAborted));
            })
            .WithSummary("把单位（连同下级）移到新的上级之下")
            .WithDescription("{\"parentId\":5}，null 表示移为顶级。不能移到自己或自己的下级之下，新上级下不能有同名单位（400，errors.parentId）。" + Manage)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapPost("/units/{id:long}/disable", (long id, HttpContext http, SetUnitDisabled set, GetUnitList list) =>
                SetDisabledAsync(id, true, http, set, list))
            .WithSummary("停用单位（不能再报送，历史稿件和记录保留）")
            .WithDescription(Manage)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapPost("/units/{id:long}/enable", (long id, HttpContext http, SetUnitDisabled set, GetUnitList list) =>
                SetDisabledAsync(id, false, http, set, list))
            .WithSummary("重新启用单位")
            .WithDescription(Manage)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<UnitApiItem>> SetDisabledAsync(long id, bool disabled, HttpContext http, SetUnitDisabled set, GetUnitList list)
    {
        await set.HandleAsync(id, disabled, http.RequestAborted);
        return TypedResults.Ok(await list.FindAsync(id, http.RequestAborted));
    }
}
