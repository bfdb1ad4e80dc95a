using System.Net;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Manuscripts;

/// <summary>同一提交键（Idempotency-Key 或表单的 submissionKey）重复提交只产生一篇稿件。</summary>
public sealed class DoubleSubmissionTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private Task<int> CountByKeyAsync(string key) =>
        factory.QueryAsync(db => db.Manuscripts.CountAsync(m => m.SubmissionKey == key));

    [Fact]
    public async Task Post_SameIdempotencyKeyTwice_OneManuscript()
    {
        var officer = await factory.ApiClientAsync("officer");
        var marker = ManuscriptApi.Marker();
        var key = Guid.NewGuid().ToString("N");
        var form = new ManuscriptForm { Title = marker }.WithPhoto("现场.png", "现场");

        var first = await ManuscriptApi.PostAsync(officer, form, key);
        var second = await ManuscriptApi.PostAsync(officer, form, key);

        first.Status.ShouldBe(HttpStatusCode.Created);
        second.Status.ShouldBe(HttpStatusCode.Created);
        second.Id.ShouldBe(first.Id);
        second.Response.Headers.Location!.OriginalString.ShouldBe($"/api/v1/manuscripts/{first.Id}");
        second.Json.Items("photos").Count.ShouldBe(1);
        (await ManuscriptApi.ListIdsAsync(officer, "q=" + marker)).ShouldBe([first.Id]);
        (await CountByKeyAsync(key)).ShouldBe(1);
    }

    [Fact]
    public async Task Post_SameKeyConcurrently_OneManuscript()
    {
        var officer = await factory.ApiClientAsync("officer");
        var marker = ManuscriptApi.Marker();
        var key = Guid.NewGuid().ToString("N");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            ManuscriptApi.PostAsync(officer, new ManuscriptForm { Title = marker }.WithPhoto("现场.png", "现场"), key)));

        results.ShouldAllBe(r => r.Status == HttpStatusCode.Created);
        results.Select(r => r.Id).Distinct().Count().ShouldBe(1);
        (await ManuscriptApi.ListIdsAsync(officer, "q=" + marker)).ShouldBe([results[0].Id]);
        (await CountByKeyAsync(key)).ShouldBe(1);
        var json = await ManuscriptApi.GetOkAsync(officer, results[0].Id);
        json.Items("history").Select(h => h.Str("action")).ShouldBe(["created", "submitted"]);
        json.Items("photos").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Post_DifferentKeys_TwoManuscripts()
    {
        var officer = await factory.ApiClientAsync("officer");
        var marker = ManuscriptApi.Marker();

        var first = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { Title = marker }, Guid.NewGuid().ToString("N"));
        var second = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { Title = marker }, Guid.NewGuid().ToString("N"));

        second.Id.ShouldNotBe(first.Id);
        (await ManuscriptApi.ListIdsAsync(officer, "q=" + marker)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Post_SameKeyDifferentAuthors_EachGetsTheirOwn()
    {
        var key = Guid.NewGuid().ToString("N");
        var marker = ManuscriptApi.Marker();

        var byOfficer = await ManuscriptApi.PostAsync(await factory.ApiClientAsync("officer"), new ManuscriptForm { Title = marker }, key);
        var byOfficer2 = await ManuscriptApi.PostAsync(await factory.ApiClientAsync("officer2"), new ManuscriptForm { Title = marker }, key);

        byOfficer.Status.ShouldBe(HttpStatusCode.Created);
        byOfficer2.Status.ShouldBe(HttpStatusCode.Created);
        byOfficer2.Id.ShouldNotBe(byOfficer.Id);
        byOfficer2.Json.Str("unitName").ShouldBe("幸福社区");
        (await CountByKeyAsync(key)).ShouldBe(2);
    }

    [Fact]
    public async Task PageForm_DoubleClickedSubmit_OneManuscript()
    {
        using var session = await factory.SignInAsync("officer");
        var (_, page) = await session.GetPageAsync("/manuscripts/new");
        var key = page.QuerySelector("input[name=submissionKey]")!.GetAttribute("value")!;
        key.ShouldNotBeNullOrWhiteSpace();
        var marker = ManuscriptApi.Marker();
        ManuscriptForm Form() => new() { Title = marker, Action = "submit", SubmissionKey = key };

        var first = await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/new", Form().ToContent());
        var second = await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/new", Form().ToContent());

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        (await ManuscriptApi.ListIdsAsync(await factory.ApiClientAsync("officer"), "q=" + marker)).Count.ShouldBe(1);
        (await CountByKeyAsync(key)).ShouldBe(1);
    }
}
