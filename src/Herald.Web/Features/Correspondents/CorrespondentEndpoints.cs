using Herald.Web.Features.Common;
using Herald.Web.Features.Common.Tables;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Web.Features.Correspondents;

/// <summary>备案名册页的数据：名册（各页签的条数、未备案的单位）和当前页签的一页。</summary>
public sealed record CorrespondentsPageModel(CorrespondentRegistry Registry, PagedResult<CorrespondentItem> Page, CorrespondentQuery Query,
    TableSort Sort, string View, Domain.Organization.OrgTree Tree, IReadOnlySet<long> Scope, DateOnly Today, string? Notice, string? Granted)
    : IPageModel<CorrespondentsPage>;

public static class CorrespondentEndpoints
{
    public static void MapCorrespondentExportApi(this RouteGroupBuilder api) =>
        api.MapGet("/correspondents/export.xlsx", ExportAsync)
            .WithSummary("导出信息员名册（Excel）：与名册表格相同的筛选和排序，全部行")
            .WithDescription("view：active（在册，默认）|history（已免去）；unitId（含下级）、q（姓名、电话、账号）、sort（unit|name|appointedOn|endedOn）、dir。" +
                             "宣传办只含其所辖单位，系统管理员含全部单位；其他角色 403。")
            .Produces(StatusCodes.Status200OK, contentType: Infrastructure.Spreadsheets.XlsxWriter.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> ExportAsync([AsParameters] CorrespondentQuery query, HttpContext http, ListCorrespondents list,
        Messages messages, Clock clock) =>
        ListExport.Xlsx(messages[query.History ? "Export.CorrespondentHistory" : "Export.Correspondents"], clock.UtcNow,
            CorrespondentTable.Columns(messages), await list.ExportAsync(query, http.RequestAborted));

    public static void MapCorrespondentPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/org/correspondents", async ([AsParameters] CorrespondentQuery query, string? notice, string? granted, HttpContext http,
            ListCorrespondents list, CurrentUser current, Clock clock) =>
        {
            var view = query.View is "history" or "missing" ? query.View : "active";
            var (registry, page) = await list.TableAsync(query with { View = view == "missing" ? "active" : view }, http.RequestAborted);
            var me = await current.GetAsync(http.RequestAborted);
            return Pages.Render(new CorrespondentsPageModel(registry, page, query, CorrespondentTable.SortOf(query), view, me.Tree,
                CorrespondentScope.UnitsOf(me), Domain.Common.ChinaTime.DateOf(clock.UtcNow), notice, granted));
        });

        pages.MapGet("/org/correspondents/export.xlsx", ExportAsync);

        pages.MapGet("/org/correspondents/new", async (long? unitId, HttpContext http, CorrespondentFormBuilder forms) =>
            Pages.Render(await forms.NewAsync(unitId, http.RequestAborted)));

        pages.MapPost("/org/correspondents/new", async ([FromForm] CorrespondentForm form, HttpContext http, RegisterCorrespondent register,
            CorrespondentFormBuilder forms) =>
        {
            return await FormPost.RunAsync(http, async () =>
                {
                    var result = await register.HandleAsync(form.ToInput(), http.RequestAborted);
                    return "/org/correspondents?notice=registered" + GrantedQuery(result);
                },
                async failure =>
                {
                    var model = await forms.FromFormAsync(null, form, failure.Message, http.RequestAborted);
                    return Pages.Render(model, StatusCodes.Status400BadRequest);
                });
        });

        pages.MapGet("/org/correspondents/{id:long}/edit", async (long id, HttpContext http, CorrespondentFormBuilder forms) =>
            Pages.Render(await forms.EditAsync(id, http.RequestAborted)));

        pages.MapPost("/org/correspondents/{id:long}/edit", async (long id, [FromForm] CorrespondentForm form, HttpContext http,
            UpdateCorrespondent update, CorrespondentFormBuilder forms) =>
        {
            return await FormPost.RunAsync(http, async () =>
                {
                    var result = await update.HandleAsync(id, form.ToInput(), http.RequestAborted);
                    return "/org/correspondents?notice=updated" + GrantedQuery(result);
                },
                async failure =>
                {
                    var model = await forms.FromFormAsync(id, form, failure.Message, http.RequestAborted);
                    return Pages.Render(model, StatusCodes.Status400BadRequest);
                });
        });

        pages.MapPost("/org/correspondents/{id:long}/end", async (long id, [FromForm] EndCorrespondentForm form, HttpContext http,
            EndCorrespondent end, CorrespondentFormBuilder forms) =>
        {
            return await FormPost.RunAsync(http, async () =>
                {
                    await end.HandleAsync(id, form.EndedOn, http.RequestAborted);
                    return "/org/correspondents?view=history&notice=ended";
                },
                async failure =>
                {
                    var model = await forms.EditAsync(id, http.RequestAborted);
                    model.Error = failure.Message;
                    return Pages.Render(model, StatusCodes.Status400BadRequest);
                });
        });

        // 换了单位（htmx）：重新列出该单位可关联的账号。
        pages.MapGet("/org/correspondents/linkable", async (long? unitId, HttpContext http, LinkableUsers linkable) =>
            Pages.Render(new LinkableUserOptionsModel { Users = await linkable.HandleAsync(unitId, http.RequestAborted), HasUnit = unitId is not null }));
    }

    private static string GrantedQuery(RegistrationResult result) =>
        result.RoleGrantedTo is { } name ? "&granted=" + Uri.EscapeDataString(name) : "";
}
