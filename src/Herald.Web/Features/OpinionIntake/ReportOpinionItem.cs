using Herald.Domain.Common;
using Herald.Domain.Opinion;
using Herald.Domain.Submission;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Files;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionIntake;

/// <summary>表单有错：带着已暂存的截图返回，重新显示时不丢。</summary>
public sealed class OpinionReportException(IReadOnlyList<FieldError> errors, IReadOnlyList<StagedUpload> staged)
    : ValidationFailedException(errors)
{
    public IReadOnlyList<StagedUpload> Staged { get; } = staged;
}

/// <summary>
/// 舆情信息员人工上报（可带截图，JPEG/PNG 按内容判断）。先暂存截图再校验，任何错误都带着截图返回；
/// 同一提交键重复提交（连点两下）答 409，不重复收录。收录时同样标出命中、查近似重复。
/// </summary>
public sealed class ReportOpinionItem(HeraldDbContext db, OpinionAccess access, UploadStaging staging, OpinionIngest ingest,
    AuditLog audit, Clock clock)
{
    public async Task<IngestedItem> HandleAsync(ReportInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await access.GetAsync(ct);
        var me = scope.Me;
        if (scope.ReportUnits.Count == 0) throw AppException.Forbidden("OpinionItem.NoReportUnit");
        // 另一单位的编号：无权以其名义上报（403），在暂存截图之前拒绝。
        if (input.UnitId is { } requested && !scope.ReportUnits.Contains(requested)) throw AppException.Forbidden("OpinionItem.NotReportUnit");
        if (!string.IsNullOrWhiteSpace(input.SubmissionKey)
            && await db.OpinionItems.AnyAsync(i => i.ReporterId == me.Id && i.SubmissionKey == input.SubmissionKey, ct))
            throw AppException.Conflict("OpinionItem.AlreadyReported");

        var errors = new List<FieldError>();
        var staged = await staging.LoadAsync(me.Id, input.StagedIds, ct);
        foreach (var file in input.Screenshots)
        {
            try
            {
                staged.Add(await staging.StagePhotoAsync(me.Id, file, null, ct));
            }
            catch (AppException ex) when (ex.Kind is ProblemKind.Validation or ProblemKind.TooLarge)
            {
                errors.Add(new FieldError("screenshots", ex.Code, ex.Args));
            }
        }

        long? unitId = input.UnitId;
        if (unitId is null && scope.ReportUnits.Count == 1) unitId = scope.ReportUnits[0];
        if (unitId is null) errors.Add(new FieldError("unitId", "Required"));

        DateTime? publishedAt = null;
        if (!string.IsNullOrWhiteSpace(input.PublishedAt))
        {
            if (Wire.TryParseTime(input.PublishedAt, out var parsed)) publishedAt = parsed;
            else errors.Add(new FieldError("publishedAt", "OpinionIntake.BadTime", input.PublishedAt));
        }

        OpinionItem? item = null;
        try
        {
            var files = staged.Select(s => new StoredFileRef(s.Hash, s.FileName, s.ContentType, s.Size, s.Width, s.Height)).ToList();
            item = OpinionItem.Report(new OpinionItemInput(input.Source, input.Platform, input.Url, input.Title, input.Content,
                input.Author, publishedAt), me.Id, unitId, files, clock.UtcNow, input.SubmissionKey);
        }
        catch (DomainValidationException ex)
        {
            errors.Add(new FieldError(ex.Field, ex.Code, ex.Args));
        }
        if (errors.Count > 0 || item is null) throw new OpinionReportException(errors, staged);

        try
        {
            var result = (await ingest.IngestAsync([item], ct, async _ =>
            {
                audit.Add("opinion.report", "OpinionItem", item.Id, $"unit {unitId}");
                // 截图已挂到信息上，暂存记录不再需要（文件仍被引用，不会被清理）。
                db.StagedUploads.RemoveRange(staged);
                await db.SaveChangesAsync(ct);
            }))[0];
            return result;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw AppException.Conflict("OpinionItem.AlreadyReported");
        }
        catch (System.Data.Common.DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // 两次提交几乎同时到达：后到的一次在写入时撞上唯一索引。
            throw AppException.Conflict("OpinionItem.AlreadyReported");
        }
    }
}
