using System.Net;
using Herald.Domain.Organization;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Visibility;

/// <summary>
/// 可见范围的矩阵：每个列表对范围外的人不出现另一单位的行（演示组织：示例街道与示例县科学技术局是两棵树）。
/// 同一行对范围内的人可见，所以这不是"什么都没有"的空检查。范围的定义在 Features/Common/UnitScope。
/// </summary>
public sealed class VisibilityMatrixTests(VisibilityMatrixTests.Org org) : IClassFixture<VisibilityMatrixTests.Org>
{
    /// <summary>科技局的宣传办兼单位负责人，与科技局的舆情信息员：只管科技局这棵树。</summary>
    public sealed class Org : HeraldFactory, IAsyncLifetime
    {
        public const string BureauOffice = "bureau-office";
        public const string BureauOpinion = "bureau-opinion";

        public async Task InitializeAsync()
        {
            await this.AddUserAsync(BureauOffice, "科技局宣传员", "示例县科学技术局", Role.Office, Role.UnitHead);
            await this.AddUserAsync(BureauOpinion, "科技局舆情员", "示例县科学技术局", Role.OpinionOfficer, Role.Correspondent);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    /// <summary>列表、范围外的人、范围内的人、示例街道那一行里才有的文字。</summary>
    public static TheoryData<string, string, string, string> Lists => new()
    {
        { "/manuscripts", Org.BureauOffice, "office", "我为群众办实事" },
        { "/pool?editorial=all", Org.BureauOffice, "office", "我为群众办实事" },
        { "/reviews", Org.BureauOffice, "leader", "垃圾分类进万家" },
        { "/adoptions?status=all", Org.BureauOffice, "office", "我为群众办实事" },
        { "/org/correspondents", Org.BureauOffice, "office", "13805370101" },
        { "/org/users", Org.BureauOffice, "admin", "张建国" },
        { "/opinion/items", Org.BureauOpinion, "opinion", "幸福路安置房工地工人聚集讨薪现场情况" },
        { "/opinion/cases", Org.BureauOffice, "office", "幸福路安置房项目工人聚集讨薪" },
        { "/opinion/cases", Org.BureauOpinion, "opinion", "幸福路安置房项目工人聚集讨薪" },
        { "/audit?action=system.seed", Org.BureauOffice, "auditor", "演示组织" },
        { "/reports", Org.BureauOffice, "office", "幸福社区" },
    };

    /// <summary>导出（与列表同一个查询）：API 地址、范围外的人、范围内的人、示例街道那一行的标题。</summary>
    public static TheoryData<string, string, string, string> Exports => new()
    {
        { "/api/v1/reviews/inbox/export.xlsx", Org.BureauOffice, "leader", "垃圾分类进万家" },
        { "/api/v1/pool/export.xlsx?editorial=all", Org.BureauOffice, "office", "我为群众办实事" },
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task Export_OutOfScopeUser_NeverGetsTheOtherUnitsRow(string url, string outsider, string insider, string marker)
    {
        var inside = await ExportedSheet.GetAsync(await org.ApiClientAsync(insider), url);
        inside.Column("标题").ShouldContain(t => t.Contains(marker));

        var outside = await ExportedSheet.GetAsync(await org.ApiClientAsync(outsider), url);
        outside.Column("标题").ShouldNotContain(t => t.Contains(marker));
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task List_OutOfScopeUser_NeverSeesTheOtherUnitsRow(string url, string outsider, string insider, string marker)
    {
        using var inside = await org.SignInAsync(insider);
        var (insideResponse, insidePage) = await inside.GetPageAsync(url);
        insideResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        insidePage.Body!.TextContent.ShouldContain(marker);

        using var outside = await org.SignInAsync(outsider);
        var (outsideResponse, outsidePage) = await outside.GetPageAsync(url);
        outsideResponse.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Forbidden);
        outsidePage.Body!.TextContent.ShouldNotContain(marker);
    }
}
