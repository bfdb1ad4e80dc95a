using System.Net;
using Herald.Web.Tests.Bulletins;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.MultiHost;

/// <summary>
/// 两个 Herald 主机共用一个数据库，同一件事同时从两边提交：一个成功，另一个得到冲突提示（409，原有的错误码与中文说明），
/// 不会写一半（流转记录、审计各只有一条），也不会是 500。PostgreSQL 上靠行锁、并发标记与唯一索引。
/// </summary>
public sealed class ConcurrentDecisionsTests(PostgresHostFactory first) : IClassFixture<PostgresHostFactory>
{
    private const string StaleMessage = "这篇稿件已被处理或已更新，请刷新后再审核。";

    [SkippableFact]
    public async Task Review_SameApprovalFromBothHostsAtOnce_OneApprovedOther409Stale()
    {
        PostgresHostFactory.SkipWithoutServer();
        using var second = new SecondHost(first);
        var officer = await first.ApiClientAsync("officer");
        HttpClient[] heads = [await first.ApiClientAsync("head"), await second.ApiClientAsync("head")];
        var manuscripts = new List<(long Id, int Revision)>();
        for (var i = 0; i < 6; i++)
        {
            var id = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker(), "important")).Long("id");
            manuscripts.Add((id, (await ManuscriptApi.GetOkAsync(officer, id)).Int("revision")));
        }

        var results = await Task.WhenAll(manuscripts.SelectMany(m => heads.Select(head => ManuscriptApi.ReviewAsync(head, m.Id, "approve", revision: m.Revision))));

        for (var k = 0; k < manuscripts.Count; k++)
        {
            var pair = results.Skip(2 * k).Take(2).ToList();
            pair.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1, $"manuscript {manuscripts[k].Id}: {string.Join(", ", pair.Select(r => r.Status))}");
            await pair.Single(r => r.Status != HttpStatusCode.OK).Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Manuscript.StaleReview", StaleMessage);
            var json = await ManuscriptApi.GetOkAsync(officer, manuscripts[k].Id);
            json.GetProperty("currentStep").Int("step").ShouldBe(2);
            json.Items("history").Count(h => h.Str("action") == "approved").ShouldBe(1);
        }
        var ids = manuscripts.Select(m => (long?)m.Id).ToList();
        (await first.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "manuscript.approve" && ids.Contains(a.EntityId))))
            .ShouldBe(manuscripts.Count, "the losing request left no audit entry behind");
    }

    [SkippableFact]
    public async Task ReviewForm_SameApprovalFromBothHostsAtOnce_OneRedirectOtherStaleMessage()
    {
        PostgresHostFactory.SkipWithoutServer();
        using var second = new SecondHost(first);
        var officer = await first.ApiClientAsync("officer");
        var id = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker(), "important")).Long("id");
        var revision = (await ManuscriptApi.GetOkAsync(officer, id)).Int("revision").ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var onFirst = await first.SignInAsync("head");
        using var onSecond = await second.SignInAsync("head");
        var tokens = await Task.WhenAll(onFirst.TokenAsync($"/manuscripts/{id}"), onSecond.TokenAsync($"/manuscripts/{id}"));

        var responses = await Task.WhenAll(new[] { onFirst, onSecond }.Select((session, i) => session.Client.PostAsync($"/manuscripts/{id}/review",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["decision"] = "approve", ["revision"] = revision, ["__RequestVerificationToken"] = tokens[i],
            }))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
        var refused = responses.Single(r => r.StatusCode != HttpStatusCode.Redirect);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await WebSession.ParseAsync(refused)).QuerySelector("[data-testid=alert-danger]")!.TextContent.Trim().ShouldBe(StaleMessage);
        (await ManuscriptApi.GetOkAsync(officer, id)).Items("history").Count(h => h.Str("action") == "approved").ShouldBe(1);
    }

    [SkippableFact]
    public async Task CreateBulletin_SamePeriodFromBothHostsAtOnce_OneCreatedOther409()
    {
        PostgresHostFactory.SkipWithoutServer();
        using var second = new SecondHost(first);
        HttpClient[] offices = [await first.ApiClientAsync("office"), await second.ApiClientAsync("office")];
        var street = await first.UnitIdAsync("示例街道");

        for (var year = 2020; year < 2025; year++)
        {
            var body = new { year, quarter = 1, rootUnitId = street };
            var results = await Task.WhenAll(offices.Select(office => BulletinApi.CreateAsync(office, body)));

            results.Count(r => r.Status == HttpStatusCode.Created).ShouldBe(1, $"{year}: {string.Join(", ", results.Select(r => r.Status))}");
            var refused = results.Single(r => r.Status != HttpStatusCode.Created);
            refused.Status.ShouldBe(HttpStatusCode.Conflict);
            refused.Json.Str("code").ShouldBeOneOf("Bulletin.DraftExists", "Bulletin.VersionTaken");
            refused.Json.Str("detail").ShouldNotBeNullOrWhiteSpace();
            (await first.QueryAsync(db => db.Bulletins.CountAsync(b => b.Year == year && b.Quarter == 1 && b.RootUnitId == street))).ShouldBe(1);
        }
    }
}
