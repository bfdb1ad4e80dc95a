using Herald.Web.Features.Common;
using Herald.Web.Features.Organization;
using Herald.Domain.Organization;

namespace Herald.Web.Features.Correspondents;

public sealed record CorrespondentItem(
    long Id,
    long UnitId,
    string UnitPath,
    string Name,
    string? Position,
    string Phone,
    string? Email,
    DateOnly AppointedOn,
    DateOnly? EndedOn,
    long? UserId,
    string? UserName,
    string? UserDisplayName);

/// <summary>在用而没有在册信息员的单位：宣传办要催的。</summary>
public sealed record MissingUnit(long Id, string Path, UnitType Type);

public sealed record CorrespondentRegistry(
    IReadOnlyList<CorrespondentItem> Active,
    IReadOnlyList<CorrespondentItem> Ended,
    IReadOnlyList<MissingUnit> Missing);

/// <summary>可关联的账号：以该单位为所属单位或在该单位担任角色的有效账号。</summary>
public sealed record LinkableUser(long Id, string UserName, string DisplayName);

public sealed record RegistrationResult(long RecordId, string? RoleGrantedTo);

/// <summary>登记或修改备案的输入（页面表单与 API 共用）。appointedOn 为 yyyy-MM-dd；修改时忽略 UnitId（单位不变）。</summary>
public sealed record CorrespondentInput(long? UnitId, string? Name, string? Phone, string? Email, string? Position, string? AppointedOn, long? UserId);

public sealed class CorrespondentForm
{
    public string? UnitId { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Position { get; set; }
    public string? AppointedOn { get; set; }
    public string? UserId { get; set; }

    public CorrespondentInput ToInput() => new(Wire.OptionalId(UnitId, "UnitId"), Name, Phone, Email, Position, AppointedOn,
        Wire.OptionalId(UserId, "UserId"));
}

public sealed class EndCorrespondentForm
{
    public string? EndedOn { get; set; }
}
