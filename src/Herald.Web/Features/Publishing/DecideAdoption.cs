using Herald.Domain.Notifications;
using Herald.Domain.Publishing;
using Herald.Domain.Submission;
using Herald.Web.Features.Common;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Features.Notifications;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Publishing;

/// <summary>
/// 宣传办核实或不予认定（须说明理由；已核实的也可撤销）申报的用稿，申报人收到通知。
/// 已处理过的再点一次得到 409，什么都不变。
/// </summary>
public sealed class DecideAdoption(HeraldDbContext db, CurrentUser current, Notifier notifier, AuditLog audit, Clock clock)
{
    public Task<AdoptionDto> VerifyAsync(long adoptionId, CancellationToken ct = default) =>
        DecideAsync(adoptionId, (m, a, me) =>
        {
            m.VerifyAdoption(a.Id, me.Id, clock.UtcNow);
            notifier.Tell([a.ClaimedById], NotificationKind.AdoptionVerified, m, me.Id, me.DisplayName, null);
            audit.Add("adoption.verify", "Adoption", a.Id, $"manuscript {m.Id}; {a.SourceName}");
        }, ct);

    public Task<AdoptionDto> RefuseAsync(long adoptionId, string? reason, CancellationToken ct = default) =>
        DecideAsync(adoptionId, (m, a, me) =>
        {
            var was = a.Status;
            m.RefuseAdoption(a.Id, me.Id, reason, clock.UtcNow);
            notifier.Tell([a.ClaimedById], NotificationKind.AdoptionRefused, m, me.Id, me.DisplayName, a.RefuseReason);
            audit.Add(was == AdoptionStatus.Verified ? "adoption.revoke" : "adoption.refuse", "Adoption", a.Id,
                $"manuscript {m.Id}; {a.SourceName}; {a.RefuseReason}");
        }, ct);

    /// <summary>登记所属的稿件（出错时重新显示稿件详情页用；可见性由详情页自己检查）。</summary>
    public Task<long> ManuscriptOfAsync(long adoptionId, CancellationToken ct = default) =>
        db.Adoptions.AsNoTracking().Where(a => a.Id == adoptionId).Select(a => a.ManuscriptId).FirstOrDefaultAsync(ct);

    private async Task<AdoptionDto> DecideAsync(long adoptionId, Action<Manuscript, Adoption, UserContext> decide, CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        var manuscriptId = await ManuscriptOfAsync(adoptionId, ct);
        var m = await db.Manuscripts.Include(x => x.Adoptions).VisibleTo(me).FirstOrDefaultAsync(x => x.Id == manuscriptId, ct)
                ?? throw AppException.NotFound();
        me.Require(PublishingAccess.IsOfficeFor(me, m.UnitId));
        var adoption = m.Adoptions.Single(a => a.Id == adoptionId);

        decide(m, adoption, me);
        // 这篇稿件再没有待核实的申报：发给各位宣传办人员的"请核实"都已处理。
        if (m.Adoptions.All(a => a.Status != AdoptionStatus.Pending))
            await db.ResolveNotificationsAsync(n => n.ManuscriptId == m.Id && n.Kind == NotificationKind.AdoptionClaimed, clock.UtcNow, ct);
        // 两次点击同时到达：先到的已改了稿件 revision，后到的保存失败，按"已处理"答复。
        await db.SaveAsync(() => AppException.Conflict("Adoption.NotPending"), () => AppException.Conflict("Adoption.NotPending"), ct);
        var names = await EditorialRecords.NamesAsync(db, [adoption.ClaimedById, me.Id], ct);
        return EditorialRecords.ToDto(adoption, m.Title, m.UnitId, me.Tree, names);
    }
}
