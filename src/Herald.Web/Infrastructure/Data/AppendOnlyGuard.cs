using Herald.Domain.Auditing;
using Herald.Domain.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Herald.Web.Infrastructure.Data;

/// <summary>
/// 审计记录和稿件流转记录只能追加：在应用层拒绝修改与删除（数据库层另有触发器）。
/// 唯一例外：删除从未报送的草稿时，其"创建"记录随之删除（删除本身记入审计）。
/// </summary>
internal static class AppendOnlyGuard
{
    public static void Check(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            var forbidden = entry switch
            {
                { Entity: AuditEntry, State: EntityState.Modified or EntityState.Deleted } => true,
                { Entity: ManuscriptEvent, State: EntityState.Modified } => true,
                { Entity: ManuscriptEvent e, State: EntityState.Deleted } => e.Action != ManuscriptEventAction.Created,
                _ => false,
            };
            if (forbidden) throw new InvalidOperationException($"{entry.Entity.GetType().Name} is append-only.");
        }
    }
}
