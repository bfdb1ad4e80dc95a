using Herald.Domain.Identity;
using Herald.Domain.Organization;

namespace Herald.Domain.Tests.Identity;

public class SecondFactorTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("sys_admin,sec_admin,auditor", new[] { Role.SecAdmin }, true)]
    [InlineData("sys_admin,sec_admin,auditor", new[] { Role.Office, Role.UnitHead }, false)]
    [InlineData(" office , auditor ", new[] { Role.Office }, true)]
    [InlineData("", new[] { Role.SysAdmin }, false)]
    [InlineData(null, new[] { Role.Auditor }, false)]
    public void Policy_RoleCodes_RequiredForHolders(string? codes, Role[] roles, bool expected)
    {
        SecondFactorPolicy.Parse(codes).IsRequiredFor(roles).ShouldBe(expected);
    }

    [Fact]
    public void Policy_UnknownCode_Throws()
    {
        Should.Throw<ArgumentException>(() => SecondFactorPolicy.Parse("sys_admin,superuser")).Message.ShouldContain("superuser");
    }

    [Fact]
    public void AcceptTotpStep_SameOrEarlierStep_RefusedAsReplay()
    {
        var user = UserAccount.Create("secadmin", "安全管理员", null, "hash", false, Now);
        user.EnableSecondFactor("protected", 100, Now);

        user.AcceptTotpStep(100).ShouldBeFalse();
        user.AcceptTotpStep(99).ShouldBeFalse();
        user.AcceptTotpStep(101).ShouldBeTrue();
        user.AcceptTotpStep(101).ShouldBeFalse();
    }

    [Fact]
    public void ResetSecondFactor_Enrolled_ClearedAndSessionsEnded()
    {
        var user = UserAccount.Create("secadmin", "安全管理员", null, "hash", false, Now);
        user.EnableSecondFactor("protected", 100, Now);
        var stamp = user.SecurityStamp;

        user.ResetSecondFactor();

        user.HasSecondFactor.ShouldBeFalse();
        user.TotpSecret.ShouldBeNull();
        user.SecurityStamp.ShouldNotBe(stamp);
        user.AcceptTotpStep(1).ShouldBeTrue();
    }

    [Fact]
    public void RecoveryCode_UsedOnce()
    {
        var code = RecoveryCode.Create(1, "h", Now);

        code.Use(Now).ShouldBeTrue();
        code.Use(Now).ShouldBeFalse();
    }
}
