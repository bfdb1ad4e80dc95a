namespace Herald.Domain.Notifications;

/// <summary>站内通知。保存种类与参数，显示时再本地化。</summary>
public sealed class Notification
{
    private Notification() { Subject = ""; }

    public long Id { get; private set; }
    public long UserId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public long? ManuscriptId { get; private set; }
    /// <summary>通知涉及的对象标题（如稿件标题）。</summary>
    public string Subject { get; private set; }
    public string? ActorName { get; private set; }
    public string? Comment { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }
    /// <summary>舆情处置的通知指向的舆情（迁移 0010 增加的列，排在最后）。</summary>
    public long? OpinionCaseId { get; private set; }

    public static Notification Create(long userId, NotificationKind kind, long? manuscriptId, string subject,
        string? actorName, string? comment, DateTime nowUtc) => new()
    {
        UserId = userId,
        Kind = kind,
        ManuscriptId = manuscriptId,
        Subject = subject.Length > 200 ? subject[..200] : subject,
        ActorName = actorName,
        Comment = comment is { Length: > 500 } ? comment[..500] : comment,
        CreatedAt = nowUtc,
    };

    /// <summary>舆情处置的通知（交办、待审核、提醒、督办等）。</summary>
    public static Notification ForOpinionCase(long userId, NotificationKind kind, long caseId, string subject,
        string? actorName, string? comment, DateTime nowUtc)
    {
        var n = Create(userId, kind, null, subject, actorName, comment, nowUtc);
        n.OpinionCaseId = caseId;
        return n;
    }

    public void MarkRead(DateTime nowUtc) => ReadAt ??= nowUtc;
}
