using Herald.Domain.Identity;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Identity;

public class UserAccountAdministrationTests
{
    private static UserAccount NewUser() => UserAccount.Create("zhangsan", "张三", 2, "hash-1", false, TestClock.Now);

    [Fact]
    public void Unlock_LockedUser_ClearsLockoutKeepsPasswordAndStamp()
    {
        var user = NewUser();
        for (var i = 0; i < LockoutPolicy.Default.MaxFailures; i++) user.RegisterFailedSignIn(TestClock.Now, LockoutPolicy.Default);
        user.IsLockedOut(TestClock.Now).ShouldBeTrue();
        var stamp = user.SecurityStamp;

        user.Unlock();

        user.IsLockedOut(TestClock.Now).ShouldBeFalse();
        user.FailedSignInCount.ShouldBe(0);
        user.PasswordHash.ShouldBe("hash-1");
        user.SecurityStamp.ShouldBe(stamp);
        user.MustChangePassword.ShouldBeFalse();
    }

    [Fact]
    public void Disable_ChangesSecurityStamp_EnableKeepsNewStamp()
    {
        var user = NewUser();
        var stamp = user.SecurityStamp;

        user.Disable();
        var disabledStamp = user.SecurityStamp;
        user.Enable();

        disabledStamp.ShouldNotBe(stamp);
        user.SecurityStamp.ShouldBe(disabledStamp);
        user.Disabled.ShouldBeFalse();
    }

    [Theory]
    [InlineData("li.wenjing", true)]
    [InlineData("  Officer_2 ", true)]
    [InlineData("ab", false)]
    [InlineData("_lead", false)]
    [InlineData("张三", false)]
    [InlineData("a b c", false)]
    [InlineData(null, false)]
    public void IsValidUserName_MatchesCreateRule(string? userName, bool valid)
    {
        UserAccount.IsValidUserName(userName).ShouldBe(valid);
        if (valid) UserAccount.Create(userName!, "张三", null, "h", false, TestClock.Now).UserName.ShouldBe(userName!.Trim().ToLowerInvariant());
    }
}
