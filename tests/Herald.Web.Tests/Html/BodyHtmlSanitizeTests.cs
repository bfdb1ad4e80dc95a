using Herald.Web.Infrastructure.Html;

namespace Herald.Web.Tests.Html;

public sealed class BodyHtmlSanitizeTests
{
    [Fact]
    public void Sanitize_ScriptStyleAndFormControls_RemovedWithTheirContent()
    {
        var body = BodyHtml.Sanitize("<p>甲</p><script>alert(1)</script><style>p{color:red}</style><select><option>乙</option></select><p>丙</p>");

        body.Html.ShouldBe("<p>甲</p><p>丙</p>");
    }

    [Fact]
    public void Sanitize_EventHandlersStylesAndLinks_DroppedButTextKept()
    {
        var body = BodyHtml.Sanitize("<p onclick=\"x()\" style=\"color:red\" class=\"a\">见<a href=\"javascript:alert(1)\">链接</a><img src=x onerror=alert(1)></p>");

        body.Html.ShouldBe("<p>见链接</p>");
    }

    [Fact]
    public void Sanitize_BoldAndTopHeading_MappedToHouseTags()
    {
        BodyHtml.Sanitize("<h1>标题</h1><div>散落<b>文字</b></div>").Html.ShouldBe("<h2>标题</h2><p>散落<strong>文字</strong></p>");
    }

    [Fact]
    public void Sanitize_CellSpans_KeptOnlyWithinRange()
    {
        BodyHtml.Sanitize("<table><tr><td colspan=\"2\" rowspan=\"500\" width=\"9\">甲</td></tr></table>").Html
            .ShouldBe("<table><tbody><tr><td colspan=\"2\">甲</td></tr></tbody></table>");
    }
}
