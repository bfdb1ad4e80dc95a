using Herald.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Web.Features.Correspondents;

/// <summary>POST /api/v1/correspondents 与 PUT /api/v1/correspondents/{id} 的请求体（修改时 unitId 不用：换单位请免去后在新单位登记）。</summary>
public sealed record CorrespondentRequest(long? UnitId, string? Name, string? Phone, string? Email, string? Position, string? AppointedOn, long? UserId)
{
    public CorrespondentInput ToInput() => new(UnitId, Name, Phone, Email, Position, AppointedOn, UserId);
}

/// <summary>POST /api/v1/correspondents/{id}/end 的请求体。</summary>
public sealed record EndCorrespondentRequest(string? EndedOn);

/// <summary>登记或修改的结果：备案记录，以及因关联账号而新授予信息员角色的人（没有则为 null）。</summary>
public sealed record CorrespondentSaved(CorrespondentItem Correspondent, string? RoleGrantedTo);

/// <summary>信息员备案的 API：与 /org/correspondents 页共用处理器；宣传办管理其所辖单位，系统管理员管理全部单位。</summary>
public static class CorrespondentApi
{
    private const string Scope = "宣传办只能管理其所辖单位的备案（其他单位的记录一律 404），系统管理员可管理全部单位；其他角色 403。";

    public static void MapCorrespondentApi(this RouteGroupBuilder api)
    {
        api.MapGet("/correspondents", async Task<Ok<CorrespondentRegistry>> (long? unitId, HttpContext http, ListCorrespondents list) =>
                TypedResults.Ok(await list.HandleAsync(unitId, http.RequestAborted)))
            .WithSummary("备案名册：在册（active）、已免去（ended）、没有在册信息员的单位（missing）")
            .WithDescription("unitId 只看该单位及其下级。" + Scope)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/correspondents/{id:long}", async Task<Ok<CorrespondentItem>> (long id, HttpContext http, GetCorrespondent get) =>
                TypedResults.Ok(await get.HandleAsync(id, http.RequestAborted)))
            .WithSummary("一条备案记录")
            .WithDescription(Scope)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapPost("/correspondents", async Task<Created<CorrespondentSaved>> (CorrespondentRequest request, HttpContext http,
                RegisterCorrespondent register, GetCorrespondent get) =>
            {
                var result = await register.HandleAsync(request.ToInput(), http.RequestAborted);
                return TypedResults.Created($"/api/v1/correspondents/{result.RecordId}",
                    new CorrespondentSaved(await get.HandleAsync(result.RecordId, http.RequestAborted), result.RoleGrantedTo));
            })
            .WithSummary("登记信息员（备案）")
            .WithDescription("{\"unitId\":3,\"name\":\"李文静\",\"phone\":\"138…\",\"email\":\"…\",\"position\":\"干事\",\"appointedOn\":\"2026-03-01\",\"userId\":12}。" +
                             "userId 可选，只能关联本单位的有效账号；关联了账号而姓名、电话、邮箱未填时取账号上的；此人没有本单位信息员角色时一并授予（roleGrantedTo）。" +
                             "同一账号在同一单位已在册时 409。" + Scope)
            .ProducesCommandProblems();

        api.MapPut("/correspondents/{id:long}", async Task<Ok<CorrespondentSaved>> (long id, CorrespondentRequest request, HttpContext http,
                UpdateCorrespondent update, GetCorrespondent get) =>
            {
                var result = await update.HandleAsync(id, request.ToInput(), http.RequestAborted);
                return TypedResults.Ok(new CorrespondentSaved(await get.HandleAsync(id, http.RequestAborted), result.RoleGrantedTo));
            })
            .WithSummary("修改在册信息员的资料或关联账号")
            .WithDescription("字段同登记，整体替换；unitId 不用（单位不变）。已免去的记录不能再改（409）。" + Scope)
            .ProducesCommandProblems();

        api.MapPost("/correspondents/{id:long}/end", async Task<Ok<CorrespondentItem>> (long id, EndCorrespondentRequest request, HttpContext http,
                EndCorrespondent end, GetCorrespondent get) =>
            {
                await end.HandleAsync(id, request.EndedOn, http.RequestAborted);
                return TypedResults.Ok(await get.HandleAsync(id, http.RequestAborted));
            })
            .WithSummary("免去信息员（记录作为历史保留）")
            .WithDescription("{\"endedOn\":\"2026-06-30\"}。账号的信息员角色不自动收回。" + Scope)
            .ProducesCommandProblems();
    }
}
