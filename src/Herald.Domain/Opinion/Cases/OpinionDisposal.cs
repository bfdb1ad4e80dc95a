namespace Herald.Domain.Opinion.Cases;

/// <summary>处置措施（现场核查、整改、约谈当事人、删帖申请等），附件可作证明。</summary>
public sealed class OpinionDisposal
{
    public const int DescriptionMaxLength = 4000;

    private readonly List<OpinionCaseAttachment> _attachments = new();

    private OpinionDisposal() { Description = ""; }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    /// <summary>本舆情中的序号（从 1 开始）。</summary>
    public int Number { get; private set; }
    public long UnitId { get; private set; }
    public string Description { get; private set; }
    /// <summary>措施实施的时间。</summary>
    public DateTime TakenAt { get; private set; }
    public long CreatedById { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<OpinionCaseAttachment> Attachments => _attachments;

    internal static OpinionDisposal Create(long caseId, int number, long unitId, string description, DateTime takenAt, long actorId, DateTime nowUtc) => new()
    {
        CaseId = caseId,
        Number = number,
        UnitId = unitId,
        Description = description,
        TakenAt = takenAt,
        CreatedById = actorId,
        CreatedAt = nowUtc,
    };

    internal void Attach(OpinionCaseAttachment attachment) => _attachments.Add(attachment);
}
