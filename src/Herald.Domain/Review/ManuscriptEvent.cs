using Herald.Domain.Organization;
using Herald.Domain.Submission;

namespace Herald.Domain.Review;

/// <summary>稿件流转记录（谁、何时、从何状态到何状态、意见）。只追加，不修改、不删除。</summary>
public sealed class ManuscriptEvent
{
    private ManuscriptEvent() { }

    public long Id { get; private set; }
    public long ManuscriptId { get; private set; }
    public DateTime At { get; private set; }
    public long? ActorId { get; private set; }
    public ManuscriptEventAction Action { get; private set; }
    public ManuscriptStatus FromStatus { get; private set; }
    public ManuscriptStatus ToStatus { get; private set; }
    /// <summary>审核步骤序号（从 1 开始），非审核动作为空。</summary>
    public int? Step { get; private set; }
    public Role? StepRole { get; private set; }
    public string? Comment { get; private set; }
    public int VersionNumber { get; private set; }

    internal static ManuscriptEvent Create(DateTime at, long? actorId, ManuscriptEventAction action,
        ManuscriptStatus from, ManuscriptStatus to, int? step, Role? stepRole, string? comment, int versionNumber) => new()
    {
        At = at,
        ActorId = actorId,
        Action = action,
        FromStatus = from,
        ToStatus = to,
        Step = step,
        StepRole = stepRole,
        Comment = comment,
        VersionNumber = versionNumber,
    };
}
