using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Manuscripts;

/// <summary>报送表单：类别不预选（"请选择"），不选是明确的必填错误；错误摘要写出是哪一项。</summary>
public sealed class FormErrorSummaryTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task NewForm_Category_StartsWithChooseAndNothingPreselected()
    {
        using var session = await factory.SignInAsync("officer");

        var (_, page) = await session.GetPageAsync("/manuscripts/new");

        var select = page.QuerySelector<IHtmlSelectElement>("select#category")!;
        select.Options[0].Text.Trim().ShouldBe("请选择");
        select.Options[0].Value.ShouldBe("");
        select.Value.ShouldBe("");
    }

    [Fact]
    public async Task SubmitForm_NoCategory_400CategoryMarkedAndSummaryNamesIt()
    {
        using var session = await factory.SignInAsync("officer");
        var form = new ManuscriptForm { Title = ManuscriptApi.Marker(), Category = "", Action = "submit" };

        var response = await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/new", form.ToContent());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await WebSession.ParseAsync(response);
        page.QuerySelector("select#category")!.ClassList.ShouldContain("is-invalid");
        page.QuerySelectorAll("[data-testid=form-errors] li").Select(li => li.TextContent.Trim()).ShouldContain("类别：此项为必填项。");
    }

    [Fact]
    public async Task SubmitForm_NoTitleNoDate_EverySummaryLineNamesItsField()
    {
        using var session = await factory.SignInAsync("officer");
        var form = new ManuscriptForm { Title = "", EventDate = "", Action = "submit" };

        var response = await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/new", form.ToContent());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await WebSession.ParseAsync(response);
        page.QuerySelectorAll("[data-testid=form-errors] li").Select(li => li.TextContent.Trim())
            .ShouldBe(["标题：此项为必填项。", "事件日期：此项为必填项。"], ignoreOrder: true);
    }
}
