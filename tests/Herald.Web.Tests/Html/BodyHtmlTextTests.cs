using Herald.Web.Infrastructure.Html;

namespace Herald.Web.Tests.Html;

public sealed class BodyHtmlTextTests
{
    [Fact]
    public void Sanitize_CellWithParagraphsAndLineBreak_TextSeparatesThemWithSpaces()
    {
        var body = BodyHtml.Sanitize("<table><tr><td><p>张三</p><p>李四</p></td><td>王五<br>赵六</td></tr></table>");

        body.Html.ShouldBe("<table><tbody><tr><td><p>张三</p><p>李四</p></td><td>王五<br>赵六</td></tr></tbody></table>");
        body.Text.ShouldBe("张三 李四\t王五 赵六");
    }

    [Fact]
    public void Sanitize_PlainCells_TextUnchanged()
    {
        BodyHtml.Sanitize("<table><tr><td>项目</td><td> 56 人次 </td></tr></table>").Text.ShouldBe("项目\t56 人次");
    }

    [Fact]
    public void Sanitize_ListItemWithNestedList_TextKeepsItsOwnWords()
    {
        var body = BodyHtml.Sanitize("<ul><li>主要做法<strong>有三条</strong><ul><li>入户走访</li><li>集中宣讲</li></ul></li></ul>");

        body.Html.ShouldBe("<ul><li>主要做法<strong>有三条</strong><ul><li>入户走访</li><li>集中宣讲</li></ul></li></ul>");
        body.Text.ShouldBe("主要做法有三条\n入户走访\n集中宣讲");
    }
}
