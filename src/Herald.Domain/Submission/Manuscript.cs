using Herald.Domain.Common;
using Herald.Domain.Organization;
using Herald.Domain.Publishing;
using Herald.Domain.Review;

namespace Herald.Domain.Submission;

/// <summary>
/// 稿件（信息）。状态机：草稿 → 审核中（逐级）→ 已审定；审核中可退回修改（回到作者，重新报送从第一级开始）
/// 或不予采用（终态）。每次状态变化都写入 History，每次报送保存一个版本。
/// </summary>
public sealed partial class Manuscript
{
    public const int TitleMaxLength = 100;
    public const int BodyMaxLength = 200_000;
    public const int MaxPhotos = 30;
    public const int CaptionMaxLength = 200;
    public const int ReasonMaxLength = 1000;

    private readonly List<ManuscriptVersion> _versions = new();
    private readonly List<ManuscriptAttachment> _attachments = new();
    private readonly List<ManuscriptEvent> _history = new();
    private readonly List<Publication> _publications = new();
    private readonly List<Adoption> _adoptions = new();

    private Manuscript() { Title = ""; BodyHtml = ""; BodyText = ""; RouteSteps = ""; }

    public long Id { get; private set; }
    public long UnitId { get; private set; }
    public long AuthorId { get; private set; }
    public string Title { get; private set; }
    public string BodyHtml { get; private set; }
    public string BodyText { get; private set; }
    public long CategoryId { get; private set; }
    public Importance Importance { get; private set; }
    public DateOnly EventDate { get; private set; }
    public bool Emergency { get; private set; }
    /// <summary>突发事件获知时间（UTC），用于 1 小时时限。</summary>
    public DateTime? KnownAtUtc { get; private set; }
    /// <summary>续报所接续的原稿。</summary>
    public long? FollowUpOfId { get; private set; }
    public int FollowUpNumber { get; private set; }

    public ManuscriptStatus Status { get; private set; }
    /// <summary>本轮审核路线（报送时按配置确定并保存，配置变化不影响在途稿件）。</summary>
    public string RouteSteps { get; private set; }
    /// <summary>当前审核步骤（从 0 开始）；不在审核中时为空。</summary>
    public int? CurrentStep { get; private set; }
    /// <summary>当前步骤的审核角色（冗余保存，供"待我审核"查询使用索引）。</summary>
    public Role? CurrentStepRole { get; private set; }
    /// <summary>已报送的版本数。</summary>
    public int VersionNumber { get; private set; }
    /// <summary>每次修改加一，用于拒绝过期的编辑（乐观并发）。</summary>
    public int Revision { get; private set; }

    public string? StandardName { get; private set; }
    public DateOnly? NameDate { get; private set; }
    public int NameSequence { get; private set; }

    /// <summary>首次报送时间。</summary>
    public DateTime? SubmittedAt { get; private set; }
    public DateTime? LastSubmittedAt { get; private set; }
    public bool IsLate { get; private set; }
    public DateTime? ApprovedAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    /// <summary>客户端生成的提交键：重复点击提交只产生一篇稿件。</summary>
    public string? SubmissionKey { get; private set; }

    /// <summary>采编状态（审定后：待采编、已发布、不采用）。</summary>
    public EditorialStatus Editorial { get; private set; }
    public string? NotUsedReason { get; private set; }
    /// <summary>首次在本单位平台发布的时间。</summary>
    public DateTime? PublishedAt { get; private set; }

    public IReadOnlyList<Publication> Publications => _publications;
    public IReadOnlyList<Adoption> Adoptions => _adoptions;

    public IReadOnlyList<ManuscriptVersion> Versions => _versions;
    public IReadOnlyList<ManuscriptAttachment> Attachments => _attachments;
    public IReadOnlyList<ManuscriptEvent> History => _history;

    public IEnumerable<ManuscriptAttachment> Photos =>
        _attachments.Where(a => a.Kind == AttachmentKind.Photo).OrderBy(a => a.SortOrder);

    public ManuscriptAttachment? Document => _attachments.FirstOrDefault(a => a.Kind == AttachmentKind.Document);

    public ReviewRoute Route => ReviewRoute.Parse(RouteSteps);

    public static Manuscript CreateDraft(long unitId, long authorId, ManuscriptContent content, DateTime nowUtc,
        string? submissionKey = null)
    {
        var m = new Manuscript
        {
            UnitId = unitId,
            AuthorId = authorId,
            Status = ManuscriptStatus.Draft,
            CreatedAt = nowUtc,
            SubmissionKey = string.IsNullOrWhiteSpace(submissionKey) ? null : submissionKey.Trim()[..Math.Min(64, submissionKey.Trim().Length)],
        };
        m.ApplyContent(content, nowUtc);
        m.Record(nowUtc, authorId, ManuscriptEventAction.Created, ManuscriptStatus.Draft, null, null);
        return m;
    }

    /// <summary>续报：接续一篇已报送的突发事件稿件，作为新稿件走审核。</summary>
    public static Manuscript CreateFollowUp(Manuscript original, long authorId, ManuscriptContent content,
        int followUpNumber, DateTime nowUtc, string? submissionKey = null)
    {
        if (!original.Emergency)
            throw new DomainException("Manuscript.FollowUpNeedsEmergency");
        if (original.SubmittedAt is null)
            throw new DomainException("Manuscript.FollowUpNeedsSubmitted");
        if (original.FollowUpOfId is not null)
            throw new DomainException("Manuscript.FollowUpOfFollowUp");
        var m = CreateDraft(original.UnitId, authorId, content with { Emergency = true }, nowUtc, submissionKey);
        m.FollowUpOfId = original.Id;
        m.FollowUpNumber = followUpNumber;
        return m;
    }

    /// <summary>作者修改内容（草稿或退回修改时）。expectedRevision 与当前不符说明别人已改过，拒绝覆盖。</summary>
    public void Edit(long actorId, int expectedRevision, ManuscriptContent content, DateTime nowUtc)
    {
        EnsureEditableBy(actorId, expectedRevision);
        ApplyContent(content, nowUtc);
    }

    public void AddPhoto(long actorId, StoredFileRef file, string? caption, DateTime nowUtc)
    {
        EnsureEditableBy(actorId, null);
        if (Photos.Count() >= MaxPhotos)
            throw new DomainValidationException("Photos", "Manuscript.TooManyPhotos", MaxPhotos);
        var order = _attachments.Count == 0 ? 0 : _attachments.Max(a => a.SortOrder) + 1;
        _attachments.Add(ManuscriptAttachment.Create(AttachmentKind.Photo, file, CleanCaption(caption), order));
        Touch(nowUtc);
    }

    public void SetPhotoCaption(long actorId, long attachmentId, string? caption, DateTime nowUtc)
    {
        EnsureEditableBy(actorId, null);
        FindPhoto(attachmentId).SetCaption(CleanCaption(caption));
        Touch(nowUtc);
    }

    public void RemovePhoto(long actorId, long attachmentId, DateTime nowUtc)
    {
        EnsureEditableBy(actorId, null);
        _attachments.Remove(FindPhoto(attachmentId));
        Touch(nowUtc);
    }

    /// <summary>设置 Word 原件（替换旧的）。</summary>
    public void SetDocument(long actorId, StoredFileRef file, DateTime nowUtc)
    {
        EnsureEditableBy(actorId, null);
        if (Document is { } old) _attachments.Remove(old);
        _attachments.Add(ManuscriptAttachment.Create(AttachmentKind.Document, file, null, 0));
        Touch(nowUtc);
    }

    /// <summary>
    /// 报送（草稿）或重新报送（退回修改后）：保存版本，进入本轮路线第一步。
    /// 每一步都必须能找到审核人；作者本人即为该级审核人的步骤自动通过并留痕。
    /// </summary>
    public void Submit(long actorId, ReviewRoute route, Func<Role, ReviewerResolution> reviewers,
        TimelinessPolicy timeliness, DateTime nowUtc)
    {
        if (Status is not (ManuscriptStatus.Draft or ManuscriptStatus.Returned))
            throw new DomainException("Manuscript.CannotSubmitInStatus", Status);
        if (actorId != AuthorId)
            throw new DomainForbiddenException("Manuscript.NotAuthor");
        EnsureComplete(nowUtc);
        foreach (var role in route.Steps)
        {
            if (!reviewers(role).Found)
                throw new DomainException("Review.NoReviewer", role);
        }

        var from = Status;
        var resubmission = from == ManuscriptStatus.Returned;
        RouteSteps = route.Serialize();
        VersionNumber++;
        _versions.Add(ManuscriptVersion.Snapshot(this, VersionNumber, nowUtc));
        if (SubmittedAt is null)
        {
            SubmittedAt = nowUtc;
            IsLate = timeliness.IsLate(EventDate, Emergency, KnownAtUtc, nowUtc);
        }
        LastSubmittedAt = nowUtc;
        Status = ManuscriptStatus.InReview;
        CurrentStep = 0;
        CurrentStepRole = route.Steps[0];
        Record(nowUtc, actorId, resubmission ? ManuscriptEventAction.Resubmitted : ManuscriptEventAction.Submitted, from, null, null);
        SkipStepsHeldBy(actorId, reviewers, nowUtc);
        Touch(nowUtc);
    }

    /// <summary>
    /// 撤回（作者本人）：审核中、且本轮报送后还没有审核人处理过时，稿件回到草稿，可修改后再报送。
    /// 作者本人即审核人而自动通过的步骤不算审核人处理过。
    /// </summary>
    public void Withdraw(long actorId, DateTime nowUtc)
    {
        if (actorId != AuthorId)
            throw new DomainForbiddenException("Manuscript.NotAuthor");
        if (Status != ManuscriptStatus.InReview)
            throw new DomainException("Manuscript.CannotWithdrawInStatus", Status);
        if (ReviewedSinceSubmission())
            throw new DomainException("Manuscript.WithdrawAfterReview");
        Status = ManuscriptStatus.Draft;
        CurrentStep = null;
        CurrentStepRole = null;
        Record(nowUtc, actorId, ManuscriptEventAction.Withdrawn, ManuscriptStatus.InReview, null, null);
        Touch(nowUtc);
    }

    /// <summary>作者现在能否撤回（详情页据此显示“撤回”按钮）。</summary>
    public bool CanBeWithdrawnBy(long userId) =>
        Status == ManuscriptStatus.InReview && AuthorId == userId && !ReviewedSinceSubmission();

    /// <summary>本轮报送之后是否已有审核人通过了某一级或审改过（退回、不予采用会让稿件离开审核中）。</summary>
    private bool ReviewedSinceSubmission()
    {
        // 读出的记录按编号排序，本次新加的（编号为 0）在后。
        var ordered = _history.Where(e => e.Id > 0).OrderBy(e => e.Id).Concat(_history.Where(e => e.Id == 0));
        var reviewed = false;
        foreach (var e in ordered)
        {
            if (e.Action is ManuscriptEventAction.Submitted or ManuscriptEventAction.Resubmitted) reviewed = false;
            else if (e.Action is ManuscriptEventAction.Approved or ManuscriptEventAction.ReviewEdited) reviewed = true;
        }
        return reviewed;
    }

    /// <summary>报送后分配规范名称（同单位同日的序号由调用方在事务内取得）。</summary>
    public void AssignStandardName(string unitName, DateOnly reportDate, int sequence)
    {
        if (StandardName is not null) return;
        NameDate = reportDate;
        NameSequence = sequence;
        StandardName = Submission.StandardName.For(unitName, reportDate, sequence, FollowUpNumber);
    }

    /// <summary>本级审核通过；最后一级通过后稿件审定，进入采编池。</summary>
    public void Approve(long actorId, string? comment, Func<Role, ReviewerResolution> reviewers, DateTime nowUtc,
        int? expectedRevision = null)
    {
        var role = EnsureReviewableBy(actorId, reviewers, expectedRevision);
        var cleaned = CleanComment(comment, required: false);
        var step = CurrentStep!.Value;
        AdvanceFrom(step, nowUtc);
        Record(nowUtc, actorId, ManuscriptEventAction.Approved, ManuscriptStatus.InReview, step, role, cleaned);
        SkipStepsHeldBy(actorId, reviewers, nowUtc);
        Touch(nowUtc);
    }

    /// <summary>退回修改：必须说明理由，稿件回到作者。</summary>
    public void Return(long actorId, string? reason, Func<Role, ReviewerResolution> reviewers, DateTime nowUtc,
        int? expectedRevision = null)
    {
        var role = EnsureReviewableBy(actorId, reviewers, expectedRevision);
        var cleaned = CleanComment(reason, required: true);
        var step = CurrentStep;
        Status = ManuscriptStatus.Returned;
        CurrentStep = null;
        CurrentStepRole = null;
        Record(nowUtc, actorId, ManuscriptEventAction.Returned, ManuscriptStatus.InReview, step, role, cleaned);
        Touch(nowUtc);
    }

    /// <summary>不予采用：必须说明理由，终态。</summary>
    public void Reject(long actorId, string? reason, Func<Role, ReviewerResolution> reviewers, DateTime nowUtc,
        int? expectedRevision = null)
    {
        var role = EnsureReviewableBy(actorId, reviewers, expectedRevision);
        var cleaned = CleanComment(reason, required: true);
        var step = CurrentStep;
        Status = ManuscriptStatus.Rejected;
        CurrentStep = null;
        CurrentStepRole = null;
        Record(nowUtc, actorId, ManuscriptEventAction.Rejected, ManuscriptStatus.InReview, step, role, cleaned);
        Touch(nowUtc);
    }

    /// <summary>在本单位平台发布（可发布到多个平台，同一平台一次）。只有已审定的稿件可以发布。</summary>
    public Publication Publish(Channel channel, string? url, DateTime publishedAtUtc, long editorId, DateTime nowUtc)
    {
        EnsureApproved();
        if (channel.Disabled) throw new DomainValidationException("channelId", "Publishing.ChannelDisabled", channel.Name);
        if (_publications.Any(p => p.ChannelId == channel.Id))
            throw new DomainException("Publishing.AlreadyPublished", channel.Name);
        var published = ChinaTime.EnsureUtc(publishedAtUtc);
        if (published > nowUtc.AddMinutes(5)) throw new DomainValidationException("publishedAt", "Publishing.PublishedInFuture");
        if (ApprovedAt is { } approved && published < approved.AddDays(-1))
            throw new DomainValidationException("publishedAt", "Publishing.PublishedBeforeApproval");
        var publication = Publication.Create(channel, WebAddress.Optional(url, "url"), published, editorId, nowUtc);
        _publications.Add(publication);
        var from = Status;
        Editorial = EditorialStatus.Published;
        NotUsedReason = null;
        PublishedAt = PublishedAt is { } first && first < published ? first : published;
        Record(nowUtc, editorId, ManuscriptEventAction.Published, from, null, null, channel.Name);
        Touch(nowUtc);
        return publication;
    }

    /// <summary>宣传办决定不采用（须说明理由）。已发布的稿件不能再标为不采用。</summary>
    public void MarkNotUsed(long editorId, string? reason, DateTime nowUtc)
    {
        EnsureApproved();
        if (Editorial != EditorialStatus.Pending) throw new DomainException("Publishing.NotPending", Editorial);
        NotUsedReason = CleanComment(reason, required: true);
        Editorial = EditorialStatus.NotUsed;
        Record(nowUtc, editorId, ManuscriptEventAction.NotUsed, Status, null, null, NotUsedReason);
        Touch(nowUtc);
    }

    /// <summary>
    /// 登记媒体（或政务信息刊物）采用。verified=true 为宣传办直接登记（即已核实），false 为信息员申报（待核实）。
    /// 同一媒体对同一稿件只能登记一次（被不予认定的除外）。
    /// </summary>
    public Adoption RecordAdoption(Outlet outlet, DateOnly adoptedOn, string? column, string? url, bool frontPage,
        ProofFile? proof, long actorId, bool verified, DateTime nowUtc)
    {
        EnsureApproved();
        EnsureAdoptionDate(adoptedOn, nowUtc);
        if (_adoptions.Any(a => a.OutletId == outlet.Id && a.Status != AdoptionStatus.Refused))
            throw new DomainException("Adoption.Duplicate", outlet.Name);
        var adoption = Adoption.ForOutlet(outlet, adoptedOn, column, url, frontPage, proof, actorId, verified, nowUtc);
        _adoptions.Add(adoption);
        Record(nowUtc, actorId, ManuscriptEventAction.AdoptionRecorded, Status, null, null, outlet.Name);
        Touch(nowUtc);
        return adoption;
    }

    /// <summary>登记领导批示（与用稿同样申报、核实）。</summary>
    public Adoption RecordInstruction(string leader, MediaLevel level, DateOnly instructedOn, string? url, ProofFile? proof,
        long actorId, bool verified, DateTime nowUtc)
    {
        EnsureApproved();
        EnsureAdoptionDate(instructedOn, nowUtc);
        var adoption = Adoption.ForInstruction(leader, level, instructedOn, url, proof, actorId, verified, nowUtc);
        if (_adoptions.Any(a => a.Kind == AdoptionKind.Instruction && a.Status != AdoptionStatus.Refused
                                && a.SourceName == adoption.SourceName && a.AdoptedOn == instructedOn))
            throw new DomainException("Adoption.DuplicateInstruction", adoption.SourceName);
        _adoptions.Add(adoption);
        Record(nowUtc, actorId, ManuscriptEventAction.AdoptionRecorded, Status, null, null, adoption.SourceName);
        Touch(nowUtc);
        return adoption;
    }

    public void VerifyAdoption(long adoptionId, long officeUserId, DateTime nowUtc)
    {
        var adoption = FindAdoption(adoptionId);
        adoption.Verify(officeUserId, nowUtc);
        Record(nowUtc, officeUserId, ManuscriptEventAction.AdoptionVerified, Status, null, null, adoption.SourceName);
        Touch(nowUtc);
    }

    public void RefuseAdoption(long adoptionId, long officeUserId, string? reason, DateTime nowUtc)
    {
        var adoption = FindAdoption(adoptionId);
        adoption.Refuse(officeUserId, reason, nowUtc);
        Record(nowUtc, officeUserId, ManuscriptEventAction.AdoptionRefused, Status, null, null,
            $"{adoption.SourceName}：{adoption.RefuseReason}");
        Touch(nowUtc);
    }

    private Adoption FindAdoption(long adoptionId) =>
        _adoptions.FirstOrDefault(a => a.Id == adoptionId) ?? throw new DomainValidationException("adoptionId", "Adoption.NotFound");

    private void EnsureApproved()
    {
        if (Status != ManuscriptStatus.Approved) throw new DomainException("Publishing.NotApproved", Status);
    }

    private void EnsureAdoptionDate(DateOnly date, DateTime nowUtc)
    {
        if (date > ChinaTime.DateOf(nowUtc)) throw new DomainValidationException("adoptedOn", "Adoption.DateInFuture");
        if (SubmittedAt is { } submitted && date < ChinaTime.DateOf(submitted))
            throw new DomainValidationException("adoptedOn", "Adoption.DateBeforeSubmission");
    }

    /// <summary>此人现在能否审核这篇稿件。</summary>
    public bool IsAwaiting(long userId, Func<Role, ReviewerResolution> reviewers) =>
        Status == ManuscriptStatus.InReview && CurrentStepRole is { } role && reviewers(role).UserIds.Contains(userId);

    public bool CanBeDeletedBy(long userId) => Status == ManuscriptStatus.Draft && SubmittedAt is null && AuthorId == userId;

    private Role EnsureReviewableBy(long actorId, Func<Role, ReviewerResolution> reviewers, int? expectedRevision)
    {
        if (expectedRevision is { } expected && expected != Revision)
            throw new DomainException("Manuscript.StaleReview");
        if (Status != ManuscriptStatus.InReview || CurrentStepRole is not { } role)
            throw new DomainException("Review.NotInReview", Status);
        if (!reviewers(role).UserIds.Contains(actorId))
            throw new DomainForbiddenException("Review.NotReviewer");
        return role;
    }

    private void EnsureEditableBy(long actorId, int? expectedRevision)
    {
        if (actorId != AuthorId)
            throw new DomainForbiddenException("Manuscript.NotAuthor");
        if (!Status.IsEditable())
            throw new DomainException("Manuscript.NotEditable", Status);
        if (expectedRevision is { } expected && expected != Revision)
            throw new DomainException("Manuscript.StaleEdit");
    }

    private void EnsureComplete(DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(BodyText))
            throw new DomainValidationException("Body", "Required");
        if (CategoryId <= 0)
            throw new DomainValidationException("Category", "Required");
        if (EventDate > ChinaTime.DateOf(nowUtc))
            throw new DomainValidationException("EventDate", "Manuscript.EventDateInFuture");
        var index = 0;
        foreach (var photo in Photos)
        {
            index++;
            if (string.IsNullOrWhiteSpace(photo.Caption))
                throw new DomainValidationException("Captions", "Manuscript.PhotoCaptionRequired", index);
        }
    }

    private void AdvanceFrom(int step, DateTime nowUtc)
    {
        var steps = Route.Steps;
        var next = step + 1;
        if (next >= steps.Count)
        {
            Status = ManuscriptStatus.Approved;
            CurrentStep = null;
            CurrentStepRole = null;
            ApprovedAt = nowUtc;
            Editorial = EditorialStatus.Pending;
        }
        else
        {
            CurrentStep = next;
            CurrentStepRole = steps[next];
        }
    }

    /// <summary>当前步骤的审核人就是刚才操作的人（作者本人或连续两级同一人）时，该步骤自动通过。</summary>
    private void SkipStepsHeldBy(long actorId, Func<Role, ReviewerResolution> reviewers, DateTime nowUtc)
    {
        while (Status == ManuscriptStatus.InReview && CurrentStepRole is { } role && reviewers(role).UserIds.Contains(actorId))
        {
            var step = CurrentStep!.Value;
            AdvanceFrom(step, nowUtc);
            Record(nowUtc, actorId, ManuscriptEventAction.AutoPassed, ManuscriptStatus.InReview, step, role, null);
        }
    }

    private void Record(DateTime at, long? actorId, ManuscriptEventAction action, ManuscriptStatus from, int? step,
        Role? role, string? comment = null) =>
        _history.Add(ManuscriptEvent.Create(at, actorId, action, from, Status, step is null ? null : step + 1, role,
            comment, VersionNumber));

    private void ApplyContent(ManuscriptContent content, DateTime nowUtc)
    {
        Title = Guard.Required(content.Title, "Title", TitleMaxLength);
        if (content.BodyText.Length > BodyMaxLength || content.BodyHtml.Length > BodyMaxLength * 4)
            throw new DomainValidationException("Body", "TooLong", BodyMaxLength);
        BodyHtml = content.BodyHtml;
        BodyText = content.BodyText.Trim();
        CategoryId = content.CategoryId;
        Importance = content.Importance;
        EventDate = content.EventDate;
        Emergency = content.Emergency;
        KnownAtUtc = content.Emergency && content.KnownAtUtc is { } known ? ChinaTime.EnsureUtc(known) : null;
        if (KnownAtUtc > nowUtc.AddMinutes(5))
            throw new DomainValidationException("KnownAt", "Manuscript.KnownAtInFuture");
        Touch(nowUtc);
    }

    private ManuscriptAttachment FindPhoto(long attachmentId) =>
        _attachments.FirstOrDefault(a => a.Id == attachmentId && a.Kind == AttachmentKind.Photo)
        ?? throw new DomainValidationException("Photos", "Manuscript.PhotoNotFound");

    private static string? CleanCaption(string? caption)
    {
        var trimmed = caption?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > CaptionMaxLength)
            throw new DomainValidationException("Captions", "TooLong", CaptionMaxLength);
        return trimmed;
    }

    private static string? CleanComment(string? comment, bool required)
    {
        var trimmed = comment?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required) throw new DomainValidationException("Comment", "Review.ReasonRequired");
            return null;
        }
        if (trimmed.Length > ReasonMaxLength)
            throw new DomainValidationException("Comment", "TooLong", ReasonMaxLength);
        return trimmed;
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAt = nowUtc;
        Revision++;
    }
}
