using Herald.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Web.Features.Categories;

/// <summary>POST /api/v1/categories 与 PUT /api/v1/categories/{id} 的请求体。</summary>
public sealed record CategoryRequest(string? Name);

/// <summary>POST /api/v1/categories/{id}/move 的请求体：direction 为 up（上移一位）或 down（下移一位）。</summary>
public sealed record CategoryMoveRequest(string? Direction);

/// <summary>稿件类别维护的 API：与 /admin/categories 页共用处理器，宣传办或系统管理员可用。</summary>
public static class CategoryApi
{
    private const string Manage = "只有宣传办、系统管理员可以调用（否则 403）。";

    public static void MapCategoryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/categories/all", async Task<Ok<IReadOnlyList<CategoryItem>>> (HttpContext http, ListCategories list) =>
                TypedResults.Ok(await list.HandleAsync(http.RequestAborted)))
            .WithSummary("全部类别（含停用的），按排序；带使用该类别的稿件数")
            .WithDescription("报送用的可选类别见 GET /api/v1/categories。" + Manage)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/categories", async Task<Created<CategoryItem>> (CategoryRequest request, HttpContext http, AddCategory add, ListCategories list) =>
            {
                var id = await add.HandleAsync(request.Name, http.RequestAborted);
                return TypedResults.Created("/api/v1/categories/all", await list.FindAsync(id, http.RequestAborted));
            })
            .WithSummary("新增类别（排在最后）")
            .WithDescription("{\"name\":\"乡村振兴\"}。不能与已有类别（含停用的）重名（400，errors.name）。" + Manage)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);

        api.MapPut("/categories/{id:long}", async Task<Ok<CategoryItem>> (long id, CategoryRequest request, HttpContext http, RenameCategory rename,
                ListCategories list) =>
            {
                await rename.HandleAsync(id, request.Name, http.RequestAborted);
                return TypedResults.Ok(await list.FindAsync(id, http.RequestAborted));
            })
            .WithSummary("类别改名（已有稿件跟着显示新名称）")
            .WithDescription("{\"name\":\"…\"}。" + Manage)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapPost("/categories/{id:long}/move", async Task<Ok<IReadOnlyList<CategoryItem>>> (long id, CategoryMoveRequest request, HttpContext http,
                MoveCategory move, ListCategories list) =>
            {
                await move.HandleAsync(id, request.Direction, http.RequestAborted);
                return TypedResults.Ok(await list.HandleAsync(http.RequestAborted));
            })
            .WithSummary("类别上移或下移一位，返回新的顺序")
            .WithDescription("{\"direction\":\"up\"} 或 {\"direction\":\"down\"}；已在最前（最后）时不变。" + Manage)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapPost("/categories/{id:long}/disable", (long id, HttpContext http, SetCategoryDisabled set, ListCategories list) =>
                SetDisabledAsync(id, true, http, set, list))
            .WithSummary("停用类别（报送时不再可选，已有稿件保留原类别）")
            .WithDescription("至少要留一个可用的类别（409）。" + Manage)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        api.MapPost("/categories/{id:long}/enable", (long id, HttpContext http, SetCategoryDisabled set, ListCategories list) =>
                SetDisabledAsync(id, false, http, set, list))
            .WithSummary("重新启用类别")
            .WithDescription(Manage)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<CategoryItem>> SetDisabledAsync(long id, bool disabled, HttpContext http, SetCategoryDisabled set, ListCategories list)
    {
        await set.HandleAsync(id, disabled, http.RequestAborted);
        return TypedResults.Ok(await list.FindAsync(id, http.RequestAborted));
    }
}
