using System.Globalization;
using Herald.Domain.Common;
using Herald.Domain.Submission;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Files;
using Herald.Web.Infrastructure.Html;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Manuscripts;

/// <summary>
/// 表单出错时已暂存的文件和从 Word 导入的内容，页面据此重新显示，用户不必重新上传。
/// SkippedImages：Word 中未能导入的图片数（EMF/WMF/GIF 等），提示用户另行上传。
/// TooLarge：有文件超过大小上限时的那个错误，API 据此回 413 而不是 400。
/// DocumentPhotos：这次从 Word 原件导入的图片（也在 Photos 中），按文档中的顺序，缺说明时按 documentCaptions[i] 报告。
/// </summary>
public sealed record StagedState(StagedUpload? Document, IReadOnlyList<StagedUpload> Photos, string? ImportedTitle, SanitizedBody? ImportedBody,
    int SkippedImages = 0, AppException? TooLarge = null, IReadOnlyList<StagedUpload>? DocumentPhotos = null);

/// <summary>保存失败：字段错误或规则冲突（Inner 为原始的领域/应用异常，API 据此给出 409/403），连同已暂存的文件。</summary>
public sealed class ManuscriptFormException(IReadOnlyList<FieldError> errors, StagedState state, Exception? inner = null)
    : ValidationFailedException(errors, inner)
{
    public StagedState State { get; } = state;
}

/// <summary>
/// 新建、修改、报送、重新报送稿件（报送页与 API 共用）。
/// 先暂存上传的文件，再校验；任何错误都带着已暂存的文件返回，什么都不丢。
/// 同一提交键（submissionKey / Idempotency-Key）重复提交只产生一篇稿件。
/// </summary>
public sealed class SaveManuscript(
    HeraldDbContext db,
    CurrentUser current,
    ManuscriptStager stager,
    SubmitWorkflow workflow,
    GetManuscript views,
    AuditLog audit,
    Clock clock)
{
    public async Task<ManuscriptView> HandleAsync(long? id, ManuscriptInput input, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        // One connection for the whole save: EF would otherwise open and close it around each query and the transaction
        // (three times per API submission). Closing it through EF also releases the write gate on every path.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await HandleOpenAsync(me, id, input, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<ManuscriptView> HandleOpenAsync(UserContext me, long? id, ManuscriptInput input, CancellationToken ct)
    {
        if (id is null && await FindBySubmissionKeyAsync(me.Id, input.SubmissionKey, ct) is { } earlier)
            return await views.HandleAsync(earlier, ct);

        var errors = new List<FieldError>();
        var state = await stager.StageAsync(me.Id, input, errors, ct);
        try
        {
            return await SaveAsync(me, id, input, state, errors, ct);
        }
        catch (DomainValidationException ex)
        {
            errors.Add(new FieldError(ex.Field, ex.Code, ex.Args));
            throw new ManuscriptFormException(errors, state);
        }
        catch (DomainException ex)
        {
            throw new ManuscriptFormException([new FieldError("", ex.Code, ex.Args)], state, ex);
        }
        catch (AppException ex) when (ex.Kind is ProblemKind.Validation or ProblemKind.Conflict)
        {
            throw new ManuscriptFormException([new FieldError(ex.Field ?? "", ex.Code, ex.Args)], state, ex);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ManuscriptFormException([new FieldError("", "Manuscript.StaleEdit")], state,
                new DomainException("Manuscript.StaleEdit"));
        }
        catch (DbUpdateException ex) when (id is null && input.SubmissionKey is not null && DbErrors.IsUniqueViolation(ex))
        {
            // 并发的重复提交：另一个请求已用同一提交键建好了稿件。
            db.ChangeTracker.Clear();
            var existing = await FindBySubmissionKeyAsync(me.Id, input.SubmissionKey, ct);
            if (existing is null) throw;
            return await views.HandleAsync(existing.Value, ct);
        }
    }

    private async Task<ManuscriptView> SaveAsync(UserContext me, long? id, ManuscriptInput input, StagedState state,
        List<FieldError> errors, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var (content, categoryName) = await ReadContentAsync(input, state, errors, ct);
        var unitId = ResolveUnit(me, input, errors);
        if (errors.Count > 0 || content is null) throw new ManuscriptFormException(errors, state, state.TooLarge);

        // A new manuscript (not a follow-up) needs nothing from the database until it is written: build and submit it
        // in memory before taking the write transaction, which one writer holds at a time. It is tracked once built, so
        // its whole graph (version, events, photos) is added in its final shape and the save has nothing to compare.
        Manuscript? m = null;
        var resubmission = false;
        var built = id is null && input.FollowUpOf is null;
        if (built)
        {
            m = Manuscript.CreateDraft(unitId!.Value, me.Id, content, now, input.SubmissionKey);
            resubmission = Prepare(m, me, input, state, now);
            db.Manuscripts.Add(m);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Any failure rolls the whole transaction back, so EF's savepoints buy nothing here; with them SQLite journals
        // every page the save changes into a temporary file (about 60 KB per submission: open, write, unlink).
        db.Database.AutoSavepointsEnabled = false;
        if (m is null)
        {
            if (id is { } existingId)
            {
                m = await db.Manuscripts.Include(x => x.Attachments).VisibleTo(me).FirstOrDefaultAsync(x => x.Id == existingId, ct)
                    ?? throw AppException.NotFound();
                m.Edit(me.Id, input.Revision ?? m.Revision, content, now);
                ApplyExistingPhotos(m, me.Id, input, now);
            }
            else
            {
                m = await CreateFollowUpAsync(me, input.FollowUpOf!.Value, content, now, input.SubmissionKey, ct);
            }
            resubmission = Prepare(m, me, input, state, now);
        }

        // 报送在保存之前：稿件以最终状态写入一次（新稿件一条 INSERT，而不是 INSERT 再 UPDATE）。
        if (input.Submit)
            await workflow.NameAsync(m, me, ct);
        // NameAsync sets only the built manuscript's own columns, which its insert reads as they are.
        await SaveTrackedAsync(detectChanges: !built, ct);
        // 新稿件的编号在上面保存后才有：审计记录和通知要指向它。
        // 审计记录管理员也能看：只记编号和单位，不记标题（议题 9 第 10 项）。
        audit.Add(id is null ? "manuscript.create" : "manuscript.edit", "Manuscript", m.Id, $"unit {m.UnitId}");
        if (input.Submit)
            await workflow.RecordAsync(m, me, resubmission, ct);
        // Since the first save only rows were added, and Add() tracks them at once: no need to compare every tracked entity again.
        await SaveTrackedAsync(detectChanges: false, ct);
        await tx.CommitAsync(ct);
        // 新建的稿件在内存中是完整的（内容、附件、全部流转记录），直接据此生成视图，不再读回；
        // 修改的稿件加载时没带流转记录，所以重新读取。
        return id is null ? await views.BuildAsync(m, me, ct, justCreated: true, categoryName) : await views.HandleAsync(m.Id, ct);
    }

    /// <summary>Saves; without comparing the tracked entities to their snapshots when the caller knows nothing tracked was modified.</summary>
    private async Task SaveTrackedAsync(bool detectChanges, CancellationToken ct)
    {
        var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = detecting && detectChanges;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    private async Task<Manuscript> CreateFollowUpAsync(UserContext me, long originalId, ManuscriptContent content, DateTime now,
        string? submissionKey, CancellationToken ct)
    {
        var original = await db.Manuscripts.AsNoTracking().VisibleTo(me).FirstOrDefaultAsync(x => x.Id == originalId, ct)
            ?? throw AppException.Invalid("followUpOf", "Manuscript.FollowUpOriginalMissing");
        if (!me.SubmitUnits.Contains(original.UnitId)) throw AppException.Forbidden("Manuscript.FollowUpOtherUnit");
        var number = await db.Manuscripts.CountAsync(x => x.FollowUpOfId == original.Id, ct) + 1;
        var m = Manuscript.CreateFollowUp(original, me.Id, content, number, now, submissionKey);
        db.Manuscripts.Add(m);
        return m;
    }

    /// <summary>暂存的图片与 Word 原件归入稿件；需要时报送。返回是否为重新报送。</summary>
    private bool Prepare(Manuscript m, UserContext me, ManuscriptInput input, StagedState state, DateTime now)
    {
        foreach (var photo in state.Photos)
            m.AddPhoto(me.Id, new StoredFileRef(photo.Hash, photo.FileName, photo.ContentType, photo.Size, photo.Width, photo.Height), photo.Caption, now);
        if (state.Document is { } doc)
            m.SetDocument(me.Id, new StoredFileRef(doc.Hash, doc.FileName, doc.ContentType, doc.Size), now);
        db.StagedUploads.RemoveRange(state.Photos);
        if (state.Document is not null) db.StagedUploads.Remove(state.Document);
        return input.Submit && workflow.Submit(m, me);
    }

    /// <summary>已有图片：修改图片说明、删除勾选的图片。</summary>
    private static void ApplyExistingPhotos(Manuscript m, long actorId, ManuscriptInput input, DateTime now)
    {
        for (var i = 0; i < input.PhotoIds.Count; i++)
        {
            var photoId = input.PhotoIds[i];
            if (input.RemovePhotoIds.Contains(photoId)) continue;
            var caption = i < input.PhotoCaptions.Count ? input.PhotoCaptions[i] : null;
            if (m.Photos.FirstOrDefault(p => p.Id == photoId) is { } photo && photo.Caption != caption?.Trim())
                m.SetPhotoCaption(actorId, photoId, caption, now);
        }
        foreach (var photoId in input.RemovePhotoIds)
            if (m.Photos.Any(p => p.Id == photoId)) m.RemovePhoto(actorId, photoId, now);
    }

    /// <summary>The content, or null with the errors recorded; and the category's name, which the view shows.</summary>
    private async Task<(ManuscriptContent? Content, string? CategoryName)> ReadContentAsync(ManuscriptInput input, StagedState state, List<FieldError> errors, CancellationToken ct)
    {
        var title = string.IsNullOrWhiteSpace(input.Title) ? state.ImportedTitle : input.Title;
        if (string.IsNullOrWhiteSpace(title)) errors.Add(new FieldError("title", "Required"));

        var body = state.ImportedBody
                   ?? (!string.IsNullOrWhiteSpace(input.BodyHtml) ? BodyHtml.Sanitize(input.BodyHtml) : BodyHtml.FromPlainText(input.Body));
        if (input.Submit && body.Text.Length == 0) errors.Add(new FieldError("body", "Required"));

        long categoryId = 0;
        string? categoryName = null;
        if (string.IsNullOrWhiteSpace(input.Category))
        {
            errors.Add(new FieldError("category", "Required"));
        }
        else
        {
            var key = input.Category.Trim();
            if (long.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var cid))
            {
                categoryName = await CategoryById(db, cid, ct);
                if (categoryName is not null) categoryId = cid;
            }
            else
            {
                categoryId = await CategoryByName(db, key, ct);
                if (categoryId != 0) categoryName = key;
            }
            if (categoryId == 0) errors.Add(new FieldError("category", "Manuscript.UnknownCategory", key));
        }

        var importance = Importance.Routine;
        if (!string.IsNullOrWhiteSpace(input.Importance) && !ImportanceCodes.TryParse(input.Importance, out importance))
            errors.Add(new FieldError("importance", "Manuscript.UnknownImportance", input.Importance));

        DateOnly eventDate = default;
        if (string.IsNullOrWhiteSpace(input.EventDate))
            errors.Add(new FieldError("eventDate", "Required"));
        else if (!DateOnly.TryParseExact(input.EventDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out eventDate))
            errors.Add(new FieldError("eventDate", "Form.BadDate"));

        DateTime? knownAt = null;
        if (input.Emergency && !string.IsNullOrWhiteSpace(input.KnownAt))
        {
            // 页面上的 datetime-local 为北京时间；API 可带时区（如 2026-03-05T08:00:00+08:00）。
            var hasZone = ZoneSuffix.IsMatch(input.KnownAt.Trim());
            if (hasZone && DateTimeOffset.TryParse(input.KnownAt.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var withZone))
                knownAt = withZone.UtcDateTime;
            else if (!hasZone && DateTime.TryParse(input.KnownAt.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                knownAt = DateTime.SpecifyKind(local - ChinaTime.Offset, DateTimeKind.Utc);
            else
                errors.Add(new FieldError("knownAt", "Form.BadDateTime"));
        }

        foreach (var photo in state.Photos)
        {
            var n = state.DocumentPhotos is { Count: > 0 } fromDocument ? IndexOf(fromDocument, photo) : -1;
            var field = n >= 0 ? string.Create(CultureInfo.InvariantCulture, $"documentCaptions[{n}]") : "captions";
            if (photo.Caption is { Length: > Manuscript.CaptionMaxLength })
                errors.Add(new FieldError(field, "TooLong", Manuscript.CaptionMaxLength));
            if (photo.Caption is { } caption && caption.Any(char.IsControl))
                errors.Add(new FieldError(field, "Text.ControlCharacters"));
            if (input.Submit && string.IsNullOrWhiteSpace(photo.Caption))
                errors.Add(n >= 0
                    ? new FieldError(field, "Manuscript.DocumentCaptionRequired", n + 1)
                    : new FieldError(field, "Manuscript.StagedCaptionRequired", photo.FileName));
        }

        return errors.Count > 0
            ? (null, null)
            : (new ManuscriptContent(title!, body.Html, body.Text, categoryId, importance, eventDate, input.Emergency, knownAt), categoryName);
    }

    private static int IndexOf(IReadOnlyList<StagedUpload> photos, StagedUpload photo)
    {
        for (var i = 0; i < photos.Count; i++)
            if (ReferenceEquals(photos[i], photo)) return i;
        return -1;
    }

    /// <summary>时间末尾的时区：Z 或 ±hh:mm（负偏移也算，不能只认 "+"）。</summary>
    private static readonly System.Text.RegularExpressions.Regex ZoneSuffix =
        new(@"(?:[Zz]|[+-]\d{2}:?\d{2})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static long? ResolveUnit(UserContext me, ManuscriptInput input, List<FieldError> errors)
    {
        if (input.UnitId is { } requested)
        {
            // 另一单位的编号：无权以其名义报送（403），不是输入错误。
            if (me.SubmitUnits.Contains(requested)) return requested;
            throw AppException.Forbidden("Manuscript.NotYourUnit");
        }
        if (me.SubmitUnits.Count > 0) return me.SubmitUnits[0];
        throw AppException.Forbidden("Manuscript.NoSubmitUnit");
    }

    private async Task<long?> FindBySubmissionKeyAsync(long userId, string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key)) return null;
        var trimmed = key.Trim()[..Math.Min(64, key.Trim().Length)];
        return await BySubmissionKey(db, userId, trimmed, ct);
    }

    // 每次报送都要执行的查询：预编译，省去每次翻译 LINQ 表达式树的开销。
    private static readonly Func<HeraldDbContext, long, string, CancellationToken, Task<long?>> BySubmissionKey = CompiledQueries.PerModel(
        (HeraldDbContext db, long userId, string key, CancellationToken ct) =>
            db.Manuscripts.Where(m => m.AuthorId == userId && m.SubmissionKey == key).Select(m => (long?)m.Id).FirstOrDefault());

    private static readonly Func<HeraldDbContext, long, CancellationToken, Task<string?>> CategoryById = CompiledQueries.PerModel(
        (HeraldDbContext db, long id, CancellationToken ct) => db.Categories.AsNoTracking().Where(c => !c.Disabled && c.Id == id).Select(c => c.Name).FirstOrDefault());

    private static readonly Func<HeraldDbContext, string, CancellationToken, Task<long>> CategoryByName = CompiledQueries.PerModel(
        (HeraldDbContext db, string name, CancellationToken ct) => db.Categories.AsNoTracking().Where(c => !c.Disabled && c.Name == name).Select(c => c.Id).FirstOrDefault());

}
