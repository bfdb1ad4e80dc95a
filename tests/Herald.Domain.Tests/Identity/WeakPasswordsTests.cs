using Herald.Domain.Identity;

namespace Herald.Domain.Tests.Identity;

public class WeakPasswordsTests
{
    [Fact]
    public void CommonList_Shipped_HoldsAtLeastTenThousand()
    {
        WeakPasswords.CommonCount.ShouldBeGreaterThanOrEqualTo(10_000);
    }

    [Theory]
    [InlineData("Aa1aaaaa")]       // one letter repeated
    [InlineData("P@ssw0rd")]       // password with @→a, 0→o
    [InlineData("Qwerty123")]      // keyboard row then digits
    [InlineData("Password1!")]     // list word with affixes
    [InlineData("Dragon#2026")]    // list word with affixes
    [InlineData("1qaz@WSX")]       // keyboard columns
    [InlineData("Zxcvbnm1!")]      // bottom row
    [InlineData("Abcdefg1")]       // alphabet
    [InlineData("!QAZ2wsx")]       // shifted columns
    [InlineData("Woaini1314")]     // 我爱你 1314
    [InlineData("Zhangwei2026!")]  // 姓名拼音 + 年份
    [InlineData("Wang@123456")]    // 姓 + 数字
    [InlineData("Admin@123")]      // shipped Chinese-leak list
    [InlineData("Abab1212")]       // four distinct characters, alternating
    public void IsWeak_CommonOrPatterned_True(string password)
    {
        WeakPasswords.IsWeak(password).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Demo#2026pass")]
    [InlineData("Herald#2026x")]
    [InlineData("Fresh#2026Secret")]
    [InlineData("Kvmtrpz1")]
    [InlineData("Xianzaishijianhao#26")]  // five syllables: a phrase, not a name
    [InlineData("9Tq!mR4v#Lp2")]
    public void IsWeak_Unpatterned_False(string password)
    {
        WeakPasswords.IsWeak(password).ShouldBeFalse();
    }

    [Theory]
    [InlineData("qwerty123", true)]
    [InlineData("q1w2e3r4", false)]   // alternating rows is caught by the list, not the sequence rule
    [InlineData("kvmtrpz1", false)]
    [InlineData("09876543", true)]
    public void IsMostlySequences_Table(string lower, bool expected)
    {
        WeakPasswords.IsMostlySequences(lower).ShouldBe(expected);
    }

    [Theory]
    [InlineData("zhangsan2026", true)]
    [InlineData("xian#88", true)]
    [InlineData("wangxiaomingdage1", false)]  // six syllables
    [InlineData("demopass#1", false)]         // "ss" is not a syllable
    public void IsShortPinyinWithDigits_Table(string lower, bool expected)
    {
        WeakPasswords.IsShortPinyinWithDigits(lower).ShouldBe(expected);
    }
}
