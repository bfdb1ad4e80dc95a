using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Localization;

namespace Herald.Web.Features.Organization;

/// <summary>管理员角色变更申请（API 与审批页共用）。change：grant|revoke；status：pending|approved|rejected；*Name 为中文名称。</summary>
public sealed record AdminRoleRequestDto(
    long Id, long UserId, string UserName, string DisplayName,
    string Role, string RoleName, string Change, string ChangeName, string Status, string StatusName,
    long RequestedBy, string RequestedByName, DateTime RequestedAt,
    long? DecidedBy, string? DecidedByName, DateTime? DecidedAt, string? Reason);

internal static class AdminRoleRequestText
{
    public static string Code(this AdminRoleChange change) => change == AdminRoleChange.Grant ? "grant" : "revoke";

    public static string Code(this AdminRoleRequestStatus status) => status switch
    {
        AdminRoleRequestStatus.Pending => "pending",
        AdminRoleRequestStatus.Approved => "approved",
        _ => "rejected",
    };

    public static AdminRoleRequestDto ToDto(this AdminRoleRequest r, IReadOnlyDictionary<long, (string UserName, string DisplayName)> people,
        Messages messages)
    {
        (string UserName, string DisplayName) Person(long id) => people.TryGetValue(id, out var p) ? p : ("", "");
        var user = Person(r.UserId);
        return new AdminRoleRequestDto(r.Id, r.UserId, user.UserName, user.DisplayName,
            r.Role.Code(), messages.Role(r.Role), r.Change.Code(), messages["AdminRequest.Change." + r.Change],
            r.Status.Code(), messages["AdminRequest.Status." + r.Status],
            r.RequestedBy, Person(r.RequestedBy).DisplayName, r.RequestedAt,
            r.DecidedBy, r.DecidedBy is { } d ? Person(d).DisplayName : null, r.DecidedAt, r.Reason);
    }
}
