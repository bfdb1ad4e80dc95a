using Herald.Domain.Organization;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Organization;

public class AdminRoleRequestTests
{
    private const long Target = 10, Requester = 1, SecAdmin = 2;

    private static AdminRoleRequest Pending() =>
        AdminRoleRequest.Create(Target, Role.Auditor, AdminRoleChange.Grant, Requester, TestClock.Now);

    [Fact]
    public void Create_ContentRole_Refused()
    {
        Expect.Validation(() => AdminRoleRequest.Create(Target, Role.Office, AdminRoleChange.Grant, Requester, TestClock.Now),
            "AdminRequest.NotAdminRole", "Role");
    }

    [Fact]
    public void Create_ForOwnAccount_Refused()
    {
        Expect.Conflict(() => AdminRoleRequest.Create(Requester, Role.Auditor, AdminRoleChange.Grant, Requester, TestClock.Now),
            "User.CannotChangeOwnAccount");
    }

    [Fact]
    public void Create_NewRequest_IsPending()
    {
        var request = Pending();

        request.Status.ShouldBe(AdminRoleRequestStatus.Pending);
        request.DecidedBy.ShouldBeNull();
    }

    [Fact]
    public void Approve_ByAnotherSecurityAdministrator_Approved()
    {
        var request = Pending();

        request.Approve(SecAdmin, TestClock.Now);

        request.Status.ShouldBe(AdminRoleRequestStatus.Approved);
        request.DecidedBy.ShouldBe(SecAdmin);
    }

    [Fact]
    public void Approve_ByRequester_Refused()
    {
        var request = Pending();

        Expect.Forbidden(() => request.Approve(Requester, TestClock.Now), "AdminRequest.OwnRequest");
        request.Status.ShouldBe(AdminRoleRequestStatus.Pending);
    }

    [Fact]
    public void Approve_ByTheAccountConcerned_Refused()
    {
        Expect.Forbidden(() => Pending().Approve(Target, TestClock.Now), "User.CannotChangeOwnAccount");
    }

    [Fact]
    public void Approve_AlreadyDecided_Refused()
    {
        var request = Pending();
        request.Reject(SecAdmin, "不符合三员分立", TestClock.Now);

        Expect.Conflict(() => request.Approve(SecAdmin, TestClock.Now), "AdminRequest.NotPending");
        request.Status.ShouldBe(AdminRoleRequestStatus.Rejected);
        request.Reason.ShouldBe("不符合三员分立");
    }
}
