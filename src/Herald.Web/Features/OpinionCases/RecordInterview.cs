using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OpinionCases;

/// <summary>登记约谈问责（宣传办）：超时舆情的责任单位谁被约谈、何时、由谁约谈、结果。</summary>
public sealed class RecordInterview(CaseStore store, AuditLog audit, Clock clock, GetCase views)
{
    public async Task<CaseDetail> HandleAsync(long id, InterviewRequest request, CancellationToken ct = default)
    {
        var (me, scope, c) = await store.LoadAsync(id, ct);
        me.Require(scope.Manages(c));
        var now = clock.UtcNow;
        if (string.IsNullOrWhiteSpace(request.InterviewedAt)) throw AppException.Invalid("interviewedAt", "Required");
        var at = Wire.TimeOrNow(request.InterviewedAt, "interviewedAt", now);
        c.RecordInterview(request.Interviewee, at, request.Interviewer, request.Outcome, me.Id, now);
        audit.Add("opinion_case.interview", "OpinionCase", c.Id);
        await store.SaveAsync(ct);
        return await views.ViewAsync(me, scope, c, ct);
    }
}
