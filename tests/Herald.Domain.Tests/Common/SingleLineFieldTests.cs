using Herald.Domain.Identity;
using Herald.Domain.Organization;
using Herald.Domain.Submission;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Common;

/// <summary>名称、姓名、电话这类单行字段：中间不许有控制字符（首尾的空白照常去掉）。</summary>
public class SingleLineFieldTests
{
    [Theory]
    [InlineData("幸福\n社区")]
    [InlineData("幸福\t社区")]
    [InlineData("幸福\u0000社区")]
    [InlineData("幸福\u001b社区")]
    public void UnitName_ControlCharacterInside_Refused(string name)
    {
        Expect.Validation(() => Unit.Create(name, UnitType.Community, null, 0, TestClock.Now), "Text.ControlCharacters", "Name");
    }

    [Fact]
    public void UnitName_SurroundingWhitespace_TrimmedAndAccepted()
    {
        Unit.Create("  幸福社区\n", UnitType.Community, null, 0, TestClock.Now).Name.ShouldBe("幸福社区");
    }

    [Fact]
    public void OtherSingleLineFields_ControlCharacter_RefusedWithTheirField()
    {
        Expect.Validation(() => Category.Create("经济\r发展", 0), "Text.ControlCharacters", "Name");
        Expect.Validation(() => UserAccount.Create("zhang", "张\u0007三", null, "hash", false, TestClock.Now), "Text.ControlCharacters", "DisplayName");
        Expect.Validation(() => CorrespondentRecord.Register(1, null, "李文", "138\t0537", null, null, new DateOnly(2026, 1, 1), TestClock.Now),
            "Text.ControlCharacters", "Phone");
    }
}
