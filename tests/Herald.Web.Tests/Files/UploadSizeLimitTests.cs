using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Files;

/// <summary>Herald:Uploads:MaxFileBytes（此处 1 MB）：超过上限的文件 413，稿件不保存。</summary>
public sealed class UploadSizeLimitTests(SmallUploadFactory factory) : IClassFixture<SmallUploadFactory>
{
    [Fact]
    public async Task Photo_OneByteOverLimit_413AndNothingCreated()
    {
        var officer = await factory.ApiClientAsync("officer");
        var marker = ManuscriptApi.Marker();
        var big = TestFiles.PaddedTo(Documents.TestImages.Png(4, 3), SmallUploadFactory.MaxFileBytes + 1);

        var result = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { Title = marker, Photos = { new Upload(big, "大图.png", Caption: "大图") } });

        var problem = await result.Response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "Upload.FileTooLarge", "文件“大图.png”超过 1 MB 的上限。");
        problem.Str("title").ShouldBe("文件过大");
        problem.FieldErrors("photos").ShouldBe(["文件“大图.png”超过 1 MB 的上限。"]);
        (await ManuscriptApi.ListIdsAsync(officer, "q=" + marker)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Photo_ExactlyAtLimit_Accepted()
    {
        var officer = await factory.ApiClientAsync("officer");
        var atLimit = TestFiles.PaddedTo(Documents.TestImages.Png(4, 3), SmallUploadFactory.MaxFileBytes);

        var json = await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm { Photos = { new Upload(atLimit, "刚好.png", Caption: "刚好") } });

        json.Items("photos").Single().Long("size").ShouldBe(SmallUploadFactory.MaxFileBytes);
    }
}
