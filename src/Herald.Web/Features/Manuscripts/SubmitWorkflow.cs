using Herald.Domain.Common;
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
    private static readonly Func<HeraldDbContext, long, DateOnly, CancellationToken, Task<int?>> LastSequence = EF.CompileAsyncQuery(
        (HeraldDbContext db, long unitId, DateOnly date, CancellationToken ct) =>
            db.Manuscripts.Where(x => x.UnitId == unitId && x.NameDate == date).Max(x => (int?)x.NameSequence));

    /// <summary>
    /// 报送：确定路线、进入第一级审核、首次报送时分配规范名称。调用方须已开启事务（同单位同日序号在事务内取得）。
    /// 在保存之前调用，新稿件以最终状态插入一次（不必先插入草稿再更新：稿件表有十几个索引）；返回是否为重新报送。
    /// 保存之后（稿件已有编号）再调用 <see cref="Record"/>。
    /// </summary>
    public async Task<bool> ApplyAsync(Manuscript m, UserContext me, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var tree = me.Tree;
        var unit = tree.Find(m.UnitId) ?? throw new DomainException("Manuscript.UnitMissing");
        if (unit.Disabled) throw new DomainException("Manuscript.UnitDisabled", unit.Name);
        var resubmission = m.Status == ManuscriptStatus.Returned;
        var route = policies.Routes.RouteFor(m.Importance, unit.Type);
        m.Submit(me.Id, route, role => tree.ResolveReviewers(role, m.UnitId), policies.Timeliness, now);

        if (m.StandardName is null)
        {
            var reportDate = ChinaTime.DateOf(now);
            var last = await LastSequence(db, m.UnitId, reportDate, ct) ?? 0;
            m.AssignStandardName(unit.Name, reportDate, last + 1);
        }
        return resubmission;
    }

    /// <summary>通知审核人、记审计：要用到稿件编号，所以在保存之后。</summary>
    public void Record(Manuscript m, UserContext me, bool resubmission)
    {
        notifier.ManuscriptChanged(m, me.Id, me.DisplayName, null, me.Tree);
        audit.Add(resubmission ? "manuscript.resubmit" : "manuscript.submit", "Manuscript", m.Id,
            $"{m.StandardName}; route {m.RouteSteps}; status {m.Status}");
    }
}
