using Herald.Domain.Common;
using Herald.Domain.Organization;
using Herald.Domain.Submission;
using Herald.Web.Features.Common;
using Herald.Web.Features.Notifications;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Manuscripts;

/// <summary>报送：按单位和重要程度确定路线，进入第一级审核，首次报送时分配规范名称，通知审核人，记审计。</summary>
public sealed class SubmitWorkflow(HeraldDbContext db, WorkflowPolicies policies, Notifier notifier, AuditLog audit, Clock clock)
{
    // 每次首次报送都在写事务内执行：预编译，缩短持有写锁的时间。
    private static readonly Func<HeraldDbContext, long, DateOnly, CancellationToken, Task<int?>> LastSequence = CompiledQueries.PerModel(
        (HeraldDbContext db, long unitId, DateOnly date, CancellationToken ct) =>
            db.Manuscripts.Where(x => x.UnitId == unitId && x.NameDate == date).Max(x => (int?)x.NameSequence));

    /// <summary>
    /// 报送：确定路线、进入第一级审核（只改内存中的稿件）；返回是否为重新报送。随后在写事务内调用 <see cref="NameAsync"/>，
    /// 保存之后（稿件已有编号）调用 <see cref="Record"/>。新稿件因此以最终状态插入一次（不必先插入草稿再更新）。
    /// </summary>
    public bool Submit(Manuscript m, UserContext me)
    {
        var tree = me.Tree;
        var unit = UnitOf(m, tree);
        var resubmission = m.Status == ManuscriptStatus.Returned;
        var route = policies.Routes.RouteFor(m.Importance, unit.Type);
        m.Submit(me.Id, route, role => tree.ResolveReviewers(role, m.UnitId), policies.Timeliness, clock.UtcNow);
        return resubmission;
    }

    /// <summary>首次报送时分配规范名称（按报送日期）。调用方须已开启事务（同单位同日序号在事务内取得）。</summary>
    public async Task NameAsync(Manuscript m, UserContext me, CancellationToken ct)
    {
        if (m.StandardName is not null) return;
        var reportDate = ChinaTime.DateOf(m.LastSubmittedAt ?? clock.UtcNow);
        if (db.Database.IsNpgsql()) await PostgresSetup.LockNameSequenceAsync(db, m.UnitId, ct);
        var last = await LastSequence(db, m.UnitId, reportDate, ct) ?? 0;
        m.AssignStandardName(UnitOf(m, me.Tree).Name, reportDate, last + 1);
    }

    /// <summary>通知审核人、记审计：要用到稿件编号，所以在保存之后。</summary>
    public async Task RecordAsync(Manuscript m, UserContext me, bool resubmission, CancellationToken ct)
    {
        await notifier.ManuscriptChangedAsync(m, me.Id, me.DisplayName, null, me.Tree, ct);
        audit.Add(resubmission ? "manuscript.resubmit" : "manuscript.submit", "Manuscript", m.Id,
            $"{m.StandardName}; route {m.RouteSteps}; status {m.Status}");
    }

    private static UnitNode UnitOf(Manuscript m, OrgTree tree)
    {
        var unit = tree.Find(m.UnitId) ?? throw new DomainException("Manuscript.UnitMissing");
        return unit.Disabled ? throw new DomainException("Manuscript.UnitDisabled", unit.Name) : unit;
    }
}
