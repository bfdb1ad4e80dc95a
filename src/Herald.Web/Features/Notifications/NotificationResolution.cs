using System.Linq.Expressions;
using Herald.Domain.Notifications;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Notifications;

/// <summary>
/// "请您审核""请核实"之类的通知发给同一级的每个人；有人处理了，这件事对其他人也不再待办。
/// 把它们标为已读（随业务变更一起保存：变更因冲突失败时，通知也保持原样）。
/// </summary>
public static class NotificationResolution
{
    public static async Task ResolveNotificationsAsync(this HeraldDbContext db, Expression<Func<Notification, bool>> which, DateTime nowUtc,
        CancellationToken ct, Func<Notification, bool>? stillOpen = null)
    {
        var open = await db.Notifications.Where(n => n.ReadAt == null).Where(which).ToListAsync(ct);
        foreach (var n in open)
            if (stillOpen is null || !stillOpen(n)) n.MarkRead(nowUtc);
    }
}
