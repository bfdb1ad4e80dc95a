using System.Net;
using System.Text.Json;
using Herald.Domain.Review;
using Herald.Domain.Submission;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Herald.Web.Tests.Publishing.PublishingApi;

namespace Herald.Web.Tests.Tables;

/// <summary>
/// 待我审核数据表：筛选、排序、导出（只含轮到自己审核的），批量审核逐篇检查、逐篇报告（通过、版本已变、不是这一级的审核人、
/// 阻断类敏感词、别的单位的稿件），各篇一个事务，重复提交不出 500。演示数据：officer 与 head 在党政办公室，officer2 与 head2 在幸福社区。
/// </summary>
public sealed class ReviewInboxTableTests(HeraldFactory factory, ITestOutputHelper output) : IClassFixture<HeraldFactory>
{
    private async Task<long> SubmitAsync(string title, string importance = "routine", string? body = null, string author = "officer") =>
        (await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync(author),
            new ManuscriptForm { Title = title, Importance = importance, Body = body ?? "街道开展为民服务活动，群众反响良好。" })).Long("id");

    private Task<ManuscriptStatus> StatusAsync(long id) =>
        factory.QueryAsync(db => db.Manuscripts.Where(m => m.Id == id).Select(m => m.Status).SingleAsync());

    [Fact]
    public async Task Batch_MixedItems_EachCheckedInItsOwnTransactionAndReported()
    {
        var marker = ManuscriptApi.Marker();
        var ok = await SubmitAsync(marker + "甲");
        var stale = await SubmitAsync(marker + "乙");
        var notYours = await SubmitAsync(marker + "丙", "important");
        var blocked = await SubmitAsync(marker + "丁", body: "文中误写“台 独”势力一词。");
        var otherUnit = await SubmitAsync(marker + "戊", author: "officer2");
        var head = await factory.ApiClientAsync("head");
        await ManuscriptApi.ReviewOkAsync(head, notYours, "approve"); // 重要稿件：下一级是分管领导
        var seen = (await ManuscriptApi.GetOkAsync(head, stale)).Int("revision");

        var result = await PostJsonAsync(head, "/api/v1/reviews/batch", new
        {
            ids = new[] { ok, stale, notYours, blocked, otherUnit, ok },
            decision = "approve",
            comment = "同意",
            revisions = new Dictionary<string, int> { [stale.ToString()] = seen - 1 },
        });

        result.Status.ShouldBe(HttpStatusCode.OK, result.Json.ToString());
        var items = result.Json.EnumerateArray().ToList();
        items.Select(i => i.Long("id")).ShouldBe([ok, stale, notYours, blocked, otherUnit]);
        items[0].Str("status").ShouldBe("approved");
        items[0].Str("title").ShouldBe(marker + "甲");
        items[0].TryGetProperty("error", out _).ShouldBeFalse();
        ErrorOf(items[1]).ShouldBe(("Manuscript.StaleReview", "这篇稿件已被处理或已更新，请刷新后再审核。"));
        ErrorOf(items[2]).ShouldBe(("Review.NotReviewer", "您不是这篇稿件当前这一级的审核人。"));
        ErrorOf(items[3]).Code.ShouldBe("Review.SensitiveBlocked");
        ErrorOf(items[3]).Error.ShouldContain("台独");
        ErrorOf(items[4]).ShouldBe(("NotFound", "找不到您要的内容，或您无权查看。"));
        items[4].TryGetProperty("title", out _).ShouldBeFalse(); // 别的单位的稿件：不透露标题
        (await StatusAsync(ok)).ShouldBe(ManuscriptStatus.Approved);
        foreach (var id in new[] { stale, notYours, blocked, otherUnit }) (await StatusAsync(id)).ShouldBe(ManuscriptStatus.InReview);

        // 同一批再提交一次：已审过的逐篇报错，不出 500，也不会审两次。
        var again = await PostJsonAsync(head, "/api/v1/reviews/batch", new { ids = new[] { ok }, decision = "approve", comment = "同意" });
        again.Status.ShouldBe(HttpStatusCode.OK);
        ErrorOf(again.Json.EnumerateArray().Single()).Code.ShouldBe("Review.NotInReview");
    }

    [Fact]
    public async Task Batch_ReturnWithOneComment_EachReturnedWithIt()
    {
        var marker = ManuscriptApi.Marker();
        var first = await SubmitAsync(marker + "甲");
        var second = await SubmitAsync(marker + "乙");

        var result = await PostJsonAsync(await factory.ApiClientAsync("head"), "/api/v1/reviews/batch",
            new { ids = new[] { first, second }, decision = "return", comment = "请补充活动时间" });

        result.Json.EnumerateArray().Select(i => i.Str("status")).ShouldBe(["returned", "returned"]);
        var comments = await factory.QueryAsync(db => db.ManuscriptEvents
            .Where(e => (e.ManuscriptId == first || e.ManuscriptId == second) && e.Action == ManuscriptEventAction.Returned)
            .Select(e => e.Comment).ToListAsync());
        comments.ShouldBe(["请补充活动时间", "请补充活动时间"]);
    }

    [Theory]
    [InlineData("{\"ids\":[],\"decision\":\"approve\"}", "Batch.Empty", "请至少选择一项。")]
    [InlineData("{\"decision\":\"approve\"}", "Batch.Empty", "请至少选择一项。")]
    [InlineData("{\"ids\":[1],\"decision\":\"maybe\"}", "Review.UnknownDecision", "审核决定应为 approve（通过）、return（退回修改）或 reject（不予采用）。")]
    public async Task Batch_BadInput_400Chinese(string body, string code, string detail)
    {
        var head = await factory.ApiClientAsync("head");

        var response = await head.PostAsync("/api/v1/reviews/batch", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code, detail);
    }

    [Fact]
    public async Task Batch_TooMany_400()
    {
        var response = await PostJsonAsync(await factory.ApiClientAsync("head"), "/api/v1/reviews/batch",
            new { ids = Enumerable.Range(1, 101).Select(i => (long)i), decision = "approve" });

        await response.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Batch.TooMany", "一次最多处理 100 项。");
    }

    [Fact]
    public async Task Inbox_FilterSortAndStep_OrderAndRows()
    {
        var marker = ManuscriptApi.Marker();
        var b = await SubmitAsync(marker + "乙");
        var a = await SubmitAsync(marker + "甲");
        var important = await SubmitAsync(marker + "丙", "important");
        var head = await factory.ApiClientAsync("head");
        var leader = await factory.ApiClientAsync("leader");
        await ManuscriptApi.ReviewOkAsync(head, important, "approve");

        var byTitle = await GetAsync(head, $"/api/v1/reviews/inbox?q={marker}&sort=title");
        var desc = await GetAsync(head, $"/api/v1/reviews/inbox?q={marker}&sort=title&dir=desc");
        var queue = await GetAsync(head, $"/api/v1/reviews/inbox?q={marker}");
        var leaderStep = await GetAsync(leader, $"/api/v1/reviews/inbox?q={marker}&step=supervising_leader");
        var headStep = await GetAsync(head, $"/api/v1/reviews/inbox?q={marker}&step=supervising_leader");

        byTitle.Json.Items("items").Select(i => i.Long("id")).ShouldBe([b, a]); // 乙(U+4E59) 在 甲(U+7532) 之前
        byTitle.Json.Int("matched").ShouldBe(2);
        desc.Json.Items("items").Select(i => i.Long("id")).ShouldBe([a, b]);
        queue.Json.Items("items").Select(i => i.Long("id")).ShouldBe([b, a]); // 先报先审
        leaderStep.Json.Items("items").Select(i => i.Long("id")).ShouldBe([important]);
        headStep.Json.Items("items").ShouldBeEmpty();
        (await head.GetAsync("/api/v1/reviews/inbox?sort=body")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await head.GetAsync("/api/v1/reviews/inbox?step=office")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Export_OnlyRowsAwaitingTheCaller_ReadableAndOpensInCalc()
    {
        var marker = ManuscriptApi.Marker();
        var own = await SubmitAsync(marker + "甲");
        var second = await SubmitAsync(marker + "乙");
        await SubmitAsync(marker + "社区", author: "officer2");

        var head = await ExportedSheet.GetAsync(await factory.ApiClientAsync("head"), $"/api/v1/reviews/inbox/export.xlsx?q={marker}&sort=title&dir=desc");

        head.FileName.ShouldBe("待我审核-2026年11月20日.xlsx");
        head.Column("编号").Select(long.Parse).ShouldBe([own, second]);
        head.Column("状态").ShouldBe(["审核中（待单位负责人审核）", "审核中（待单位负责人审核）"]);
        await head.ShouldOpenInCalcAsync(output);
    }

    [Fact]
    public async Task Page_BatchForm_ApprovesCheckedAtTheSeenRevisionAndShowsEachResult()
    {
        var marker = ManuscriptApi.Marker();
        var first = await SubmitAsync(marker + "甲");
        var second = await SubmitAsync(marker + "乙");
        using var head = await factory.SignInAsync("head");
        var (_, page) = await head.GetPageAsync($"/reviews?q={marker}");
        page.QuerySelector("form#review-batch").ShouldNotBeNull();
        page.QuerySelector($"tr[data-id='{first}'] input[name=ids][form=review-batch]").ShouldNotBeNull();
        var revision = page.QuerySelector($"input[name='revision-{second}'][form=review-batch]")!.GetAttribute("value")!;
        page.QuerySelector("[data-testid=export-xlsx]")!.GetAttribute("href").ShouldBe($"/reviews/export.xlsx?q={Uri.EscapeDataString(marker)}");

        var response = await head.PostFormAsync($"/reviews?q={marker}", "/reviews/batch", new()
        {
            ["ids"] = first.ToString(), ["decision"] = "approve", ["comment"] = "同意", [$"revision-{first}"] = "999",
            [$"revision-{second}"] = revision, ["returnUrl"] = $"/reviews?q={marker}",
        });
        var result = await WebSession.ParseAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = result.QuerySelector($"[data-testid=batch-item][data-id='{first}']")!;
        row.GetAttribute("data-done").ShouldBe("false"); // 看到的版本不是当前的：不审
        row.QuerySelector("[data-testid=batch-error]")!.GetAttribute("data-code").ShouldBe("Manuscript.StaleReview");
        result.QuerySelector("[data-testid=batch-back]")!.GetAttribute("href").ShouldBe($"/reviews?q={marker}");
        (await StatusAsync(first)).ShouldBe(ManuscriptStatus.InReview);
        (await StatusAsync(second)).ShouldBe(ManuscriptStatus.InReview); // 没勾选的不动
    }

    private static (string Code, string Error) ErrorOf(JsonElement item)
    {
        item.TryGetProperty("status", out _).ShouldBeFalse();
        return (item.Str("code"), item.Str("error"));
    }
}
