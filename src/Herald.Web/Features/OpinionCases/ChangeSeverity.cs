using Herald.Domain.Opinion.Cases;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;

namespace Herald.Web.Features.OpinionCases;

/// <summary>调整等级（宣传办，须说明理由）：未满足的规则时限停止计时，按新等级与现行规则从现在起算。</summary>
public sealed class ChangeSeverity(HeraldDbContext db, CaseStore store, AuditLog audit, Clock clock, GetCase views)
{
    public async Task<CaseDetail> HandleAsync(long id, SeverityRequest request, CancellationToken ct = default)
    {
        var (me, scope, c) = await store.LoadAsync(id, ct);
        me.Require(scope.Manages(c));
        var severity = Wire.RequiredCode<OpinionSeverity>(request.Severity, "severity");
        var from = c.Severity;
        c.ChangeSeverity(severity, request.Reason, await db.PolicyAsync(ct), me.Id, clock.UtcNow);
        audit.Add("opinion_case.severity", "OpinionCase", c.Id, $"{OpinionCodes.Code(from)} -> {OpinionCodes.Code(severity)}");
        await store.SaveAsync(ct);
        return await views.ViewAsync(me, scope, c, ct);
    }
}
