using Herald.Domain.Identity;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Identity;

public class ApiTokenTests
{
    private static ApiToken Issue(string name = "报表同步") =>
        ApiToken.Issue(7, "sha256-hash", name, ApiToken.FullScope, TestClock.Now, TimeSpan.FromDays(30));

    [Fact]
    public void Issue_Lifetime_ExpiresAtNowPlusLifetime()
    {
        var token = Issue();

        token.UserId.ShouldBe(7);
        token.TokenHash.ShouldBe("sha256-hash");
        token.Name.ShouldBe("报表同步");
        token.Scope.ShouldBe("full");
        token.CreatedAt.ShouldBe(TestClock.Now);
        token.ExpiresAt.ShouldBe(TestClock.Now.AddDays(30));
        token.RevokedAt.ShouldBeNull();
    }

    [Theory]
    [InlineData("", "api")]
    [InlineData("   ", "api")]
    [InlineData("  sync  ", "sync")]
    public void Issue_Name_TrimmedOrDefaulted(string name, string expected)
    {
        Issue(name).Name.ShouldBe(expected);
    }

    [Fact]
    public void Issue_LongName_TruncatedTo64()
    {
        Issue(new string('n', 100)).Name.Length.ShouldBe(64);
    }

    [Fact]
    public void IsUsable_BeforeExpiry_True()
    {
        Issue().IsUsable(TestClock.Now.AddDays(30).AddTicks(-1)).ShouldBeTrue();
    }

    [Fact]
    public void IsUsable_AtExpiry_False()
    {
        Issue().IsUsable(TestClock.Now.AddDays(30)).ShouldBeFalse();
    }

    [Fact]
    public void Revoke_Usable_NoLongerUsable()
    {
        var token = Issue();

        token.Revoke(TestClock.Now.AddHours(1));

        token.RevokedAt.ShouldBe(TestClock.Now.AddHours(1));
        token.IsUsable(TestClock.Now.AddHours(2)).ShouldBeFalse();
    }

    [Fact]
    public void Revoke_Twice_KeepsFirstRevocationTime()
    {
        var token = Issue();
        token.Revoke(TestClock.Now.AddHours(1));

        token.Revoke(TestClock.Now.AddHours(5));

        token.RevokedAt.ShouldBe(TestClock.Now.AddHours(1));
    }

    [Fact]
    public void Touch_Used_RecordsLastUse()
    {
        var token = Issue();

        token.Touch(TestClock.Now.AddMinutes(3));

        token.LastUsedAt.ShouldBe(TestClock.Now.AddMinutes(3));
    }
}
