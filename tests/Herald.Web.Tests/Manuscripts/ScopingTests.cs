using System.Net;
using Herald.Domain.Organization;
using Herald.Web.Tests.Support;
using Herald.Web.Tests.Documents;

namespace Herald.Web.Tests.Manuscripts;

/// <summary>每个查询都按范围过滤：看不到的稿件一律 404，列表里也没有。</summary>
public sealed class ScopingTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private const string NotFound = "找不到您要的内容，或您无权查看。";

    /// <summary>officer 报送的稿件（带一张图片和 Word 原件）。</summary>
    private async Task<(long Id, long PhotoId, string Marker)> OfficersManuscriptAsync()
    {
        var officer = await factory.ApiClientAsync("officer");
        var marker = ManuscriptApi.Marker();
        var form = new ManuscriptForm { Title = marker, Document = new Upload(TestDocx.Build(d => d.Add(TestDocx.P(marker))), "原稿.docx", ManuscriptApi.DocxType) }
            .WithPhoto("现场.png", "现场照片");
        var json = await ManuscriptApi.SubmitAsync(officer, form);
        json.IsNull("document").ShouldBeFalse();
        return (json.Long("id"), json.Items("photos")[0].Long("id"), marker);
    }

    [Fact]
    public async Task OtherUnitsCorrespondent_EverySurface_404AndNotListed()
    {
        var (id, photoId, marker) = await OfficersManuscriptAsync();
        var officer2 = await factory.ApiClientAsync("officer2");
        using var session = await factory.SignInAsync("officer2");

        await (await ManuscriptApi.GetAsync(officer2, id)).Response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound", NotFound);
        await (await officer2.GetAsync($"/api/v1/manuscripts/{id}/diff")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound", NotFound);
        await (await ManuscriptApi.ReviewAsync(officer2, id, "approve")).Response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound", NotFound);
        await (await ManuscriptApi.ResubmitAsync(officer2, id, new ManuscriptForm())).Response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound", NotFound);
        (await officer2.GetAsync($"/manuscripts/{id}/photos/{photoId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await officer2.GetAsync($"/manuscripts/{id}/document")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ManuscriptApi.ListIdsAsync(officer2, "q=" + marker)).ShouldBeEmpty();

        var (page, document) = await session.GetPageAsync($"/manuscripts/{id}");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        document.QuerySelector("[data-testid=error-message]")!.TextContent.Trim().ShouldBe(NotFound);
        document.Body!.TextContent.ShouldNotContain(marker);
        (await session.Client.GetAsync($"/manuscripts/{id}/photos/{photoId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await session.Client.GetAsync($"/manuscripts/{id}/document")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await session.Client.GetAsync($"/manuscripts/{id}/edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var review = await session.PostFormAsync("/manuscripts", $"/manuscripts/{id}/review", new() { ["Decision"] = "approve" });
        review.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // 作者本人都能看到。
        var officer = await factory.ApiClientAsync("officer");
        (await officer.GetAsync($"/manuscripts/{id}/photos/{photoId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.GetAsync($"/manuscripts/{id}/document")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ManuscriptApi.GetOkAsync(officer, id)).Str("status").ShouldBe("in_review");
    }

    [Fact]
    public async Task PhotoUrl_PhotoOfAnotherManuscript_404()
    {
        var (_, photoId, _) = await OfficersManuscriptAsync();
        var (otherId, _, _) = await OfficersManuscriptAsync();
        var officer = await factory.ApiClientAsync("officer");

        (await officer.GetAsync($"/manuscripts/{otherId}/photos/{photoId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnitHead_OwnUnitOnly()
    {
        var (id, _, marker) = await OfficersManuscriptAsync();
        var officer2 = await factory.ApiClientAsync("officer2");
        var other = (await ManuscriptApi.SubmitAsync(officer2, marker + "幸福")).Long("id");
        var head = await factory.ApiClientAsync("head");
        var head2 = await factory.ApiClientAsync("head2");

        (await ManuscriptApi.GetAsync(head, id)).Status.ShouldBe(HttpStatusCode.OK);
        (await ManuscriptApi.GetAsync(head, other)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await ManuscriptApi.GetAsync(head2, id)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await ManuscriptApi.GetAsync(head2, other)).Status.ShouldBe(HttpStatusCode.OK);
        (await ManuscriptApi.ListIdsAsync(head, "q=" + marker)).ShouldBe([id]);
        (await ManuscriptApi.ListIdsAsync(head2, "q=" + marker)).ShouldBe([other]);
    }

    [Fact]
    public async Task SupervisingLeader_SupervisedUnitsOnly()
    {
        // 社会事务办公室不在 leader 分管范围内：给它配一名信息员和一名负责人。
        await factory.AddUserAsync("officer3", "赵晓燕", "示例街道社会事务办公室", Role.Correspondent);
        await factory.AddUserAsync("head4", "钱国庆", "示例街道社会事务办公室", Role.UnitHead);
        var marker = ManuscriptApi.Marker();
        var outside = (await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer3"), marker + "社会事务")).Long("id");
        var party = (await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer"), marker + "党政办")).Long("id");
        var community = (await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer2"), marker + "幸福社区")).Long("id");
        var leader = await factory.ApiClientAsync("leader");

        (await ManuscriptApi.ListIdsAsync(leader, "q=" + marker)).ShouldBe([party, community], ignoreOrder: true);
        (await ManuscriptApi.GetAsync(leader, outside)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await ManuscriptApi.GetAsync(leader, community)).Status.ShouldBe(HttpStatusCode.OK);

        // 主要负责人、宣传办、领导（查看）看全部已报送的稿件。
        foreach (var user in new[] { "principal", "office", "viewer" })
        {
            var client = await factory.ApiClientAsync(user);
            (await ManuscriptApi.ListIdsAsync(client, "q=" + marker)).ShouldBe([outside, party, community], ignoreOrder: true, customMessage: user);
            (await ManuscriptApi.GetAsync(client, outside)).Status.ShouldBe(HttpStatusCode.OK, user);
        }
        (await ManuscriptApi.ListIdsAsync(await factory.ApiClientAsync("head4"), "q=" + marker)).ShouldBe([outside]);
    }

    [Fact]
    public async Task Draft_VisibleOnlyToItsAuthor()
    {
        var officer = await factory.ApiClientAsync("officer");
        var marker = ManuscriptApi.Marker();
        var id = (await ManuscriptApi.SubmitAsync(officer, marker, draft: true)).Long("id");

        (await ManuscriptApi.GetOkAsync(officer, id)).Str("status").ShouldBe("draft");
        (await ManuscriptApi.ListIdsAsync(officer, "q=" + marker)).ShouldBe([id]);
        foreach (var user in new[] { "head", "leader", "principal", "office", "viewer" })
        {
            var client = await factory.ApiClientAsync(user);
            (await ManuscriptApi.GetAsync(client, id)).Status.ShouldBe(HttpStatusCode.NotFound, user);
            (await ManuscriptApi.ListIdsAsync(client, "q=" + marker)).ShouldBeEmpty(user);
        }
    }

    [Fact]
    public async Task Admins_SeeNoManuscripts()
    {
        var (id, _, marker) = await OfficersManuscriptAsync();

        foreach (var user in new[] { "admin", "auditor" })
        {
            var client = await factory.ApiClientAsync(user);
            (await ManuscriptApi.GetAsync(client, id)).Status.ShouldBe(HttpStatusCode.NotFound, user);
            (await ManuscriptApi.ListIdsAsync(client, "q=" + marker)).ShouldBeEmpty(user);
        }
    }
}
