using Herald.Domain.Common;

namespace Herald.Domain.Organization;

public enum AdminRoleChange
{
    /// <summary>授予</summary>
    Grant = 0,
    /// <summary>收回</summary>
    Revoke = 1,
}

public enum AdminRoleRequestStatus
{
    /// <summary>待审批</summary>
    Pending = 0,
    /// <summary>已批准（已生效）</summary>
    Approved = 1,
    /// <summary>已驳回</summary>
    Rejected = 2,
}

/// <summary>
/// 管理员角色（sys_admin、sec_admin、auditor）变更的申请：提出后待审批，由申请人和当事人以外的一位安全管理员批准才生效。
/// </summary>
public sealed class AdminRoleRequest
{
    private AdminRoleRequest() { }

    public long Id { get; private set; }
    public long UserId { get; private set; }
    public Role Role { get; private set; }
    public AdminRoleChange Change { get; private set; }
    public AdminRoleRequestStatus Status { get; private set; }
    public long RequestedBy { get; private set; }
    public DateTime RequestedAt { get; private set; }
    public long? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    /// <summary>驳回理由。</summary>
    public string? Reason { get; private set; }

    public static AdminRoleRequest Create(long userId, Role role, AdminRoleChange change, long requestedBy, DateTime nowUtc)
    {
        if (!AdminSeparation.NeedsApproval(role)) throw new DomainValidationException(nameof(Role), "AdminRequest.NotAdminRole");
        AdminSeparation.EnsureNotSelf(requestedBy, userId);
        return new AdminRoleRequest
        {
            UserId = userId, Role = role, Change = change, Status = AdminRoleRequestStatus.Pending,
            RequestedBy = requestedBy, RequestedAt = nowUtc,
        };
    }

    /// <summary>批准（调用方已核实 <paramref name="approverId"/> 是安全管理员）：不能批准自己提出的或关于自己的申请。</summary>
    public void Approve(long approverId, DateTime nowUtc)
    {
        EnsureDecidable(approverId);
        Status = AdminRoleRequestStatus.Approved;
        DecidedBy = approverId;
        DecidedAt = nowUtc;
    }

    public void Reject(long approverId, string? reason, DateTime nowUtc)
    {
        EnsureDecidable(approverId);
        Reason = Guard.OptionalLine(reason, nameof(Reason), 200);
        Status = AdminRoleRequestStatus.Rejected;
        DecidedBy = approverId;
        DecidedAt = nowUtc;
    }

    private void EnsureDecidable(long approverId)
    {
        if (Status != AdminRoleRequestStatus.Pending) throw new DomainException("AdminRequest.NotPending");
        if (approverId == RequestedBy) throw new DomainForbiddenException("AdminRequest.OwnRequest");
        if (approverId == UserId) throw new DomainForbiddenException("User.CannotChangeOwnAccount");
    }
}
