using Herald.Domain.Common;

namespace Herald.Domain.Publishing;

/// <summary>
/// 用稿登记：某媒体（或上级政务信息刊物）采用了稿件，或领导作了批示。信息员申报的待宣传办核实后才计分；
/// 宣传办直接登记的即为已核实。登记时保存媒体当时的名称、级别和类型，之后媒体资料变化不影响计分。
/// </summary>
public sealed class Adoption
{
    public const int ColumnMaxLength = 64;

    private Adoption() { SourceName = ""; }

    public long Id { get; private set; }
    public long ManuscriptId { get; private set; }
    public AdoptionKind Kind { get; private set; }
    public long? OutletId { get; private set; }
    /// <summary>媒体名称，或批示领导的姓名职务。</summary>
    public string SourceName { get; private set; }
    public MediaLevel Level { get; private set; }
    public OutletType? OutletType { get; private set; }
    public DateOnly AdoptedOn { get; private set; }
    /// <summary>版面/栏目</summary>
    public string? PageColumn { get; private set; }
    public string? Url { get; private set; }
    /// <summary>头版/头条</summary>
    public bool FrontPage { get; private set; }
    public string? ProofHash { get; private set; }
    public string? ProofFileName { get; private set; }
    public string? ProofContentType { get; private set; }
    public long? ProofSize { get; private set; }
    public AdoptionStatus Status { get; private set; }
    public long ClaimedById { get; private set; }
    public DateTime ClaimedAt { get; private set; }
    public long? VerifiedById { get; private set; }
    public DateTime? VerifiedAt { get; private set; }
    public string? RefuseReason { get; private set; }

    public bool Counts => Status == AdoptionStatus.Verified;

    /// <summary>政务信息：被上级办公室的信息刊物采用。</summary>
    public bool IsGovInfo => OutletType == Publishing.OutletType.GovBulletin;

    internal static Adoption ForOutlet(Outlet outlet, DateOnly adoptedOn, string? column, string? url, bool frontPage,
        ProofFile? proof, long actorId, bool verified, DateTime nowUtc)
    {
        if (outlet.Disabled) throw new DomainValidationException("outletId", "Adoption.OutletDisabled", outlet.Name);
        var adoption = new Adoption
        {
            Kind = AdoptionKind.Outlet,
            OutletId = outlet.Id,
            SourceName = outlet.Name,
            Level = outlet.Level,
            OutletType = outlet.Type,
            FrontPage = frontPage,
        };
        adoption.Fill(adoptedOn, column, url, proof, actorId, verified, nowUtc);
        return adoption;
    }

    internal static Adoption ForInstruction(string leader, MediaLevel level, DateOnly instructedOn, string? url,
        ProofFile? proof, long actorId, bool verified, DateTime nowUtc)
    {
        var adoption = new Adoption
        {
            Kind = AdoptionKind.Instruction,
            SourceName = Guard.Required(leader, "leader", 64),
            Level = level,
        };
        adoption.Fill(instructedOn, null, url, proof, actorId, verified, nowUtc);
        return adoption;
    }

    internal void Verify(long officeUserId, DateTime nowUtc)
    {
        if (Status != AdoptionStatus.Pending)
            throw new DomainException("Adoption.NotPending", Status);
        Status = AdoptionStatus.Verified;
        VerifiedById = officeUserId;
        VerifiedAt = nowUtc;
        RefuseReason = null;
    }

    /// <summary>不予认定（待核实的），或撤销已认定的（登记有误时）。</summary>
    internal void Refuse(long officeUserId, string? reason, DateTime nowUtc)
    {
        if (Status == AdoptionStatus.Refused)
            throw new DomainException("Adoption.AlreadyRefused");
        var cleaned = reason?.Trim();
        if (string.IsNullOrEmpty(cleaned)) throw new DomainValidationException("reason", "Adoption.ReasonRequired");
        if (cleaned.Length > 500) throw new DomainValidationException("reason", "TooLong", 500);
        Status = AdoptionStatus.Refused;
        VerifiedById = officeUserId;
        VerifiedAt = nowUtc;
        RefuseReason = cleaned;
    }

    private void Fill(DateOnly adoptedOn, string? column, string? url, ProofFile? proof, long actorId, bool verified, DateTime nowUtc)
    {
        AdoptedOn = adoptedOn;
        PageColumn = Guard.Optional(column, "column", ColumnMaxLength);
        Url = WebAddress.Optional(url, "url");
        if (proof is not null)
        {
            ProofHash = proof.Hash;
            ProofFileName = proof.FileName;
            ProofContentType = proof.ContentType;
            ProofSize = proof.Size;
        }
        ClaimedById = actorId;
        ClaimedAt = nowUtc;
        if (verified)
        {
            Status = AdoptionStatus.Verified;
            VerifiedById = actorId;
            VerifiedAt = nowUtc;
        }
    }
}
