using System.Net;
using System.Net.Http.Json;
using System.Text;
using Herald.Domain.Opinion;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Herald.Web.Tests.Opinion.OpinionTestData;

namespace Herald.Web.Tests.Opinion;

public sealed class IntakeApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task PushOne_OfficeToken_StoredWithHitsOnOriginalText()
    {
        using var office = await factory.ApiClientAsync("office");
        // 默认监测词表：维权（群体事件，3）、欠薪（劳资纠纷，4）；“欠 薪”中间的空格被跳过，高亮范围含空格。
        var result = await office.PushOneAsync(new
        {
            source = "本地论坛", platform = "论坛", url = "https://bbs.example.invalid/t/1", title = "工地维权",
            content = "工人反映欠 薪三个月。", author = "网友甲", publishedAt = "2026-11-20 09:30",
        });

        var id = result.Long("id");
        result.IsNull("duplicateOf").ShouldBeTrue();
        result.Items("hits").Select(h => (h.Str("field"), h.Str("keyword"), h.Str("list"), h.Str("category"), h.Int("start"), h.Int("length")))
            .ShouldBe([("title", "维权", "舆情监测词（默认）", "群体事件", 2, 2), ("content", "欠薪", "舆情监测词（默认）", "劳资纠纷", 4, 3)]);
        var stored = await factory.QueryAsync(db => db.OpinionItems.Include(i => i.Hits).SingleAsync(i => i.Id == id));
        (stored.Kind, stored.Platform, stored.Source, stored.HitCount, stored.HitWeight).ShouldBe((OpinionIntakeKind.Api, "论坛", "本地论坛", 2, 7));
        // 不带时区的时间按北京时间：09:30 = 01:30 UTC。
        stored.PublishedAt.ShouldBe(new DateTime(2026, 11, 20, 1, 30, 0, DateTimeKind.Utc));
        stored.TokenId.ShouldNotBeNull();
    }

    [Fact]
    public async Task PushBatch_InvalidItemsReportedPerItem_ValidOnesStored()
    {
        using var office = await factory.ApiClientAsync("office");
        var before = await factory.QueryAsync(db => db.OpinionItems.CountAsync());
        var response = await office.PostAsync("/api/v1/opinion/items", new StringContent(
            """
            [
              {"platform":"微博","content":"批量第一条，正常。"},
              {"platform":"","content":"缺平台"},
              {"platform":"微信","title":123,"content":"标题不是文本"},
              {"platform":"抖音","content":"时间不对","publishedAt":"昨天"},
              "不是对象",
              {"platform":"新闻网站","url":"ftp://x.example.invalid/","content":"链接不对"},
              {"platform":"今日头条","title":"批量最后一条","content":"也正常。"}
            ]
            """, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var results = (await response.ReadJsonAsync()).EnumerateArray().ToList();
        results.Select(r => r.Int("index")).ShouldBe([0, 1, 2, 3, 4, 5, 6]);
        results[0].GetProperty("id").GetInt64().ShouldBeGreaterThan(0);
        results[6].GetProperty("id").GetInt64().ShouldBeGreaterThan(results[0].GetProperty("id").GetInt64());
        results[1].GetProperty("errors").Strings("platform").ShouldBe(["此项为必填项。"]);
        results[2].GetProperty("errors").Strings("title").ShouldBe(["应为文本（字符串）。"]);
        results[3].GetProperty("errors").Strings("publishedAt").ShouldBe(["时间“昨天”无法识别，应为 ISO 8601 格式，如 2026-03-05T14:30:00+08:00。"]);
        results[4].GetProperty("errors").Strings("item").ShouldBe(["这一条不是 JSON 对象。"]);
        results[5].GetProperty("errors").Strings("url").ShouldBe(["链接应为以 http:// 或 https:// 开头的网址。"]);
        foreach (var rejected in results.Skip(1).Take(5)) rejected.IsNull("id").ShouldBeTrue();
        (await factory.QueryAsync(db => db.OpinionItems.CountAsync())).ShouldBe(before + 2);
    }

    [Fact]
    public async Task PushOne_Invalid_400WithField()
    {
        using var office = await factory.ApiClientAsync("office");
        var response = await office.PostAsJsonAsync("/api/v1/opinion/items", new { platform = "微博", title = " ", content = "" });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "OpinionItem.TitleOrContentRequired", "标题和内容至少填写一项。");
        problem.FieldErrors("content").ShouldBe(["标题和内容至少填写一项。"]);
    }

    [Fact]
    public async Task PushBatch_OverLimits_WholeBatchRefusedInChinese()
    {
        using var office = await factory.ApiClientAsync("office");
        var tooMany = Enumerable.Range(0, 501).Select(i => new { platform = "微博", content = "第" + i + "条" }).ToArray();
        await (await office.PostAsJsonAsync("/api/v1/opinion/items", tooMany))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "OpinionIntake.BatchTooLarge", "一批最多 500 条，这一批有 501 条，请分批推送。");

        var big = new[] { new { platform = "微博", content = new string('字', 200_000) }, new { platform = "微博", content = new string('字', 200_000) } };
        await (await office.PostAsJsonAsync("/api/v1/opinion/items", big))
            .ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "OpinionIntake.BodyTooLarge", "一次推送的内容不能超过 1024 KB，请分批推送。");

        await (await office.PostAsync("/api/v1/opinion/items", new StringContent("[]", Encoding.UTF8, "application/json")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "OpinionIntake.EmptyBatch");
        await (await office.PostAsync("/api/v1/opinion/items", new StringContent("{\"platform\":", Encoding.UTF8, "application/json")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "OpinionIntake.BadJson");
    }

    [Fact]
    public async Task Push_FullTokenOfNonOffice_Forbidden()
    {
        using var officer = await factory.ApiClientAsync("officer");
        await (await officer.PostAsJsonAsync("/api/v1/opinion/items", Item("信息员不能推送")))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "OpinionIntake.PushForbidden");
    }

    [Fact]
    public async Task IntakeToken_PushesOnly_EverythingElse403_RevokedIs401()
    {
        var token = await factory.IssueIntakeTokenAsync("甲舆情服务");
        using var vendor = factory.BearerClient(token);

        var pushed = await vendor.PushOneAsync(Item("厂商推送的一条信息"));
        var tokenId = await factory.QueryAsync(db => db.OpinionItems.Where(i => i.Id == pushed.Long("id")).Select(i => i.TokenId).SingleAsync());
        (await factory.QueryAsync(db => db.ApiTokens.Where(t => t.Id == tokenId).Select(t => t.Name).SingleAsync())).ShouldBe("甲舆情服务");

        foreach (var url in new[] { "/api/v1/me", "/api/v1/manuscripts", "/api/v1/keyword-lists", "/api/v1/reviews/inbox", "/api/v1/units" })
            await (await vendor.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Token.ScopeForbidden",
                "这个令牌只能用于推送舆情信息（POST /api/v1/opinion/items）。");
        (await vendor.PostAsJsonAsync("/api/v1/keyword-lists", new { name = "x", purpose = "watch" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await vendor.DeleteAsync("/api/v1/auth/token")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await vendor.GetAsync("/manuscripts/1/photos/1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var office = await factory.SignInAsync("office");
        (await office.PostFormAsync("/opinion/intake-tokens", $"/opinion/intake-tokens/{tokenId}/revoke", new()))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await vendor.PostAsJsonAsync("/api/v1/opinion/items", Item("撤销后再推"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task IntakeTokensPage_NotOffice_Forbidden_AndVendorRequired()
    {
        using var officer = await factory.SignInAsync("officer");
        (await officer.Client.GetAsync("/opinion/intake-tokens")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var office = await factory.SignInAsync("office");
        var response = await office.PostFormAsync("/opinion/intake-tokens", "/opinion/intake-tokens", new() { ["Vendor"] = " ", ["Days"] = "30" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await WebSession.ParseAsync(response)).QuerySelector("[data-testid=alert-danger]")!.TextContent.ShouldContain("厂商名称：此项为必填项。");
    }
}
