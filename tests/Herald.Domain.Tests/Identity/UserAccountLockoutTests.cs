using Herald.Domain.Identity;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Identity;

public class UserAccountLockoutTests
{
    private static readonly LockoutPolicy Policy = LockoutPolicy.Default;

    private static UserAccount NewUser(string userName = "zhangsan", bool mustChange = false) =>
        UserAccount.Create(userName, "张三", 2, "hash-1", mustChange, TestClock.Now);

    private static void Fail(UserAccount user, int times, DateTime at)
    {
        for (var i = 0; i < times; i++) user.RegisterFailedSignIn(at, Policy).ShouldBeFalse();
    }

    [Fact]
    public void Default_FiveFailuresFifteenMinutes()
    {
        LockoutPolicy.Default.MaxFailures.ShouldBe(5);
        LockoutPolicy.Default.Duration.ShouldBe(TimeSpan.FromMinutes(15));
    }

    [Fact]
    public void RegisterFailedSignIn_FourFailures_CountedNotLocked()
    {
        var user = NewUser();

        Fail(user, 4, TestClock.Now);

        user.FailedSignInCount.ShouldBe(4);
        user.LockoutEndUtc.ShouldBeNull();
        user.IsLockedOut(TestClock.Now).ShouldBeFalse();
    }

    [Fact]
    public void RegisterFailedSignIn_FifthFailure_LockedFifteenMinutes()
    {
        var user = NewUser();
        Fail(user, 4, TestClock.Now);

        var locked = user.RegisterFailedSignIn(TestClock.Now.AddMinutes(1), Policy);

        locked.ShouldBeTrue();
        user.LockoutEndUtc.ShouldBe(TestClock.Now.AddMinutes(16));
        user.FailedSignInCount.ShouldBe(0);
        user.IsLockedOut(TestClock.Now.AddMinutes(1)).ShouldBeTrue();
        user.IsLockedOut(TestClock.Now.AddMinutes(16).AddSeconds(-1)).ShouldBeTrue();
        user.IsLockedOut(TestClock.Now.AddMinutes(16)).ShouldBeFalse();
    }

    [Fact]
    public void RegisterFailedSignIn_WhileLocked_NotCountedAndLockNotExtended()
    {
        var user = NewUser();
        Fail(user, 4, TestClock.Now);
        user.RegisterFailedSignIn(TestClock.Now, Policy).ShouldBeTrue();
        var end = user.LockoutEndUtc;

        for (var i = 1; i <= 10; i++)
            user.RegisterFailedSignIn(TestClock.Now.AddMinutes(i), Policy).ShouldBeFalse();

        user.FailedSignInCount.ShouldBe(0);
        user.LockoutEndUtc.ShouldBe(end);
    }

    [Fact]
    public void RegisterFailedSignIn_AfterLockoutExpires_CountsAfreshFromZero()
    {
        var user = NewUser();
        Fail(user, 4, TestClock.Now);
        user.RegisterFailedSignIn(TestClock.Now, Policy).ShouldBeTrue();
        var after = TestClock.Now.AddMinutes(15);

        Fail(user, 4, after);
        user.IsLockedOut(after).ShouldBeFalse();
        user.FailedSignInCount.ShouldBe(4);

        user.RegisterFailedSignIn(after, Policy).ShouldBeTrue();
        user.LockoutEndUtc.ShouldBe(after.AddMinutes(15));
    }

    [Fact]
    public void RegisterSuccessfulSignIn_AfterFailures_ResetsCount()
    {
        var user = NewUser();
        Fail(user, 4, TestClock.Now);

        user.RegisterSuccessfulSignIn(TestClock.Now.AddMinutes(1));

        user.FailedSignInCount.ShouldBe(0);
        user.LockoutEndUtc.ShouldBeNull();
        user.LastSignInAt.ShouldBe(TestClock.Now.AddMinutes(1));
        Fail(user, 4, TestClock.Now.AddMinutes(2));
        user.IsLockedOut(TestClock.Now.AddMinutes(2)).ShouldBeFalse();
    }

    [Fact]
    public void RegisterFailedSignIn_CustomPolicy_UsesItsLimits()
    {
        var user = NewUser();
        var policy = new LockoutPolicy(3, TimeSpan.FromMinutes(1));

        user.RegisterFailedSignIn(TestClock.Now, policy).ShouldBeFalse();
        user.RegisterFailedSignIn(TestClock.Now, policy).ShouldBeFalse();
        user.RegisterFailedSignIn(TestClock.Now, policy).ShouldBeTrue();

        user.LockoutEndUtc.ShouldBe(TestClock.Now.AddMinutes(1));
    }

    [Fact]
    public void ResetPassword_LockedUser_UnlocksAndRequiresChange()
    {
        var user = NewUser();
        Fail(user, 4, TestClock.Now);
        user.RegisterFailedSignIn(TestClock.Now, Policy).ShouldBeTrue();
        var stamp = user.SecurityStamp;

        user.ResetPassword("hash-2");

        user.IsLockedOut(TestClock.Now).ShouldBeFalse();
        user.LockoutEndUtc.ShouldBeNull();
        user.FailedSignInCount.ShouldBe(0);
        user.MustChangePassword.ShouldBeTrue();
        user.PasswordHash.ShouldBe("hash-2");
        user.SecurityStamp.ShouldNotBe(stamp);
    }

    [Fact]
    public void ResetPassword_WithPendingFailures_ClearsThem()
    {
        var user = NewUser();
        Fail(user, 3, TestClock.Now);

        user.ResetPassword("hash-2");

        user.FailedSignInCount.ShouldBe(0);
    }

    [Fact]
    public void ChangePassword_MustChange_ClearsFlagAndRotatesStamp()
    {
        var user = NewUser(mustChange: true);
        var stamp = user.SecurityStamp;

        user.ChangePassword("hash-3", DateTime.UtcNow);

        user.MustChangePassword.ShouldBeFalse();
        user.PasswordHash.ShouldBe("hash-3");
        user.SecurityStamp.ShouldNotBe(stamp);
    }

    [Fact]
    public void Disable_Active_DisabledAndStampRotated()
    {
        var user = NewUser();
        var stamp = user.SecurityStamp;

        user.Disable();

        user.Disabled.ShouldBeTrue();
        user.SecurityStamp.ShouldNotBe(stamp);
        user.Enable();
        user.Disabled.ShouldBeFalse();
    }

    // ---------- Creation and user name ----------

    [Fact]
    public void Create_MixedCaseAndSpaces_NormalizedUserName()
    {
        var user = UserAccount.Create("  Zhang.San  ", " 张三 ", 2, "hash", true, TestClock.Now);

        user.UserName.ShouldBe("zhang.san");
        user.DisplayName.ShouldBe("张三");
        user.UnitId.ShouldBe(2);
        user.MustChangePassword.ShouldBeTrue();
        user.FailedSignInCount.ShouldBe(0);
        user.CreatedAt.ShouldBe(TestClock.Now);
        user.SecurityStamp.Length.ShouldBe(32);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("li_si-2")]
    [InlineData("wang.wu")]
    [InlineData("0admin")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345")] // 32
    public void Create_ValidUserName_Accepted(string userName)
    {
        UserAccount.Create(userName, "用户", null, "hash", false, TestClock.Now).UserName.ShouldBe(userName);
    }

    [Theory]
    [InlineData("ab")]                                 // 2 characters: below the documented 3
    [InlineData("-abc")]
    [InlineData(".abc")]
    [InlineData("_abc")]
    [InlineData("zhang san")]
    [InlineData("张三")]
    [InlineData("zhang@san")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")] // 33
    public void Create_InvalidUserName_ThrowsInvalidUserName(string userName)
    {
        Expect.Validation(() => UserAccount.Create(userName, "用户", null, "hash", false, TestClock.Now),
            "User.InvalidUserName", "UserName");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_BlankUserName_ThrowsRequired(string? userName)
    {
        Expect.Validation(() => UserAccount.Create(userName!, "用户", null, "hash", false, TestClock.Now), "Required", "UserName");
    }

    [Fact]
    public void Create_BlankDisplayName_ThrowsRequired()
    {
        Expect.Validation(() => UserAccount.Create("zhangsan", " ", null, "hash", false, TestClock.Now), "Required", "DisplayName");
    }

    [Fact]
    public void UpdateProfile_EmailWithoutAt_ThrowsEmailInvalid()
    {
        var user = NewUser();

        Expect.Validation(() => user.UpdateProfile("张三", null, "zhangsan.example.com"), "Email.Invalid", "Email");
    }

    [Fact]
    public void UpdateProfile_BlankOptionalFields_StoredAsNull()
    {
        var user = NewUser();

        user.UpdateProfile("张三丰", "  ", " zs@example.com ");

        user.DisplayName.ShouldBe("张三丰");
        user.Phone.ShouldBeNull();
        user.Email.ShouldBe("zs@example.com");
    }
}

public class UserAccountLockoutMinutesTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, 0)]      // not locked
    [InlineData(15, 15)]
    [InlineData(0.25, 1)]   // 15 seconds left still reads "1 minute"
    [InlineData(14.1, 15)]  // rounded up
    public void LockoutMinutesLeft_Table(double minutesAhead, int expected)
    {
        var user = UserAccount.Create("lockme", "锁定", null, "hash", false, Now);
        if (minutesAhead > 0)
            for (var i = 0; i < 5; i++) user.RegisterFailedSignIn(Now.AddMinutes(minutesAhead - 15), LockoutPolicy.Default);

        user.LockoutMinutesLeft(Now).ShouldBe(expected);
    }
}
