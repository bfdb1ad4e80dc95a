using Herald.Web.Infrastructure.Files;
using Herald.Web.Tests.Bulletins;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Files;

/// <summary>议题 9 第 1 项：已发布通报的 .docx 被别人当作 Word 原件上传后放弃，清理后通报的 Word 与 Excel 仍可下载。</summary>
public sealed class BulletinFileReferenceTests(QuarterScenarioFactory factory) : IClassFixture<QuarterScenarioFactory>
{
    [Fact]
    public async Task Cleanup_PublishedBulletinFilesStagedByAnotherUserAndAbandoned_DocxAndXlsxStill200()
    {
        var scenario = await factory.ScenarioAsync();
        var office = await factory.ApiClientAsync("office");
        var id = (await BulletinApi.CreateOkAsync(office, new { year = 2026, quarter = 3, rootUnitId = scenario.StreetId })).Long("id");
        await BulletinApi.PublishOkAsync(office, id);
        var docx = await BulletinApi.DownloadAsync(office, $"/api/v1/bulletins/{id}/document.docx");
        var xlsx = await BulletinApi.DownloadAsync(office, $"/api/v1/bulletins/{id}/workbook.xlsx");
        await factory.AbandonDocumentAsync("officer2", docx);
        await StageAsync("officer2", xlsx);

        await factory.ExpireAndCleanUpAsync(docx, xlsx);

        var reader = await factory.ApiClientAsync("office");
        await reader.ShouldServeAsync($"/api/v1/bulletins/{id}/document.docx", docx);
        await reader.ShouldServeAsync($"/api/v1/bulletins/{id}/workbook.xlsx", xlsx);
        await StoredFileColumns.ShouldAllBeRegisteredAsync(factory);
    }

    /// <summary>没有表单会暂存 .xlsx：直接登记一行同样内容的暂存（与表单暂存的行一样）。</summary>
    private Task StageAsync(string userName, byte[] content) => factory.QueryAsync(async db =>
    {
        db.StagedUploads.Add(new StagedUpload
        {
            UserId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(),
            Hash = StoredFileCleanup.Sha256(content), FileName = "表.xlsx", ContentType = "application/octet-stream", Size = content.Length,
            Kind = UploadStaging.DocumentKind, CreatedAt = factory.Clock.GetUtcNow().UtcDateTime,
        });
        return await db.SaveChangesAsync();
    });
}
