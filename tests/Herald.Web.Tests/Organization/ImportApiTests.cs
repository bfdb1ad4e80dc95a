using System.Net;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Organization;

/// <summary>/api/v1/org/import 与模板：与 /org/import 页同一个处理器；有错时逐处列出、什么都不导入。</summary>
public sealed class ImportApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task Template_Admin_DownloadsTheSameWorkbookAsThePage()
    {
        using var admin = await factory.ApiClientAsync("admin");
        using var page = await factory.SignInAsync("admin");

        var response = await admin.GetAsync("/api/v1/org/import/template");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Cells(await response.Content.ReadAsByteArrayAsync()).ShouldBe(Cells(await page.Client.GetByteArrayAsync("/org/import/template")));
    }

    private static List<string> Cells(byte[] workbook) =>
        Herald.Web.Infrastructure.Spreadsheets.XlsxReader.Read(workbook, new Herald.Web.Infrastructure.Spreadsheets.XlsxLimits(10_000_000, 100, 200, 3000))
            .SelectMany(s => s.Rows.SelectMany(r => r.Cells.Values.Prepend(s.Name))).ToList();

    [Fact]
    public async Task Import_ValidFile_UnitsAndUsersCreated_PasswordsOnceNoStore()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var file = ImportFiles.Workbook(
            units: [["北关镇", "", "街道/乡镇"], ["北关社区", "北关镇", "村/社区"]],
            users: [["beiguan1", "北关信息员", "北关镇/北关社区", "信息员", "", "", ""]]);

        var response = await admin.PostAsync("/api/v1/org/import", ImportFiles.Upload(file));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var result = await response.ReadJsonAsync();
        result.Strings("unitPaths").ShouldBe(["北关镇", "北关镇 / 北关社区"]);
        var user = result.Items("users").Single();
        (user.Str("userName"), user.Str("displayName"), user.Strings("roles").Count).ShouldBe(("beiguan1", "北关信息员", 1));
        user.Str("password").Length.ShouldBeGreaterThanOrEqualTo(12);
        result.Int("roleCount").ShouldBe(1);
        (await factory.QueryAsync(db => db.Users.SingleAsync(u => u.UserName == "beiguan1"))).MustChangePassword.ShouldBeTrue();
    }

    [Fact]
    public async Task Import_RowErrors_400ListsEachRowInChinese_NothingImported()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var file = ImportFiles.Workbook(
            units: [["南关镇", "", "城中村"], ["", "南关镇", "村/社区"]],
            users: [["officer", "重名", "", "信息员", "", "", ""]]);
        var before = await factory.QueryAsync(async db => (await db.Units.CountAsync(), await db.Users.CountAsync()));

        var response = await admin.PostAsync("/api/v1/org/import", ImportFiles.Upload(file));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Import.Rejected");
        var rows = problem.GetProperty("rows").EnumerateArray()
            .Select(r => $"{r.Str("sheet")}!{r.Int("row")}!{r.Int("column")}!{r.Str("code")}").ToList();
        rows.ShouldContain("单位!2!3!Import.UnknownType");
        rows.ShouldContain("单位!3!1!Required");
        rows.ShouldContain("账号!2!1!User.DuplicateUserName");
        problem.Str("detail").ShouldBe($"发现 {rows.Count} 处错误，未导入任何内容。请改正后重新上传。");
        problem.GetProperty("rows").EnumerateArray().First().Str("message").ShouldStartWith("单位类型“城中村”无效");
        (await factory.QueryAsync(async db => (await db.Units.CountAsync(), await db.Users.CountAsync()))).ShouldBe(before);
    }

    [Fact]
    public async Task Import_NoFileOrNotXlsx_Chinese400()
    {
        using var admin = await factory.ApiClientAsync("admin");

        var none = await admin.PostAsync("/api/v1/org/import", new MultipartFormDataContent { { new StringContent("x"), "other" } });
        var json = await admin.PostAsync("/api/v1/org/import", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var text = await admin.PostAsync("/api/v1/org/import", ImportFiles.Upload(TestFiles.Text("不是表格"), "名单.xlsx"));

        (await none.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Import.NoFile")).FieldErrors("file").ShouldNotBeEmpty();
        await json.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType");
        await text.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Import.NotXlsx");
    }
}
