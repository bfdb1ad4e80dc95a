using Herald.Web.Infrastructure.Spreadsheets;

namespace Herald.Web.Tests.Documents;

/// <summary>
/// 标题里带 U+0000 等控制字符（粘贴来的）时，工作簿照样写出、读得回来（以前 XlsxWriter 写不出，舆情统计表对所有人 500）：
/// 控制字符去掉，制表、换行保留。
/// </summary>
public sealed class XlsxControlCharacterTests
{
    private static readonly XlsxLimits Limits = new(50 * 1024 * 1024, 100, 200, 1000);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Write_CellWithControlCharacters_WrittenWithoutThemAndReadable(bool sharedStrings)
    {
        var sheet = new XlsxSheet("统计").Row(XlsxStyle.Normal, "舆情\0标题\u0001\u001f甲", "第一行\n第二行\t制表");

        var content = XlsxWriter.Write([sheet], sharedStrings);

        var row = XlsxReader.Read(content, Limits).Single().Rows.Single();
        row.Cells[1].ShouldBe("舆情标题甲");
        row.Cells[2].ShouldBe("第一行\n第二行\t制表");
    }
}
