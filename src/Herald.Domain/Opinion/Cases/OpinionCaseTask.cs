namespace Herald.Domain.Opinion.Cases;

/// <summary>任务由谁负责。</summary>
public enum TaskOwnerKind
{
    /// <summary>舆情的责任单位</summary>
    ResponsibleUnit = 0,
    /// <summary>宣传办</summary>
    Office = 1,
    /// <summary>指定单位</summary>
    Unit = 2,
    /// <summary>指定人员</summary>
    User = 3,
}

/// <summary>启动应急预案时由预案清单生成的任务：负责单位或人员、完成期限（启动时刻 + 预案给出的时长）。</summary>
public sealed class OpinionCaseTask
{
    public const int NoteMaxLength = 1000;

    private OpinionCaseTask() { Title = ""; PlanName = ""; }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public long PlanId { get; private set; }
    public string PlanName { get; private set; }
    public int SortOrder { get; private set; }
    public string Title { get; private set; }
    public TaskOwnerKind OwnerKind { get; private set; }
    /// <summary>负责单位（责任单位、宣传办所在单位或指定单位）。</summary>
    public long? OwnerUnitId { get; private set; }
    public long? OwnerUserId { get; private set; }
    public DateTime ActivatedAt { get; private set; }
    public DateTime DueAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public long? CompletedById { get; private set; }
    public string? Note { get; private set; }

    public bool IsDone => CompletedAt is not null;

    internal static OpinionCaseTask Create(long planId, string planName, int sortOrder, string title, TaskOwnerKind ownerKind,
        long? ownerUnitId, long? ownerUserId, DateTime activatedAt, DateTime dueAt) => new()
    {
        PlanId = planId,
        PlanName = planName,
        SortOrder = sortOrder,
        Title = title,
        OwnerKind = ownerKind,
        OwnerUnitId = ownerUnitId,
        OwnerUserId = ownerUserId,
        ActivatedAt = activatedAt,
        DueAt = dueAt,
    };

    internal void Complete(long actorId, string? note, DateTime nowUtc)
    {
        CompletedAt = nowUtc;
        CompletedById = actorId;
        Note = note;
    }
}
