using Herald.Web.Features.Common;

namespace Herald.Web.Features.Notifications;

/// <summary>站内通知。</summary>
public sealed class NotificationsModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationCenter>();
    }

    public void MapPages(RouteGroupBuilder pages) => pages.MapNotificationPages();

    public void MapApi(RouteGroupBuilder api) => api.MapNotificationApi();
}
