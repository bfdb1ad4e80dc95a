using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Herald.Web.Tests.Documents;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Files;

/// <summary>真 Kestrel，单文件上限 64 KB、像素上限 1200：一次请求的上限按文档算（31 × 单文件上限 + 8 MB）。</summary>
public sealed class SmallLimitsKestrelFactory : HeraldFactory
{
    public const int MaxFileBytes = 64 * 1024;
    public const long MaxFormBytes = 31L * MaxFileBytes + 8 * 1024 * 1024;

    public SmallLimitsKestrelFactory()
    {
        Settings["Herald:Uploads:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Herald:Uploads:MaxImagePixels"] = "1200";
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        ClientOptions.BaseAddress = new Uri(addresses.Single());
    }
}

/// <summary>
/// 议题 9 第 15 项：表单的大小上限与文档一致（README：一份 Word 原件加 30 张图片、每个不超过单文件上限，再加 8 MB 文字余量）。
/// 正好在上限的表单通过；多一个字节答 413 和中文说明，不是 500，也不是断开连接。像素上限随配置。
/// </summary>
public sealed class FormSizeLimitTests(SmallLimitsKestrelFactory factory) : IClassFixture<SmallLimitsKestrelFactory>
{
    [Fact]
    public async Task Manuscript_WordPlus30PhotosAtTheDocumentedMaximum_Created()
    {
        var officer = await factory.ApiClientAsync("officer");

        var response = await officer.PostAsync("/api/v1/manuscripts", FormOfLength(SmallLimitsKestrelFactory.MaxFormBytes));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync()).Items("photos").Count.ShouldBe(30);
    }

    [Fact]
    public async Task Manuscript_OneByteAboveTheDocumentedMaximum_413RequestTooLargeInChinese()
    {
        var officer = await factory.ApiClientAsync("officer");

        var response = await officer.PostAsync("/api/v1/manuscripts", FormOfLength(SmallLimitsKestrelFactory.MaxFormBytes + 1));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "Upload.RequestTooLarge",
            "一次提交的内容超过 9.9 MB 的上限（一份 Word 原件加 30 张图片，每个文件不超过 64 KB，另有文字的余量）。请减少图片或压缩后分次提交。");
        problem.Str("title").ShouldBe("文件过大");
    }

    [Fact]
    public async Task Photo_AtTheConfiguredPixelLimit_AcceptedOneColumnMore_400TooManyPixels()
    {
        var officer = await factory.ApiClientAsync("officer");

        var atLimit = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { Photos = { new Upload(TestImages.Png(40, 30), "刚好.png", Caption: "刚好") } });
        var over = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { Photos = { new Upload(TestImages.Png(41, 30), "大了.png", Caption: "大了") } });

        atLimit.Status.ShouldBe(HttpStatusCode.Created, $"body: {atLimit.Json}");
        await over.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Upload.TooManyPixels",
            "图片“大了.png”为 41×30 像素，超过 1200 像素的上限，请缩小后再上传。");
    }

    /// <summary>一份 Word 原件和 30 张正好在单文件上限的图片，两个文字字段把整个请求体补到 length 字节。</summary>
    private static MultipartFormDataContent FormOfLength(long length)
    {
        var document = new Upload(TestDocx.Build(d => d.Add(TestDocx.P("正文。"))), "稿件.docx", ManuscriptApi.DocxType);
        var photos = Enumerable.Range(0, 30).Select(i =>
            new Upload(TestFiles.PaddedTo(TestImages.Png(8, 6, seed: (byte)i), SmallLimitsKestrelFactory.MaxFileBytes), $"图{i}.png", Caption: $"图{i}")).ToList();
        MultipartFormDataContent Build(int padding)
        {
            var form = new ManuscriptForm { Document = document };
            form.Photos.AddRange(photos);
            var content = form.ToContent();
            content.Add(new StringContent(new string('a', 4 * 1024 * 1024)), "padding1");
            content.Add(new StringContent(new string('a', padding)), "padding2");
            return content;
        }
        var probe = Build(0).Headers.ContentLength!.Value;
        var result = Build(checked((int)(length - probe)));
        result.Headers.ContentLength.ShouldBe(length);
        return result;
    }
}
