using System.Net;
using System.Net.Http.Json;
using Herald.Domain.Keywords;
using Herald.Web.Features.Keywords;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Tests.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Web.Tests.Keywords;

public sealed class KeywordListApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private async Task<List<ListedHit>> MatchAsync(KeywordListPurpose purpose, string text)
    {
        var catalog = factory.Services.GetRequiredService<KeywordCatalog>();
        await using var scope = factory.Services.CreateAsyncScope();
        var compiled = await catalog.GetAsync(scope.ServiceProvider.GetRequiredService<HeraldDbContext>(), purpose);
        return compiled.Find(text);
    }

    private async Task<long> CreateAsync(HttpClient client, string name, string purpose, object? words = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/keyword-lists", new { name, purpose, words });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).Long("id");
    }

    [Fact]
    public async Task List_Office_SeesDefaultWatchAndSensitiveLists()
    {
        using var office = await factory.ApiClientAsync("office");

        var lists = (await (await office.GetAsync("/api/v1/keyword-lists")).ReadJsonAsync()).EnumerateArray().ToList();

        lists.ShouldContain(l => l.Str("name") == "舆情监测词（默认）" && l.Str("purpose") == "watch");
        var sensitive = lists.Single(l => l.Str("name") == "敏感词（默认）");
        sensitive.Str("purpose").ShouldBe("sensitive");
        var detail = await (await office.GetAsync($"/api/v1/keyword-lists/{sensitive.Long("id")}")).ReadJsonAsync();
        detail.Strings("blockingCategories").ShouldBe(["政治"]);
        detail.Items("words").ShouldContain(w => w.Str("text") == "台独" && w.Int("weight") == 5 && w.Str("category") == "政治");
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("principal")]
    [InlineData("head")]
    public async Task Lists_NotOffice_Forbidden(string user)
    {
        using var client = await factory.ApiClientAsync(user);
        (await client.GetAsync("/api/v1/keyword-lists")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PutAsJsonAsync("/api/v1/keyword-lists/1", new { words = Array.Empty<object>() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Put_InvalidWords_AllProblemsInChinese_NothingSaved()
    {
        using var office = await factory.ApiClientAsync("office");
        var id = await CreateAsync(office, "校验测试", "watch", new[] { new { text = "原有", weight = 1, category = "" } });

        var response = await office.PutAsJsonAsync($"/api/v1/keyword-lists/{id}", new
        {
            wordsText = "塌方 5 安全事故\n爆炸 0\n塌方 2\n！！\n火灾 3 4",
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "KeywordList.BadLine");
        problem.FieldErrors("words").ShouldBe([
            "第 5 行“火灾 3 4”格式不对，应为“词 权重 分类”（权重为整数，最多一个权重和一个分类）。",
            "第 2 行：权重 0 应为 1 到 100 之间的整数。",
            "第 3 行：“塌方”与第 1 行重复。",
            "第 4 行：“！！”只有标点或空白，无法匹配。",
        ]);
        var words = await factory.QueryAsync(db => db.KeywordLists.Where(l => l.Id == id).Select(l => l.Words).SingleAsync());
        words.ShouldBe("原有 1");
    }

    [Fact]
    public async Task Put_ValidWords_MatcherRebuiltAtOnce_AndAudited()
    {
        using var office = await factory.ApiClientAsync("office");
        var id = await CreateAsync(office, "本地热点", "watch");
        (await MatchAsync(KeywordListPurpose.Watch, "示例河堤渗水")).ShouldNotContain(h => h.Keyword == "渗水");

        var response = await office.PutAsJsonAsync($"/api/v1/keyword-lists/{id}", new
        {
            words = new[] { new { text = "渗水", weight = 7, category = "防汛" } },
            allowList = new[] { "渗水测试" },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        var hits = await MatchAsync(KeywordListPurpose.Watch, "示例河堤渗水，渗水测试");
        hits.Where(h => h.Keyword == "渗水").Select(h => (h.Hit.Start, h.Hit.Length, h.List, h.Category, h.Weight))
            .ShouldBe([(4, 2, "本地热点", "防汛", 7)]);
        (await factory.AuditActionsAsync("KeywordList", id)).ShouldBe(["keywords.create", "keywords.update"]);
    }

    [Fact]
    public async Task Put_Disabled_ListNoLongerMatches()
    {
        using var office = await factory.ApiClientAsync("office");
        var id = await CreateAsync(office, "停用测试", "watch", new[] { new { text = "滑坡体", weight = 2, category = "" } });
        (await MatchAsync(KeywordListPurpose.Watch, "山体滑坡体")).ShouldContain(h => h.Keyword == "滑坡体");

        (await office.PutAsJsonAsync($"/api/v1/keyword-lists/{id}", new { disabled = true })).EnsureSuccessStatusCode();

        (await MatchAsync(KeywordListPurpose.Watch, "山体滑坡体")).ShouldNotContain(h => h.Keyword == "滑坡体");
    }

    [Fact]
    public async Task Put_StaleRevision_Conflict()
    {
        using var office = await factory.ApiClientAsync("office");
        var id = await CreateAsync(office, "并发测试", "watch");
        var revision = (await (await office.GetAsync($"/api/v1/keyword-lists/{id}")).ReadJsonAsync()).Int("revision");
        (await office.PutAsJsonAsync($"/api/v1/keyword-lists/{id}", new { wordsText = "甲乙", revision })).EnsureSuccessStatusCode();

        var stale = await office.PutAsJsonAsync($"/api/v1/keyword-lists/{id}", new { wordsText = "丙丁", revision });

        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict, "KeywordList.Stale");
    }

    [Fact]
    public async Task Create_BlockingOnWatchList_AndDuplicateName_Rejected()
    {
        using var office = await factory.ApiClientAsync("office");
        var blocking = await office.PostAsJsonAsync("/api/v1/keyword-lists", new { name = "阻断测试", purpose = "watch", blockingCategories = new[] { "政治" } });
        await blocking.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "KeywordList.BlockingOnlySensitive", "只有敏感词表可以设置阻断类别。");

        var duplicate = await office.PostAsJsonAsync("/api/v1/keyword-lists", new { name = "敏感词（默认）", purpose = "sensitive" });
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "KeywordList.DuplicateName", "已有名为“敏感词（默认）”的词表。");
    }

    [Fact]
    public async Task Export_TextReimportsUnchanged()
    {
        using var office = await factory.ApiClientAsync("office");
        var id = await CreateAsync(office, "导出测试", "watch", new[] { new { text = "塌方", weight = 5, category = "安全事故" }, new { text = "投诉", weight = 1, category = "" } });

        var response = await office.GetAsync($"/api/v1/keyword-lists/{id}/export");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').ShouldBe("塌方 5 安全事故\n投诉 1\n");
    }
}
