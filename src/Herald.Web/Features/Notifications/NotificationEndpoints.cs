using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Web.Features.Notifications;

public static class NotificationEndpoints
{
    public static void MapNotificationPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/notifications", async (HttpContext http, NotificationCenter center) =>
            Pages.Render(new NotificationsPageModel { Items = await center.ListAsync(false, 100, http.RequestAborted) }));

        pages.MapPost("/notifications/{id:long}/open", async (long id, HttpContext http, NotificationCenter center) =>
        {
            return Results.LocalRedirect(await center.OpenAsync(id, http.RequestAborted));
        });

        pages.MapPost("/notifications/read-all", async (HttpContext http, NotificationCenter center) =>
        {
            await center.MarkAllReadAsync(http.RequestAborted);
            return Results.LocalRedirect("/notifications");
        });
    }

    public static void MapNotificationApi(this RouteGroupBuilder api)
    {
        api.MapGet("/notifications", async (bool? unread, HttpContext http, NotificationCenter center) =>
                TypedResults.Ok(await center.ListAsync(unread == true, 100, http.RequestAborted)))
            .WithSummary("我的通知（最近 100 条；unread=true 只看未读）");

        api.MapPost("/notifications/{id:long}/read", async Task<NoContent> (long id, HttpContext http, NotificationCenter center) =>
            {
                await center.OpenAsync(id, http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("把一条通知标为已读（别人的通知 404）")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/notifications/read-all", async Task<NoContent> (HttpContext http, NotificationCenter center) =>
            {
                await center.MarkAllReadAsync(http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("把我的全部通知标为已读");
    }
}
