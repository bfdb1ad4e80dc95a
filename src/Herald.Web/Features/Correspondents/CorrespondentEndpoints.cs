using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Web.Features.Correspondents;

public static class CorrespondentEndpoints
{
    public static void MapCorrespondentPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/org/correspondents", async (string? view, long? unitId, string? notice, string? granted, HttpContext http,
            ListCorrespondents list, CurrentUser current, Clock clock) =>
        {
            var registry = await list.HandleAsync(unitId, http.RequestAborted);
            var me = await current.GetAsync(http.RequestAborted);
            return Pages.Render<CorrespondentsPage>(new
            {
                Registry = registry,
                View = view is "history" or "missing" ? view : "active",
                UnitId = unitId,
                Tree = me.Tree,
                Scope = CorrespondentScope.UnitsOf(me),
                Today = Domain.Common.ChinaTime.DateOf(clock.UtcNow),
                Notice = notice,
                Granted = granted,
            });
        });

        pages.MapGet("/org/correspondents/new", async (long? unitId, HttpContext http, CorrespondentFormBuilder forms) =>
            Pages.Render<CorrespondentFormPage>(new { Model = await forms.NewAsync(unitId, http.RequestAborted) }));

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
                    return Pages.Render<CorrespondentFormPage>(new { Model = model }, StatusCodes.Status400BadRequest);
                });
        });

        pages.MapGet("/org/correspondents/{id:long}/edit", async (long id, HttpContext http, CorrespondentFormBuilder forms) =>
            Pages.Render<CorrespondentFormPage>(new { Model = await forms.EditAsync(id, http.RequestAborted) }));

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
                    return Pages.Render<CorrespondentFormPage>(new { Model = model }, StatusCodes.Status400BadRequest);
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
                    return Pages.Render<CorrespondentFormPage>(new { Model = model }, StatusCodes.Status400BadRequest);
                });
        });

        // 换了单位（htmx）：重新列出该单位可关联的账号。
        pages.MapGet("/org/correspondents/linkable", async (long? unitId, HttpContext http, LinkableUsers linkable) =>
            Pages.Render<LinkableUserOptions>(new { Users = await linkable.HandleAsync(unitId, http.RequestAborted), HasUnit = unitId is not null }));
    }

    private static string GrantedQuery(RegistrationResult result) =>
        result.RoleGrantedTo is { } name ? "&granted=" + Uri.EscapeDataString(name) : "";
}
