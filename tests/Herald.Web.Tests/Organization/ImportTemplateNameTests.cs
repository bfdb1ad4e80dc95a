using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Organization;

/// <summary>导入模板下载后的文件名是中文（Content-Disposition 按 RFC 6266 用 filename* 的 UTF-8 编码）。</summary>
public sealed class ImportTemplateNameTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task Template_Download_ChineseFileNameEncodedInContentDisposition()
    {
        using var admin = await factory.SignInAsync("admin");

        var response = await admin.Client.GetAsync("/org/import/template");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar.ShouldBe("单位与账号导入模板.xlsx");
        response.Content.Headers.GetValues("Content-Disposition").Single()
            .ShouldContain("filename*=UTF-8''" + Uri.EscapeDataString("单位与账号导入模板.xlsx"));
    }
}
