using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Time;

namespace Herald.Web.Features.OpinionCases;

/// <summary>登记处置措施（责任单位或宣传办），可带附件；第一次回应或处置即满足内部首次响应时限。</summary>
public sealed class RecordDisposal(CaseStore store, CaseFiles files, AuditLog audit, Clock clock, GetCase views)
{
    public async Task<CaseDetail> HandleAsync(long id, DisposalRequest request, IReadOnlyList<IFormFile> uploads, CancellationToken ct = default)
    {
        var (me, scope, c) = await store.LoadAsync(id, ct);
        me.Require(CaseAccess.CanHandle(me, scope, c));
        CaseStore.CheckRevision(c, request.Revision);
        var now = clock.UtcNow;
        var takenAt = string.IsNullOrWhiteSpace(request.TakenAt) ? now : Wire.TimeOrNow(request.TakenAt, "takenAt", now);
        var checkedFiles = await files.CheckAsync(uploads, ct);
        var disposal = c.RecordDisposal(request.Description, takenAt, checkedFiles.Select(f => f.File).ToList(), me.Id, now);
        await files.StoreAsync(checkedFiles, ct);
        audit.Add("opinion_case.disposal", "OpinionCase", c.Id, $"disposal {disposal.Number}");
        await store.SaveAsync(ct);
        return await views.ViewAsync(me, scope, c, ct);
    }
}
