using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Time;

namespace Herald.Web.Features.OpinionCases;

/// <summary>办结（宣传办）：填写办结情况和经验教训；上级交办的须先反馈。所涉信息随之释放，可再立新案。</summary>
public sealed class CloseCase(CaseStore store, AuditLog audit, Clock clock, GetCase views)
{
    public async Task<CaseDetail> HandleAsync(long id, CloseRequest request, CancellationToken ct = default)
    {
        var (me, scope, c) = await store.LoadAsync(id, ct);
        me.Require(scope.Manages(c));
        CaseStore.CheckRevision(c, request.Revision);
        c.Close(request.Summary, request.Lessons, me.Id, clock.UtcNow);
        audit.Add("opinion_case.close", "OpinionCase", c.Id);
        await store.SaveAsync(ct);
        return await views.ViewAsync(me, scope, c, ct);
    }
}
