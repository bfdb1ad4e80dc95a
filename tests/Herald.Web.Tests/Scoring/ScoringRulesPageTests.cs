using System.Net;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Scoring;

/// <summary>/scoring/rules 页面：宣传办可新增版本，主要负责人与领导只读，其他人 403。</summary>
public sealed class ScoringRulesPageTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private static Dictionary<string, string> Form(string effectiveFrom, long basedOn)
    {
        var fields = new Dictionary<string, string>
        {
            ["effectiveFrom"] = effectiveFrom, ["frontPageMultiplier"] = "2", ["multiAdoption"] = "highest_only", ["capPoints"] = "",
            ["capPeriod"] = "month", ["monthlyQuota"] = "2", ["missingPenalty"] = "1", ["latePenalty"] = "0", ["note"] = "页面新增",
            ["basedOn"] = basedOn.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var level in RuleBodies.Levels)
        {
            foreach (var type in RuleBodies.Types) fields[$"points.{level}.{type}"] = level == "central" ? "15" : "1";
            fields[$"instructionBonus.{level}"] = "3";
        }
        return fields;
    }

    private Task<long> LatestIdAsync() => factory.QueryAsync(db => db.ScoringRuleSets.MaxAsync(r => r.Id));

    [Fact]
    public async Task Office_SeesCurrentHistoryAndTheForm()
    {
        using var session = await factory.SignInAsync("office");
        var (response, document) = await session.GetPageAsync("/scoring/rules");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("[data-testid=current-rules] [data-cell='central.newspaper']")!.TextContent.Trim().ShouldBe("10");
        document.QuerySelector("[data-testid=current-rules] [data-cell='internal.gov_bulletin']")!.TextContent.Trim().ShouldBe("0.5");
        document.QuerySelectorAll("[data-testid=rule-version]").Length.ShouldBeGreaterThanOrEqualTo(1);
        var form = document.QuerySelector("[data-testid=rule-form]")!;
        form.QuerySelectorAll("input[name^='points.']").Length.ShouldBe(35);
        form.QuerySelectorAll("input[name^='instructionBonus.']").Length.ShouldBe(5);
        form.QuerySelector("input[name='effectiveFrom']")!.GetAttribute("min").ShouldBe("2026-11-20");
        form.TextContent.ShouldContain("已发布的通报已经冻结");
    }

    [Theory]
    [InlineData("principal")]
    [InlineData("viewer")]
    public async Task PrincipalAndViewer_ReadOnly(string user)
    {
        using var session = await factory.SignInAsync(user);
        var (response, document) = await session.GetPageAsync("/scoring/rules");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("[data-testid=current-rules]").ShouldNotBeNull();
        document.QuerySelector("[data-testid=rule-form]").ShouldBeNull();
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("head")]
    public async Task Others_403(string user)
    {
        using var session = await factory.SignInAsync(user);
        (await session.GetPageAsync("/scoring/rules")).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Viewer_PostingTheForm_403()
    {
        using var session = await factory.SignInAsync("viewer");
        var response = await session.PostFormAsync("/scoring/rules", "/scoring/rules", Form("2026-12-01", await LatestIdAsync()));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Post_PastDateAndBadCell_ReRenderedWithFieldErrorsAndInputKept()
    {
        using var session = await factory.SignInAsync("office");
        var fields = Form("2026-11-01", await LatestIdAsync());
        fields["points.county.radio"] = "abc";
        var response = await session.PostFormAsync("/scoring/rules", "/scoring/rules", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var document = await WebSession.ParseAsync(response);
        var errors = document.QuerySelectorAll("[data-testid=field-error]").Select(e => e.TextContent).ToList();
        errors.ShouldContain(e => e.Contains("生效日期不能早于今天（2026年11月20日）"));
        errors.ShouldContain("应为数字，最多两位小数。");
        document.QuerySelector("input[name='points.county.radio']")!.GetAttribute("value").ShouldBe("abc");
        document.QuerySelector("input[name='points.central.tv']")!.GetAttribute("value").ShouldBe("15");
    }

    [Fact]
    public async Task Post_Valid_CreatesVersion_SecondClick409()
    {
        using var session = await factory.SignInAsync("office");
        var fields = Form("2026-12-01", await LatestIdAsync());
        var count = await factory.QueryAsync(db => db.ScoringRuleSets.CountAsync());

        var response = await session.PostFormAsync("/scoring/rules", "/scoring/rules", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/scoring/rules?notice=created");
        (await factory.QueryAsync(db => db.ScoringRuleSets.CountAsync())).ShouldBe(count + 1);

        var again = await session.PostFormAsync("/scoring/rules", "/scoring/rules", fields);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await WebSession.ParseAsync(again)).QuerySelector("[data-testid=alert-danger]")!.TextContent.ShouldContain("请刷新页面");
        (await factory.QueryAsync(db => db.ScoringRuleSets.CountAsync())).ShouldBe(count + 1);

        var (_, page) = await session.GetPageAsync("/scoring/rules");
        page.QuerySelectorAll("[data-testid=rule-version]").First().TextContent.ShouldContain("2026年12月1日");
        page.QuerySelector("[data-testid=rule-version]")!.TextContent.ShouldContain("页面新增");
    }
}
