using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Herald.Web.Infrastructure.Files;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Herald.Web.Tests.Files;

/// <summary>复现议题 9 第 1 项：别人上传同样的字节后放弃，暂存过期后清理；被记录引用的文件必须还在。</summary>
internal static class StoredFileCleanup
{
    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>在报送页上传一张不填说明的图片：表单被退回，图片暂存在此人名下，之后放弃。</summary>
    public static async Task AbandonPhotoAsync(this HeraldFactory factory, string userName, byte[] png)
    {
        using var session = await factory.SignInAsync(userName);
        var form = new ManuscriptForm { Title = "放弃的稿件", Action = "submit" };
        form.Photos.Add(new Upload(png, "同一张图.png"));
        var response = await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/new", form.ToContent());
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await factory.ShouldBeStagedAsync(png);
    }

    /// <summary>在报送页选择一份 Word 文件（表单刷新时暂存为 Word 原件），之后放弃。</summary>
    public static async Task AbandonDocumentAsync(this HeraldFactory factory, string userName, byte[] docx)
    {
        using var session = await factory.SignInAsync(userName);
        var form = new MultipartFormDataContent { { new StringContent(""), "title" }, { new StringContent(""), "bodyHtml" } };
        var file = new ByteArrayContent(docx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "document", "同一份文件.docx");
        var response = await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/form/refresh", form);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await factory.ShouldBeStagedAsync(docx);
    }

    private static async Task ShouldBeStagedAsync(this HeraldFactory factory, byte[] content)
    {
        var hash = Sha256(content);
        (await factory.QueryAsync(db => db.StagedUploads.AnyAsync(s => s.Hash == hash))).ShouldBeTrue();
    }

    /// <summary>暂存过期（拨过两天多）后跑一次清理；返回后这份内容的暂存已不在。</summary>
    public static Task ExpireAndCleanUpAsync(this HeraldFactory factory, params byte[][] contents)
    {
        factory.Clock.Advance(StagedUploadCleanup.MaxAge + TimeSpan.FromHours(1));
        return factory.CleanUpAsync(contents);
    }

    /// <summary>跑清理直到没有过期的暂存；返回后这些内容的暂存已不在。</summary>
    public static async Task CleanUpAsync(this HeraldFactory factory, params byte[][] contents)
    {
        var cleanup = factory.Services.GetServices<IHostedService>().OfType<StagedUploadCleanup>().Single();
        while (await cleanup.RunOnceAsync(CancellationToken.None) > 0) { }
        foreach (var hash in contents.Select(Sha256))
            (await factory.QueryAsync(db => db.StagedUploads.AnyAsync(s => s.Hash == hash))).ShouldBeFalse();
    }

    public static bool Stored(this HeraldFactory factory, byte[] content) =>
        factory.Services.GetRequiredService<FileStore>().Exists(Sha256(content));

    /// <summary>下载地址答 200，字节不变。</summary>
    public static async Task ShouldServeAsync(this HttpClient client, string url, byte[] content)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(content);
    }
}
