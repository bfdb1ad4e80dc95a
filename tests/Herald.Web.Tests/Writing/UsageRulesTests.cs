using System.Net;
using System.Net.Http.Json;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Writing;

/// <summary>规范表述表的维护：宣传办整表替换（API 与页面同一处理器），立即用于检查；其他人无权；过期修改 409。</summary>
public sealed class UsageRulesTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task Put_NewRules_CheckUsesThemAtOnceAndExportRoundTrips()
    {
        using var office = await factory.ApiClientAsync("office");
        var current = await (await office.GetAsync("/api/v1/usage-rules")).ReadJsonAsync();
        current.Items("rules").Count.ShouldBeGreaterThanOrEqualTo(30);

        var saved = await office.PutAsJsonAsync("/api/v1/usage-rules", new
        {
            rulesText = current.Str("text") + "\n宣传部副部长助理 | 宣传部部长助理 | 测试用 | 职务称谓",
            revision = current.Str("revision"),
        });

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var check = await (await office.PostAsJsonAsync("/api/v1/text-check", new { title = "", body = "宣传部副部长助理出席" })).ReadJsonAsync();
        check.Items("errors").ShouldHaveSingleItem().Str("suggestion").ShouldBe("宣传部部长助理");
        var export = await office.GetStringAsync("/api/v1/usage-rules/export");
        export.TrimStart('\uFEFF').TrimEnd('\n').ShouldBe((await saved.ReadJsonAsync()).Str("text"));
    }

    [Fact]
    public async Task Put_StaleRevision_409AndNothingChanged()
    {
        using var office = await factory.ApiClientAsync("office");
        var before = await (await office.GetAsync("/api/v1/usage-rules")).ReadJsonAsync();

        var response = await office.PutAsJsonAsync("/api/v1/usage-rules", new { rules = Array.Empty<object>(), revision = "0000000000000000" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Usage.Stale");
        (await (await office.GetAsync("/api/v1/usage-rules")).ReadJsonAsync()).Str("text").ShouldBe(before.Str("text"));
    }

    [Fact]
    public async Task Put_BadLines_AllProblemsWithLineNumbers()
    {
        using var office = await factory.ApiClientAsync("office");

        var response = await office.PutAsJsonAsync("/api/v1/usage-rules", new { rulesText = "二十大\n十九大 | 党的十九大\n十九大 | 党的十九大" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Usage.BadLine");
        problem.FieldErrors("rules").ShouldBe([
            "第 1 行：“二十大”格式不对，应为“错误写法 | 正确写法 | 说明 | 分类”。",
            "第 3 行：“十九大”与第 2 行重复。",
        ]);
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("head")]
    [InlineData("admin")]
    public async Task Rules_NotOffice_Forbidden(string user)
    {
        using var client = await factory.ApiClientAsync(user);

        (await client.GetAsync("/api/v1/usage-rules")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PutAsJsonAsync("/api/v1/usage-rules", new { rules = Array.Empty<object>() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/v1/usage-rules/export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Page_ImportFileAppended_SavedAndShownAgain()
    {
        using var session = await factory.SignInAsync("office");
        var (_, page) = await session.GetPageAsync("/admin/usage-rules");
        var form = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("#Rules")!.TextContent), "Rules" },
            { new StringContent(page.QuerySelector("input[name=Revision]")!.GetAttribute("value")!), "Revision" },
            { new StringContent("true"), "Append" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("办公厅主任助理 | 办公室主任助理\n")), "File", "导入.txt" },
        };

        var response = await session.PostMultipartAsync("/admin/usage-rules", "/admin/usage-rules", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await session.GetPageAsync("/admin/usage-rules");
        after.QuerySelector("#Rules")!.TextContent.ShouldContain("办公厅主任助理 | 办公室主任助理");
        after.QuerySelector("#Rules")!.TextContent.ShouldContain("二十大 | 党的二十大");
    }
}
