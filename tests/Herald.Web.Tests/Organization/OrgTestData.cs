using System.Net;
using AngleSharp.Html.Dom;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Organization;

/// <summary>读数据库核对结果（不经页面），以及表单提交后的常用断言。</summary>
internal static class OrgTestData
{
    /// <summary>某实体上的审计记录（动作代码），按时间先后。</summary>
    public static Task<List<string>> AuditActionsAsync(this HeraldFactory factory, string entityType, long entityId) =>
        factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    public static Task<List<string>> AuditDetailsAsync(this HeraldFactory factory, string action) =>
        factory.QueryAsync(db => db.AuditEntries.Where(a => a.Action == action).OrderBy(a => a.Id).Select(a => a.Detail ?? "").ToListAsync());

    public static void ShouldRedirectTo(this HttpResponseMessage response, string pathAndQuery)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"expected a redirect to {pathAndQuery}");
        response.Headers.Location!.OriginalString.ShouldBe(pathAndQuery);
    }

    /// <summary>表单出错：400，页面上有中文错误提示。返回提示文字。</summary>
    public static async Task<string> ShouldFailWithAsync(this HttpResponseMessage response, string expectedText)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var alert = document.QuerySelector("[data-testid=alert-danger]")?.TextContent.Trim() ?? "";
        alert.ShouldContain(expectedText);
        return alert;
    }

    public static IHtmlDocument Parse(string html) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
}
