using System.Net;
using System.Net.Http.Json;
using Herald.Domain.Organization;
using Herald.Web.Tests.Support;
using Herald.Web.Tests.Documents;

namespace Herald.Web.Tests.Manuscripts;

/// <summary>POST /api/v1/manuscripts 与 GET /api/v1/manuscripts/{id}。</summary>
public sealed class CreateManuscriptApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task Create_MultipartWithPhotosAndCaptions_201WithLocationAndFullDetail()
    {
        var officer = await factory.ApiClientAsync("officer");
        var photo1 = TestImages.Png(6, 4, 10);
        var photo2 = TestImages.Png(3, 5, 20);
        var form = new ManuscriptForm { Title = "街道开展为民服务集中活动", Body = "第一段。\n\n第二段。", Category = "品牌建设" };
        form.Photos.Add(new Upload(photo1, "现场1.png", Caption: "活动现场"));
        form.Photos.Add(new Upload(photo2, "现场2.png", Caption: "  群众咨询  "));

        var result = await ManuscriptApi.PostAsync(officer, form);

        result.Status.ShouldBe(HttpStatusCode.Created, $"body: {result.Json}");
        var json = result.Json;
        var id = json.Long("id");
        result.Response.Headers.Location!.OriginalString.ShouldBe($"/api/v1/manuscripts/{id}");
        json.Str("name").ShouldStartWith("示例街道党政办公室-2026年11月20日工作信息");
        json.Str("status").ShouldBe("in_review");
        json.Str("title").ShouldBe("街道开展为民服务集中活动");
        json.Str("body").ShouldBe("第一段。\n第二段。");
        json.Str("categoryName").ShouldBe("品牌建设");
        json.Str("importance").ShouldBe("routine");
        json.Str("eventDate").ShouldBe("2026-11-20");
        json.Bool("emergency").ShouldBeFalse();
        json.Bool("late").ShouldBeFalse();
        json.Long("unitId").ShouldBe(await factory.UnitIdAsync("示例街道党政办公室"));
        json.Str("unitName").ShouldBe("示例街道党政办公室");
        json.Str("authorName").ShouldBe("李文静");
        json.Int("version").ShouldBe(1);
        var current = json.GetProperty("currentStep");
        current.Int("step").ShouldBe(1);
        current.Str("role").ShouldBe("unit_head");
        current.Strings("reviewers").ShouldBe(["张建国"]);
        var step = json.Items("route").ShouldHaveSingleItem();
        step.Str("state").ShouldBe("current");
        step.Str("role").ShouldBe("unit_head");
        json.Items("history").Select(h => h.Str("action")).ShouldBe(["created", "submitted"]);
        json.Items("history")[1].Str("to").ShouldBe("in_review");
        json.Items("history")[1].Str("actor").ShouldBe("李文静");
        var photos = json.Items("photos");
        photos.Select(p => p.Str("caption")).ShouldBe(["活动现场", "群众咨询"]);
        photos.Select(p => (p.Int("width"), p.Int("height"))).ShouldBe([(6, 4), (3, 5)]);
        photos[0].Str("url").ShouldBe($"/manuscripts/{id}/photos/{photos[0].Long("id")}");
        json.IsNull("document").ShouldBeTrue();

        var fetched = await ManuscriptApi.GetOkAsync(officer, id);
        fetched.Str("name").ShouldBe(json.Str("name"));
        fetched.Str("status").ShouldBe("in_review");
        fetched.Items("photos").Count.ShouldBe(2);

        var download = await officer.GetAsync(photos[1].Str("url"));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(photo2);
    }

    [Fact]
    public async Task Get_AuthorRenamedAfterSubmitting_NewNameAtOnce()
    {
        // The view takes names from the org tree snapshot: a rename has to reach it at once, not after the snapshot expires.
        var unitId = await factory.UnitIdAsync("幸福社区");
        var userId = await factory.AddUserAsync("rename.writer", "改名前", "幸福社区", Role.Correspondent);
        var writer = await factory.ApiClientAsync("rename.writer");
        var created = await ManuscriptApi.SubmitAsync(writer, new ManuscriptForm { Title = "改名前报送的稿件" });
        created.Str("authorName").ShouldBe("改名前");
        using var admin = await factory.ApiClientAsync("admin");
        (await admin.PutAsJsonAsync($"/api/v1/users/{userId}", new { displayName = "改名后", unitId })).EnsureSuccessStatusCode();

        var fetched = await ManuscriptApi.GetOkAsync(writer, created.Long("id"));

        fetched.Str("authorName").ShouldBe("改名后");
        fetched.Items("history").Select(h => h.Str("actor")).ShouldBe(["改名后", "改名后"]);
    }

    [Fact]
    public async Task Create_Draft_201DraftWithProvisionalNameAndPendingRoute()
    {
        var officer = await factory.ApiClientAsync("officer");

        var json = await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm { Title = "草稿：季度例会", Importance = "important", Draft = true });

        json.Str("status").ShouldBe("draft");
        json.IsNull("currentStep").ShouldBeTrue();
        json.IsNull("submittedAt").ShouldBeTrue();
        json.Int("version").ShouldBe(0);
        // 草稿尚无规范名称：按应用时钟的"今天"预览。
        json.Str("name").ShouldBe("示例街道党政办公室-2026年11月20日工作信息");
        json.Items("route").Select(r => (r.Str("role"), r.Str("state"))).ShouldBe([("unit_head", "pending"), ("supervising_leader", "pending")]);
        json.Items("history").Select(h => h.Str("action")).ShouldBe(["created"]);
    }

    [Fact]
    public async Task Create_WithWordOriginal_DownloadsUnderStandardName()
    {
        var officer = await factory.ApiClientAsync("officer");
        var docx = TestDocx.Build(d => d.Add(TestDocx.P("附原件的稿件"), TestDocx.P("正文。")));

        var json = await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm
        {
            Title = "附原件的稿件", Body = "表单上填写的正文。", Document = new Upload(docx, "原稿.docx", ManuscriptApi.DocxType),
        });

        var name = json.Str("name");
        name.ShouldStartWith("示例街道党政办公室-2026年11月20日工作信息");
        json.Str("body").ShouldBe("表单上填写的正文。"); // 已有正文时不用原件覆盖
        var document = json.GetProperty("document");
        document.Str("fileName").ShouldBe(name + ".docx");
        document.Long("size").ShouldBe(docx.Length);
        var original = await officer.GetAsync(document.Str("url"));
        original.StatusCode.ShouldBe(HttpStatusCode.OK);
        original.Content.Headers.ContentType!.MediaType.ShouldBe(ManuscriptApi.DocxType);
        original.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe(name + ".docx");
        (await original.Content.ReadAsByteArrayAsync()).ShouldBe(docx);
    }

    [Fact]
    public async Task Create_UnknownCategoryAndImportance_400WithEachFieldInErrors()
    {
        var officer = await factory.ApiClientAsync("officer");
        var marker = ManuscriptApi.Marker();

        var result = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { Title = marker, Category = "体育新闻", Importance = "urgent" });

        var problem = await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Manuscript.UnknownCategory", "没有“体育新闻”这个类别。");
        problem.FieldErrors("category").ShouldBe(["没有“体育新闻”这个类别。"]);
        problem.FieldErrors("importance").ShouldBe(["重要程度“urgent”无效，应为 routine（一般）、important（重要）或 major（重大）。"]);
        (await ManuscriptApi.ListIdsAsync(officer, "q=" + marker)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_MissingTitleBodyAndBadDate_400ListsEveryField()
    {
        var officer = await factory.ApiClientAsync("officer");

        var result = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { Title = " ", Body = "", EventDate = "2026/11/20" });

        var problem = await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Required", "此项为必填项。");
        problem.FieldErrors("title").ShouldBe(["此项为必填项。"]);
        problem.FieldErrors("body").ShouldBe(["此项为必填项。"]);
        problem.FieldErrors("eventDate").ShouldBe(["日期格式应为 yyyy-MM-dd，如 2026-03-05。"]);
    }

    [Fact]
    public async Task Create_EventDateInFuture_400AndNothingCreated()
    {
        var officer = await factory.ApiClientAsync("officer");
        var marker = ManuscriptApi.Marker();

        var result = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { Title = marker, EventDate = "2026-11-21" });

        var problem = await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Manuscript.EventDateInFuture", "事件日期不能晚于今天。");
        problem.FieldErrors("eventDate").ShouldBe(["事件日期不能晚于今天。"]);
        (await ManuscriptApi.ListIdsAsync(officer, "q=" + marker)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_PhotoWithoutCaption_400NamingThePhotoAndNothingCreated()
    {
        var officer = await factory.ApiClientAsync("officer");
        var marker = ManuscriptApi.Marker();
        var form = new ManuscriptForm { Title = marker }.WithPhoto("合影.png", "全体合影", shade: 1).WithPhoto("横幅.png", null, shade: 2);

        var result = await ManuscriptApi.PostAsync(officer, form);

        var problem = await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Manuscript.StagedCaptionRequired", "图片“横幅.png”缺少图片说明。");
        problem.FieldErrors("captions").ShouldBe(["图片“横幅.png”缺少图片说明。"]);
        (await ManuscriptApi.ListIdsAsync(officer, "q=" + marker)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_NotACorrespondent_403()
    {
        var office = await factory.ApiClientAsync("office");

        var result = await ManuscriptApi.PostAsync(office, new ManuscriptForm());

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Manuscript.NoSubmitUnit", "您不是任何单位的信息员，不能报送稿件。");
    }

    [Fact]
    public async Task Create_OtherUnitId_403NotYourUnit()
    {
        var officer = await factory.ApiClientAsync("officer");
        var other = await factory.UnitIdAsync("幸福社区");

        var result = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { UnitId = other });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Manuscript.NotYourUnit", "您不是该单位的信息员。");
    }

    [Fact]
    public async Task Get_UnknownId_404Problem()
    {
        var officer = await factory.ApiClientAsync("officer");

        var result = await ManuscriptApi.GetAsync(officer, 987654);

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound", "找不到您要的内容，或您无权查看。");
    }

    [Fact]
    public async Task Create_JsonInsteadOfMultipart_415WithChineseExplanation()
    {
        var officer = await factory.ApiClientAsync("officer");

        var response = await officer.PostAsync("/api/v1/manuscripts",
            new StringContent("{\"title\":\"标题\"}", System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType",
            "请求的内容类型不受支持。带文件的接口（报送与重新报送稿件、登记用稿、上报舆情、导入单位与账号）须以 multipart/form-data 表单提交，其余接口用 JSON。");
    }
}
