using Herald.Domain.Organization;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Organization;

public class AdminSeparationTests
{
    [Theory]
    [InlineData(Role.SysAdmin, Role.SecAdmin)]
    [InlineData(Role.SysAdmin, Role.Auditor)]
    [InlineData(Role.SecAdmin, Role.Auditor)]
    [InlineData(Role.Auditor, Role.SysAdmin)]
    public void EnsureCompatible_TwoAdministratorRoles_Refused(Role held, Role added)
    {
        Expect.Conflict(() => AdminSeparation.EnsureCompatible([held], added), "Role.AdminExclusive");
    }

    [Theory]
    [InlineData(Role.SysAdmin, Role.Office)]
    [InlineData(Role.SecAdmin, Role.Correspondent)]
    [InlineData(Role.Auditor, Role.Viewer)]
    [InlineData(Role.OpinionOfficer, Role.SysAdmin)]
    [InlineData(Role.UnitHead, Role.Auditor)]
    public void EnsureCompatible_AdministratorWithContentRole_Refused(Role held, Role added)
    {
        Expect.Conflict(() => AdminSeparation.EnsureCompatible([held], added), "Role.AdminExclusive");
    }

    [Fact]
    public void EnsureCompatible_ContentRolesTogether_Allowed()
    {
        AdminSeparation.EnsureCompatible([Role.Correspondent, Role.UnitHead], Role.OpinionOfficer);
        AdminSeparation.EnsureCompatible([Role.Office], Role.Office);
    }

    [Fact]
    public void EnsureCompatible_ImportRowWithAdminAndContentRole_Refused()
    {
        Expect.Conflict(() => AdminSeparation.EnsureCompatible([Role.Correspondent, Role.SecAdmin]), "Role.AdminExclusive");
        AdminSeparation.EnsureCompatible([Role.Auditor, Role.Auditor]);
    }

    [Fact]
    public void EnsureNotSelf_SameUser_Refused()
    {
        Expect.Conflict(() => AdminSeparation.EnsureNotSelf(7, 7), "User.CannotChangeOwnAccount");
        AdminSeparation.EnsureNotSelf(7, 8);
    }

    [Theory]
    [InlineData(Role.SysAdmin)]
    [InlineData(Role.SecAdmin)]
    [InlineData(Role.Auditor)]
    public void EnsureNotLastHolder_NoOtherActiveHolder_Refused(Role role)
    {
        Expect.Conflict(() => AdminSeparation.EnsureNotLastHolder(role, 0), "Role.LastAdministrator");
        AdminSeparation.EnsureNotLastHolder(role, 1);
    }

    [Fact]
    public void EnsureNotLastHolder_ContentRole_NotProtected()
    {
        AdminSeparation.EnsureNotLastHolder(Role.Office, 0);
    }

    [Fact]
    public void NeedsApproval_OnlyAdministratorRoles()
    {
        Enum.GetValues<Role>().Where(AdminSeparation.NeedsApproval).ShouldBe([Role.SysAdmin, Role.SecAdmin, Role.Auditor], ignoreOrder: true);
    }
}
