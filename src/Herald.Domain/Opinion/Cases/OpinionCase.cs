using Herald.Domain.Common;
using Herald.Domain.Organization;

namespace Herald.Domain.Opinion.Cases;

/// <summary>上级交办：交办机关、文号（编号）、反馈期限。</summary>
public sealed record SuperiorAssignment(string? Office, string? Reference, DateTime? DueAt);

/// <summary>立案所填的研判结果。</summary>
public sealed record OpinionCaseDraft(
    string? Title,
    string? Summary,
    string? Category,
    OpinionSeverity Severity,
    OpinionSentiment Sentiment,
    long OwnerUnitId,
    IReadOnlyList<long> ItemIds,
    SuperiorAssignment? Superior = null);

/// <summary>
/// 舆情（处置闭环）：由一条或多条信息立案研判，交办责任单位，回应与处置，反馈，办结；可重新打开。
/// 状态：研判（待交办）→ 已交办 → 处置中 → 已反馈 → 已办结。每次变化都写入 History。
/// 时限在立案、调整等级、交办时按当时的规则算出并保存（见 <see cref="OpinionCaseDeadline"/>）：
/// 调整等级时，尚未满足的规则时限停止计时，按新等级从调整时刻重新起算；已满足的保留。
/// </summary>
public sealed partial class OpinionCase
{
    public const int TitleMaxLength = 100;
    public const int SummaryMaxLength = 2000;
    public const int CategoryMaxLength = 32;
    public const int InstructionsMaxLength = 2000;
    public const int ReasonMaxLength = 1000;
    public const int LessonsMaxLength = 2000;
    public const int SuperiorOfficeMaxLength = 64;
    public const int ReferenceMaxLength = 64;
    public const int MaxItems = 50;

    private readonly List<OpinionCaseItem> _items = new();
    private readonly List<OpinionCaseDeadline> _deadlines = new();
    private readonly List<OpinionResponse> _responses = new();
    private readonly List<OpinionDisposal> _disposals = new();
    private readonly List<OpinionFeedback> _feedbacks = new();
    private readonly List<OpinionCaseTask> _tasks = new();
    private readonly List<OpinionInterview> _interviews = new();
    private readonly List<OpinionCaseEvent> _history = new();

    private OpinionCase() { Title = ""; Summary = ""; Category = ""; }

    public long Id { get; private set; }
    public string Title { get; private set; }
    /// <summary>研判摘要。</summary>
    public string Summary { get; private set; }
    public string Category { get; private set; }
    public OpinionSeverity Severity { get; private set; }
    public OpinionSentiment Sentiment { get; private set; }
    /// <summary>立案时的建议等级与得分（研判参考，留档）。</summary>
    public OpinionSeverity SuggestedSeverity { get; private set; }
    public int SuggestedScore { get; private set; }
    public OpinionCaseStatus Status { get; private set; }
    /// <summary>立案的宣传办所在单位（范围）。</summary>
    public long OwnerUnitId { get; private set; }
    /// <summary>责任单位（交办后）。</summary>
    public long? UnitId { get; private set; }
    public string? Instructions { get; private set; }
    public DateTime? AssignedAt { get; private set; }
    public long? AssignedById { get; private set; }
    public DateTime? AssignmentDueAt { get; private set; }

    /// <summary>上级交办。</summary>
    public bool FromSuperior { get; private set; }
    public string? SuperiorOffice { get; private set; }
    public string? SuperiorReference { get; private set; }
    public DateTime? SuperiorDueAt { get; private set; }

    public DateTime OpenedAt { get; private set; }
    public long OpenedById { get; private set; }
    /// <summary>当前等级确定的时刻（立案或最近一次调整）。</summary>
    public DateTime SeveritySetAt { get; private set; }
    /// <summary>第一次回应或处置的时刻（内部首次响应）。</summary>
    public DateTime? FirstResponseAt { get; private set; }
    public DateTime? FeedbackAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public long? ClosedById { get; private set; }
    public string? CloseSummary { get; private set; }
    public string? Lessons { get; private set; }
    public int ReopenCount { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    /// <summary>每次修改加一，拒绝过期的操作（乐观并发）。</summary>
    public int Revision { get; private set; }

    public IReadOnlyList<OpinionCaseItem> Items => _items;
    public IReadOnlyList<OpinionCaseDeadline> Deadlines => _deadlines;
    public IReadOnlyList<OpinionResponse> Responses => _responses;
    public IReadOnlyList<OpinionDisposal> Disposals => _disposals;
    public IReadOnlyList<OpinionFeedback> Feedbacks => _feedbacks;
    public IReadOnlyList<OpinionCaseTask> Tasks => _tasks;
    public IReadOnlyList<OpinionInterview> Interviews => _interviews;
    public IReadOnlyList<OpinionCaseEvent> History => _history;

    public IEnumerable<OpinionCaseDeadline> ActiveDeadlines => _deadlines.Where(d => d.IsActive);

    public static OpinionCase Open(OpinionCaseDraft draft, SeveritySuggestion suggestion, DeadlinePolicy policy, long actorId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(suggestion);
        ArgumentNullException.ThrowIfNull(policy);
        var items = (draft.ItemIds ?? []).Distinct().ToList();
        if (items.Count == 0) throw new DomainValidationException("items", "OpinionCase.ItemsRequired");
        if (items.Count > MaxItems) throw new DomainValidationException("items", "OpinionCase.TooManyItems", MaxItems);
        var c = new OpinionCase
        {
            Title = Guard.Required(draft.Title, "title", TitleMaxLength),
            Summary = Guard.Required(draft.Summary, "summary", SummaryMaxLength),
            Category = Guard.Required(draft.Category, "category", CategoryMaxLength),
            Severity = draft.Severity,
            Sentiment = draft.Sentiment,
            SuggestedSeverity = suggestion.Severity,
            SuggestedScore = suggestion.Score,
            OwnerUnitId = draft.OwnerUnitId,
            Status = OpinionCaseStatus.Open,
            OpenedAt = nowUtc,
            OpenedById = actorId,
            SeveritySetAt = nowUtc,
            UpdatedAt = nowUtc,
        };
        if (draft.Superior is { } superior) c.SetSuperior(superior, nowUtc);
        foreach (var itemId in items) c._items.Add(OpinionCaseItem.Create(itemId));
        c.AddPolicyDeadlines(policy, nowUtc);
        if (c.SuperiorDueAt is { } due)
            c._deadlines.Add(OpinionCaseDeadline.Create(DeadlineKind.Feedback, c.Severity, nowUtc, due, null, c.SuperiorReference));
        c.Record(nowUtc, actorId, OpinionCaseAction.Opened, OpinionCaseStatus.Open, detail: c.Summary);
        return c;
    }

    /// <summary>调整等级（须说明理由）。未满足的规则时限停止计时，按新等级从现在起算；已满足的保留。</summary>
    public void ChangeSeverity(OpinionSeverity severity, string? reason, DeadlinePolicy policy, long actorId, DateTime nowUtc)
    {
        EnsureNotClosed();
        if (severity == Severity) throw new DomainException("OpinionCase.SeverityUnchanged");
        var cleaned = Reason(reason, "reason");
        var from = Status;
        Severity = severity;
        SeveritySetAt = nowUtc;
        foreach (var d in ActiveDeadlines.Where(d => d.Kind.IsPolicyKind() && d.MetAt is null).ToList())
            d.Supersede(nowUtc);
        AddPolicyDeadlines(policy, nowUtc);
        RefreshDeadlines();
        Record(nowUtc, actorId, OpinionCaseAction.SeverityChanged, from, detail: cleaned);
        Touch(nowUtc);
    }

    /// <summary>交办（或改派）责任单位。交办要求必填；办理期限可选，须晚于现在。同一单位重复交办 409。</summary>
    public void Assign(long unitId, string? instructions, DateTime? dueAt, long actorId, DateTime nowUtc, int? expectedRevision = null)
    {
        EnsureRevision(expectedRevision);
        if (Status is OpinionCaseStatus.FedBack or OpinionCaseStatus.Closed)
            throw new DomainException("OpinionCase.CannotAssignInStatus");
        if (UnitId == unitId) throw new DomainException("OpinionCase.AlreadyAssigned");
        var cleaned = Guard.Required(instructions, "instructions", InstructionsMaxLength);
        var due = dueAt is { } d ? ChinaTime.EnsureUtc(d) : (DateTime?)null;
        if (due <= nowUtc) throw new DomainValidationException("dueAt", "OpinionCase.DueInPast");
        foreach (var old in ActiveDeadlines.Where(x => x.Kind == DeadlineKind.Assignment && x.MetAt is null).ToList())
            old.Supersede(nowUtc);
        var from = Status;
        UnitId = unitId;
        Instructions = cleaned;
        AssignedAt = nowUtc;
        AssignedById = actorId;
        AssignmentDueAt = due;
        Status = OpinionCaseStatus.Assigned;
        if (due is { } assignmentDue)
            _deadlines.Add(OpinionCaseDeadline.Create(DeadlineKind.Assignment, Severity, nowUtc, assignmentDue, null, null));
        Record(nowUtc, actorId, OpinionCaseAction.Assigned, from, refId: unitId, detail: cleaned);
        Touch(nowUtc);
    }

    /// <summary>
    /// 办结：须填写办结情况和经验教训。已反馈的可以办结；处置中的只有非上级交办的可以办结（上级交办的须先反馈）；
    /// 有回应在审核中时不能办结。
    /// </summary>
    public void Close(string? summary, string? lessons, long actorId, DateTime nowUtc, int? expectedRevision = null)
    {
        EnsureRevision(expectedRevision);
        switch (Status)
        {
            case OpinionCaseStatus.Closed:
                throw new DomainException("OpinionCase.AlreadyClosed");
            case OpinionCaseStatus.Open or OpinionCaseStatus.Assigned:
                throw new DomainException("OpinionCase.NothingDone");
            case OpinionCaseStatus.Handling when FromSuperior:
                throw new DomainException("OpinionCase.FeedbackRequired");
        }
        EnsureNoPendingApproval();
        var cleanedSummary = Guard.Required(summary, "summary", SummaryMaxLength);
        var cleanedLessons = Guard.Required(lessons, "lessons", LessonsMaxLength);
        var from = Status;
        Status = OpinionCaseStatus.Closed;
        ClosedAt = nowUtc;
        ClosedById = actorId;
        CloseSummary = cleanedSummary;
        Lessons = cleanedLessons;
        foreach (var item in _items) item.SetActive(false);
        RefreshDeadlines();
        Record(nowUtc, actorId, OpinionCaseAction.Closed, from, detail: cleanedSummary);
        Touch(nowUtc);
    }

    /// <summary>重新打开已办结的舆情（须说明理由），回到处置中；上级交办的须重新反馈。</summary>
    public void Reopen(string? reason, long actorId, DateTime nowUtc, int? expectedRevision = null)
    {
        EnsureRevision(expectedRevision);
        if (Status != OpinionCaseStatus.Closed) throw new DomainException("OpinionCase.NotClosed");
        var cleaned = Reason(reason, "reason");
        Status = OpinionCaseStatus.Handling;
        ClosedAt = null;
        ClosedById = null;
        CloseSummary = null;
        Lessons = null;
        ReopenCount++;
        foreach (var item in _items) item.SetActive(true);
        Record(nowUtc, actorId, OpinionCaseAction.Reopened, OpinionCaseStatus.Closed, detail: cleaned);
        Touch(nowUtc);
    }

    /// <summary>某时刻各项时限的读数（不含已停止且未计入的）。</summary>
    public IEnumerable<(OpinionCaseDeadline Deadline, ClockReading Reading)> Clocks(DateTime nowUtc) =>
        _deadlines.Select(d => (d, d.Read(ClosedAt, nowUtc)));

    private void SetSuperior(SuperiorAssignment superior, DateTime nowUtc)
    {
        FromSuperior = true;
        SuperiorOffice = Guard.Required(superior.Office, "superiorOffice", SuperiorOfficeMaxLength);
        SuperiorReference = Guard.Required(superior.Reference, "superiorReference", ReferenceMaxLength);
        var due = superior.DueAt is { } d ? ChinaTime.EnsureUtc(d) : throw new DomainValidationException("superiorDueAt", "Required");
        if (due <= nowUtc) throw new DomainValidationException("superiorDueAt", "OpinionCase.DueInPast");
        SuperiorDueAt = due;
    }

    private void AddPolicyDeadlines(DeadlinePolicy policy, DateTime nowUtc)
    {
        foreach (var term in policy.For(Severity))
        {
            // 已满足的同种时限保留，不再重新计时。
            if (ActiveDeadlines.Any(d => d.Kind == term.Kind)) continue;
            _deadlines.Add(OpinionCaseDeadline.Create(term.Kind, Severity, nowUtc, nowUtc.AddMinutes(term.Minutes), term.Minutes, term.Basis));
        }
        RefreshDeadlines();
    }

    /// <summary>按已发生的事实给尚未满足的时限记下满足时刻。</summary>
    private void RefreshDeadlines()
    {
        var released = _responses.Where(r => r.Status == ResponseStatus.Released && r.ReleasedAt is not null).ToList();
        DateTime? firstRelease = released.Count == 0 ? null : released.Min(r => r.ReleasedAt!.Value);
        var press = released.Where(r => r.Kind == ResponseKind.PressConference).ToList();
        DateTime? firstPress = press.Count == 0 ? null : press.Min(r => r.ReleasedAt!.Value);
        foreach (var d in ActiveDeadlines.Where(d => d.MetAt is null))
        {
            var feedback = _feedbacks.Where(f => f.SubmittedAt >= d.StartsAt).Select(f => (DateTime?)f.SubmittedAt).Min();
            var at = d.Kind switch
            {
                DeadlineKind.FirstResponse => FirstResponseAt,
                DeadlineKind.AuthoritativeInfo or DeadlineKind.Answer => firstRelease,
                DeadlineKind.PressConference => firstPress,
                DeadlineKind.Assignment => Earliest(feedback, ClosedAt),
                DeadlineKind.Feedback => feedback,
                _ => null,
            };
            if (at is { } met) d.Meet(met);
        }
    }

    private static DateTime? Earliest(DateTime? a, DateTime? b) => (a, b) switch
    {
        ({ } x, { } y) => x < y ? x : y,
        ({ } x, null) => x,
        (null, { } y) => y,
        _ => null,
    };

    private void EnsureNotClosed()
    {
        if (Status == OpinionCaseStatus.Closed) throw new DomainException("OpinionCase.AlreadyClosed");
    }

    private void EnsureRevision(int? expectedRevision)
    {
        if (expectedRevision is { } expected && expected != Revision) throw new DomainException("OpinionCase.Stale");
    }

    private void EnsureNoPendingApproval()
    {
        if (_responses.Any(r => r.Status == ResponseStatus.PendingApproval))
            throw new DomainException("OpinionCase.ApprovalPending");
    }

    private static string Reason(string? reason, string field) => Guard.Required(reason, field, ReasonMaxLength);

    private void Record(DateTime at, long? actorId, OpinionCaseAction action, OpinionCaseStatus from, int? step = null, Role? role = null,
        long? refId = null, string? tag = null, string? detail = null) =>
        _history.Add(OpinionCaseEvent.Create(at, actorId, action, from, Status, Severity, step, role, refId, tag, detail));

    private void Touch(DateTime nowUtc)
    {
        UpdatedAt = nowUtc;
        Revision++;
    }
}
