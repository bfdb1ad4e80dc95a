using Herald.Domain.Submission;

namespace Herald.Domain.Tests.Submission;

public class StandardNameTests
{
    [Theory]
    [InlineData(1, 0, "党政办公室-2026年3月5日工作信息")]
    [InlineData(0, 0, "党政办公室-2026年3月5日工作信息")]
    [InlineData(2, 0, "党政办公室-2026年3月5日工作信息（2）")]
    [InlineData(12, 0, "党政办公室-2026年3月5日工作信息（12）")]
    [InlineData(1, 1, "党政办公室-2026年3月5日工作信息（续报1）")]
    [InlineData(2, 3, "党政办公室-2026年3月5日工作信息（2）（续报3）")]
    public void For_SequenceAndFollowUp_FormatsStandardName(int sequence, int followUp, string expected)
    {
        StandardName.For("党政办公室", new DateOnly(2026, 3, 5), sequence, followUp).ShouldBe(expected);
    }

    [Fact]
    public void For_DoubleDigitMonthAndDay_NoZeroPadding()
    {
        StandardName.For("幸福社区", new DateOnly(2026, 11, 20)).ShouldBe("幸福社区-2026年11月20日工作信息");
    }

    [Fact]
    public void ToFileName_ForbiddenCharacters_ReplacedWithUnderscore()
    {
        StandardName.ToFileName("科/技:局*?\"<>|\\-2026年3月5日工作信息", ".docx")
            .ShouldBe("科_技_局" + new string('_', 7) + "-2026年3月5日工作信息.docx");
    }

    [Fact]
    public void ToFileName_ChineseName_KeptAsIs()
    {
        StandardName.ToFileName("党政办公室-2026年3月5日工作信息（2）", ".docx")
            .ShouldBe("党政办公室-2026年3月5日工作信息（2）.docx");
    }
}
