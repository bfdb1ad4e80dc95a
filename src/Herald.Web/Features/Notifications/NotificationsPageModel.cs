using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Notifications;

public sealed record NotificationsPageModel : IPageModel<NotificationsPage>
{
    public IReadOnlyList<NotificationDto> Items { get; init; } = [];
}
