using Herald.Domain.Common;

namespace Herald.Domain.Organization;

/// <summary>信息员备案：单位指定的信息员，含任命日期与联系方式。可关联系统账号，也可只登记姓名。</summary>
public sealed class CorrespondentRecord
{
    private CorrespondentRecord() { Name = ""; Phone = ""; }

    public long Id { get; private set; }
    public long UnitId { get; private set; }
    public long? UserId { get; private set; }
    public string Name { get; private set; }
    public string Phone { get; private set; }
    public string? Email { get; private set; }
    public string? Position { get; private set; }
    public DateOnly AppointedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public bool IsActive(DateOnly today) => EndedOn is null || EndedOn > today;

    public static CorrespondentRecord Register(long unitId, long? userId, string name, string phone,
        string? email, string? position, DateOnly appointedOn, DateTime nowUtc)
    {
        var record = new CorrespondentRecord { UnitId = unitId, UserId = userId, CreatedAt = nowUtc };
        record.Update(name, phone, email, position, appointedOn);
        return record;
    }

    /// <summary>修改联系方式与任命日期。已免去的记录是历史，不再修改。</summary>
    public void Update(string name, string phone, string? email, string? position, DateOnly appointedOn)
    {
        if (EndedOn is not null) throw new DomainException("Correspondent.Ended");
        Name = Guard.Line(name, nameof(Name), 32);
        Phone = Guard.Line(phone, nameof(Phone), 32);
        if (!Phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' '))
            throw new DomainValidationException(nameof(Phone), "Phone.Invalid");
        Email = Guard.OptionalLine(email, nameof(Email), 128);
        if (Email is not null && !Email.Contains('@'))
            throw new DomainValidationException(nameof(Email), "Email.Invalid");
        Position = Guard.OptionalLine(position, nameof(Position), 32);
        AppointedOn = appointedOn;
    }

    /// <summary>关联（或取消关联）系统账号。已免去的记录不再修改。</summary>
    public void LinkUser(long? userId)
    {
        if (EndedOn is not null) throw new DomainException("Correspondent.Ended");
        UserId = userId;
    }

    /// <summary>免去信息员（离任）。只能免去一次。</summary>
    public void End(DateOnly endedOn)
    {
        if (EndedOn is not null) throw new DomainException("Correspondent.Ended");
        if (endedOn < AppointedOn)
            throw new DomainValidationException(nameof(EndedOn), "Correspondent.EndBeforeAppointment");
        EndedOn = endedOn;
    }
}
