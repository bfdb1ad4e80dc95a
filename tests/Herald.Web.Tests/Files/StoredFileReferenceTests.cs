using System.Net;
using System.Text.Json;
using Herald.Web.Infrastructure.Files;
using Herald.Web.Tests.Documents;
using Herald.Web.Tests.OpinionCases;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Herald.Web.Tests.Publishing.PublishingApi;

namespace Herald.Web.Tests.Files;

/// <summary>
/// 议题 9 第 1 项：同样的字节被别人暂存后放弃，过期清理时，每一种引用文件库的记录（稿件图片、Word 原件、用稿证明、
/// 处置附件、舆情截图）的文件都还在、下载答 200；没有任何记录引用的才删除；刚保存、记录尚未提交的（租约内）也不删。
/// </summary>
public sealed class StoredFileReferenceTests(CaseFactory factory) : IClassFixture<CaseFactory>
{
    [Fact]
    public async Task Cleanup_SameBytesAsAdoptionProofAndCaseFileAbandonedByAnotherUser_ProofAndCaseFileStill200()
    {
        var image = TestImages.Png(21, 13, seed: 101);
        var proof = await ProofAsync(image);
        var caseFile = await CaseFileAsync(image);
        await factory.AbandonPhotoAsync("officer2", image);

        await factory.ExpireAndCleanUpAsync(image);

        factory.Stored(image).ShouldBeTrue();
        var reader = await factory.ApiClientAsync("officer");
        await reader.ShouldServeAsync(proof, image);
        await reader.ShouldServeAsync(caseFile, image);
    }

    [Fact]
    public async Task Cleanup_SameBytesAsManuscriptPhotoAbandoned_PhotoStill200()
    {
        var image = TestImages.Png(22, 14, seed: 102);
        var photo = await PhotoAsync(image);
        await factory.AbandonPhotoAsync("officer2", image);

        await factory.ExpireAndCleanUpAsync(image);

        await (await factory.ApiClientAsync("officer")).ShouldServeAsync(photo, image);
    }

    [Fact]
    public async Task Cleanup_SameBytesAsWordOriginalAbandoned_WordOriginalStill200()
    {
        var docx = TestDocx.Build(d => d.Add(TestDocx.P("社区开展消防演练，原件引用测试。")));
        var original = await WordOriginalAsync(docx);
        await factory.AbandonDocumentAsync("officer2", docx);

        await factory.ExpireAndCleanUpAsync(docx);

        await (await factory.ApiClientAsync("officer")).ShouldServeAsync(original, docx);
    }

    [Fact]
    public async Task Cleanup_SameBytesAsOpinionScreenshotAbandoned_ScreenshotStill200()
    {
        var image = TestImages.Png(23, 15, seed: 103);
        var screenshot = await ScreenshotAsync(image);
        await factory.AbandonPhotoAsync("officer2", image);

        await factory.ExpireAndCleanUpAsync(image);

        await (await factory.ApiClientAsync("officer")).ShouldServeAsync(screenshot, image);
    }

    [Fact]
    public async Task Cleanup_AbandonedUploadNothingElseUses_FileDeleted()
    {
        var image = TestImages.Png(24, 16, seed: 104);
        await factory.AbandonPhotoAsync("officer2", image);

        await factory.ExpireAndCleanUpAsync(image);

        factory.Stored(image).ShouldBeFalse();
    }

    [Fact]
    public async Task Cleanup_SameBytesSavedAgainWhoseRecordIsNotCommittedYet_FileKept()
    {
        var image = TestImages.Png(25, 17, seed: 105);
        await factory.AbandonPhotoAsync("officer2", image);
        factory.Clock.Advance(StagedUploadCleanup.MaxAge + TimeSpan.FromHours(1));
        // Another request stores the same bytes now; its row commits after the cleanup's check.
        await factory.Services.GetRequiredService<FileStore>().SaveAsync(image);

        await factory.CleanUpAsync(image);

        factory.Stored(image).ShouldBeTrue();
    }

    [Fact]
    public async Task Database_AfterEveryKindOfAttachment_EveryColumnHoldingAStoredFileKeyIsRegistered()
    {
        await ProofAsync(TestImages.Png(26, 18, seed: 106));
        await CaseFileAsync(TestImages.Png(27, 19, seed: 107));
        await PhotoAsync(TestImages.Png(28, 20, seed: 108));
        await WordOriginalAsync(TestDocx.Build(d => d.Add(TestDocx.P("每一种附件都在。"))));
        await ScreenshotAsync(TestImages.Png(29, 21, seed: 109));
        await factory.AbandonPhotoAsync("officer2", TestImages.Png(30, 22, seed: 110));

        await StoredFileColumns.ShouldAllBeRegisteredAsync(factory);
    }

    private async Task<string> ProofAsync(byte[] image)
    {
        var officer = await factory.ApiClientAsync("officer");
        var manuscript = await factory.ApprovedAsync();
        // Other tests here move the clock on: adopted today, China time.
        var today = factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var content = AdoptionContent(await factory.OutletIdAsync(ProvincialPaper), today, image, "版面.png");
        var response = await officer.PostAsync($"/api/v1/manuscripts/{manuscript}/adoptions", content);
        var proof = new ApiResult(response, await response.ReadJsonAsync());
        proof.Status.ShouldBe(HttpStatusCode.Created, $"body: {proof.Json}");
        return proof.Json.GetProperty("proof").Str("url");
    }

    private async Task<string> CaseFileAsync(byte[] image)
    {
        var caseId = await factory.AssignedCaseAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("现场已处置"), "description" },
            { new ByteArrayContent(image), "files", "现场.png" },
        };
        var response = await (await factory.ApiClientAsync("officer")).PostAsync($"/api/v1/opinion/cases/{caseId}/disposals", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        JsonElement json = await response.ReadJsonAsync();
        return "/api/v1" + json.Items("disposals").Last().Items("attachments").Single().Str("url");
    }

    private async Task<string> PhotoAsync(byte[] image)
    {
        var form = new ManuscriptForm { Title = "图片引用" };
        form.Photos.Add(new Upload(image, "现场.png", Caption: "现场"));
        return (await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer"), form)).Items("photos").Single().Str("url");
    }

    private async Task<string> WordOriginalAsync(byte[] docx)
    {
        var created = await (await factory.ApiClientAsync("officer")).PostAsync("/api/v1/manuscripts", DocxUploadTests.Form(docx, "演练.docx"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return $"/manuscripts/{(await created.ReadJsonAsync()).Long("id")}/document";
    }

    private async Task<string> ScreenshotAsync(byte[] image)
    {
        using var report = new MultipartFormDataContent
        {
            { new StringContent("微博"), "platform" },
            { new StringContent("本地生活号"), "source" },
            { new StringContent("有网友称小区门口道路塌方。"), "content" },
            { new StringContent(Guid.NewGuid().ToString("N")), "submissionKey" },
            { new ByteArrayContent(image), "screenshots", "截图.png" },
        };
        var response = await (await factory.ApiClientAsync("officer")).PostAsync("/api/v1/opinion/reports", report);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.ReadJsonAsync()).Long("id");
        var shot = await factory.QueryAsync(db => db.OpinionItems.Where(i => i.Id == id).SelectMany(i => i.Attachments).Select(a => a.Id).SingleAsync());
        return $"/api/v1/opinion/items/{id}/screenshots/{shot}";
    }
}
