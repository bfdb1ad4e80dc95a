using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OpinionCases;

/// <summary>完成预案任务：负责人本人、负责单位的人员或宣传办；已完成的再完成 409。</summary>
public sealed class CompleteTask(CaseStore store, AuditLog audit, Clock clock, GetCase views)
{
    public async Task<CaseDetail> HandleAsync(long id, long taskId, string? note, CancellationToken ct = default)
    {
        var (me, scope, c) = await store.LoadAsync(id, ct);
        var task = c.Tasks.FirstOrDefault(t => t.Id == taskId) ?? throw AppException.NotFound();
        me.Require(CaseAccess.CanComplete(me, scope, c, task));
        c.CompleteTask(taskId, note, me.Id, clock.UtcNow);
        audit.Add("opinion_case.task", "OpinionCase", c.Id, $"task {taskId}");
        await store.SaveAsync(ct);
        return await views.ViewAsync(me, scope, c, ct);
    }
}
