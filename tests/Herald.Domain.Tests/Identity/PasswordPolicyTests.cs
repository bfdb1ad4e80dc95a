using Herald.Domain.Identity;

namespace Herald.Domain.Tests.Identity;

public class PasswordPolicyTests
{
    [Theory]
    [InlineData("Kvmtrpz1")]      // upper, lower, digit; exactly 8
    [InlineData("kvmtrp1!")]      // lower, digit, symbol
    [InlineData("KVMTRP1!")]      // upper, digit, symbol
    [InlineData("Kvmtrpz!")]      // upper, lower, symbol
    [InlineData("Herald#2026x")]  // all four
    public void Check_EightCharsThreeClasses_NoErrors(string password)
    {
        PasswordPolicy.Check(password, "zhangsan").ShouldBeEmpty();
    }

    [Fact]
    public void Check_SevenCharsFourClasses_TooShortOnly()
    {
        PasswordPolicy.Check("Abcd1!x").ShouldBe(["Password.TooShort"]);
    }

    [Theory]
    [InlineData("abcdefgh")]   // 1 class
    [InlineData("abcdefg1")]   // 2 classes
    [InlineData("ABCDEFG!")]   // 2 classes
    [InlineData("12345678")]   // 1 class
    [InlineData("abcd efgh")]  // whitespace is not a symbol
    public void Check_FewerThanThreeClasses_TooSimple(string password)
    {
        PasswordPolicy.Check(password).ShouldBe(["Password.TooSimple"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Check_Missing_TooShortAndTooSimple(string? password)
    {
        PasswordPolicy.Check(password).ShouldBe(["Password.TooShort", "Password.TooSimple"]);
    }

    [Fact]
    public void Check_OverMaxLength_TooLong()
    {
        var password = "Aa1!" + string.Concat(Enumerable.Repeat("kvmtrpzx", 16))[..(PasswordPolicy.MaxLength - 3)];
        password.Length.ShouldBe(PasswordPolicy.MaxLength + 1);

        PasswordPolicy.Check(password).ShouldBe(["Password.TooLong"]);
        PasswordPolicy.Check(password[..PasswordPolicy.MaxLength]).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("zhangsan#2026", "zhangsan")]
    [InlineData("X1!ZhangSan", "zhangsan")]
    [InlineData("Pre-ZHANGSAN-9", "ZhangSan")]
    public void Check_ContainsUserNameIgnoringCase_ContainsUserName(string password, string userName)
    {
        PasswordPolicy.Check(password, userName).ShouldBe(["Password.ContainsUserName"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Check_NoUserName_UserNameRuleSkipped(string? userName)
    {
        PasswordPolicy.Check("Kq7!zhangsan", userName).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Qwerty123")]
    [InlineData("P@ssw0rd")]
    [InlineData("Aa1aaaaa")]
    public void Check_CommonButStructurallyValid_Common(string password)
    {
        PasswordPolicy.Check(password, "zhangsan").ShouldBe(["Password.Common"]);
    }

    [Fact]
    public void Check_TooSimpleAndCommon_OnlyStructuralCode()
    {
        PasswordPolicy.Check("password").ShouldBe(["Password.TooSimple"]);
    }

    [Fact]
    public void Check_EverythingWrong_AllCodes()
    {
        PasswordPolicy.Check("li", "li").ShouldBe(["Password.TooShort", "Password.TooSimple", "Password.ContainsUserName"]);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 1)]
    [InlineData("aB", 2)]
    [InlineData("aB3", 3)]
    [InlineData("aB3_", 4)]
    [InlineData("   \t", 0)]
    public void CountClasses_Password_DistinctClasses(string password, int expected)
    {
        PasswordPolicy.CountClasses(password).ShouldBe(expected);
    }
}
