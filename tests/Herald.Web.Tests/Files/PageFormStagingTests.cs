using System.Net;
using Herald.Web.Tests.Support;
using Herald.Web.Tests.Documents;

namespace Herald.Web.Tests.Files;

/// <summary>报送页面：出错时表单带着已上传（暂存）的图片和已填写的内容重新显示，用户不必重新上传。</summary>
public sealed class PageFormStagingTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task SubmitForm_PhotoWithoutCaption_400FormKeepsStagedPhotoAndTitle()
    {
        using var session = await factory.SignInAsync("officer");
        var marker = ManuscriptApi.Marker();
        var photo = TestImages.Png(5, 5, 201);
        var form = new ManuscriptForm { Title = marker + "标题保留", Body = "正文也保留。", Action = "submit" };
        form.Photos.Add(new Upload(photo, "待说明.png"));

        var response = await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/new", form.ToContent());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await WebSession.ParseAsync(response);
        page.QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("图片“待说明.png”缺少图片说明。");
        page.QuerySelector("input#title")!.GetAttribute("value").ShouldBe(marker + "标题保留");
        page.QuerySelector("input#bodyHtml")!.GetAttribute("value")!.ShouldContain("正文也保留。");
        var items = page.QuerySelectorAll("[data-testid=photo-item]");
        items.Length.ShouldBe(1);
        var stagedId = items[0].QuerySelector("input[name=stagedPhotos]")!.GetAttribute("value")!;
        items[0].QuerySelector("[data-testid=staged-caption]")!.ClassList.ShouldContain("is-invalid");
        var src = items[0].QuerySelector("img")!.GetAttribute("src")!;
        src.ShouldBe($"/uploads/{stagedId}");
        var preview = await session.Client.GetAsync(src);
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await preview.Content.ReadAsByteArrayAsync()).ShouldBe(photo);
        var api = await factory.ApiClientAsync("officer");
        (await ManuscriptApi.ListIdsAsync(api, "q=" + marker)).ShouldBeEmpty();

        // 补上说明再提交，不重新上传图片。
        var retry = new ManuscriptForm { Title = marker + "标题保留", Body = "正文也保留。", Action = "submit" };
        retry.Extra.Add(new("stagedPhotos", stagedId));
        retry.Extra.Add(new("stagedCaptions", "补上的说明"));
        var submitted = await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/new", retry.ToContent());

        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = (await ManuscriptApi.ListIdsAsync(api, "q=" + marker)).ShouldHaveSingleItem();
        submitted.Headers.Location!.OriginalString.ShouldBe($"/manuscripts/{id}?notice=submitted");
        var json = await ManuscriptApi.GetOkAsync(api, id);
        json.Str("status").ShouldBe("in_review");
        var saved = json.Items("photos").ShouldHaveSingleItem();
        saved.Str("caption").ShouldBe("补上的说明");
        (await (await api.GetAsync(saved.Str("url"))).Content.ReadAsByteArrayAsync()).ShouldBe(photo);
        (await session.Client.GetAsync(src)).StatusCode.ShouldBe(HttpStatusCode.NotFound); // 暂存已用掉
    }

    [Fact]
    public async Task SubmitForm_DisguisedPhoto_400FormShowsErrorAndKeepsGoodPhoto()
    {
        using var session = await factory.SignInAsync("officer");
        var marker = ManuscriptApi.Marker();
        var form = new ManuscriptForm { Title = marker, Action = "submit" }.WithPhoto("真图.png", "真图片", shade: 9);
        form.Photos.Add(new Upload(TestFiles.Elf(), "木马.jpg", "image/jpeg", "伪装"));

        var response = await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/new", form.ToContent());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await WebSession.ParseAsync(response);
        page.QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("“木马.jpg”不是 JPEG 或 PNG 图片（按文件内容判断）。");
        page.QuerySelector("input#title")!.GetAttribute("value").ShouldBe(marker);
        var staged = page.QuerySelectorAll("[data-testid=photo-item]").ShouldHaveSingleItem();
        staged.QuerySelector("[data-testid=staged-caption]")!.GetAttribute("value").ShouldBe("真图片");
        (await ManuscriptApi.ListIdsAsync(await factory.ApiClientAsync("officer"), "q=" + marker)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SaveDraftForm_PhotoWithoutCaption_AllowedUntilSubmit()
    {
        using var session = await factory.SignInAsync("officer");
        var marker = ManuscriptApi.Marker();
        var form = new ManuscriptForm { Title = marker, Action = "save" }.WithPhoto("稍后说明.png", null);

        var response = await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/new", form.ToContent());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var api = await factory.ApiClientAsync("officer");
        var id = (await ManuscriptApi.ListIdsAsync(api, "q=" + marker)).ShouldHaveSingleItem();
        response.Headers.Location!.OriginalString.ShouldBe($"/manuscripts/{id}/edit?notice=saved");
        var json = await ManuscriptApi.GetOkAsync(api, id);
        json.Str("status").ShouldBe("draft");
        json.Items("photos").Single().IsNull("caption").ShouldBeTrue();

        // 草稿直接报送：第 1 张图片缺少说明。
        var submit = await ManuscriptApi.ResubmitAsync(api, id, new ManuscriptForm { Title = marker });
        var problem = await submit.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Manuscript.PhotoCaptionRequired", "第 1 张图片缺少图片说明。");
        problem.FieldErrors("captions").ShouldBe(["第 1 张图片缺少图片说明。"]);
        (await ManuscriptApi.GetOkAsync(api, id)).Str("status").ShouldBe("draft");
    }
}
