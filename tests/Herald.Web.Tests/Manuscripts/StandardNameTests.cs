using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Manuscripts;

/// <summary>规范名称"单位-YYYY年M月D日工作信息"（按报送日，北京时间），同单位同日第二篇起加（N）；续报加（续报N）并与原稿互相关联。每个测试用自己的一天。</summary>
public sealed class StandardNameTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private async Task<HttpClient> AtAsync(string userName, int day, int hour, int minute = 0)
    {
        factory.Clock.SetChina(2026, 11, day, hour, minute);
        return await factory.ApiClientAsync(userName);
    }

    private static ManuscriptForm Form(string eventDate, bool draft = false) =>
        new() { Title = ManuscriptApi.Marker(), EventDate = eventDate, Draft = draft };

    [Fact]
    public async Task Name_SameUnitSameDay_SequenceSuffixFromTheSecond()
    {
        var officer = await AtAsync("officer", 23, 9);
        var officer2 = await factory.ApiClientAsync("officer2");

        var first = await ManuscriptApi.SubmitAsync(officer, Form("2026-11-23"));
        var second = await ManuscriptApi.SubmitAsync(officer, Form("2026-11-23"));
        var otherUnit = await ManuscriptApi.SubmitAsync(officer2, Form("2026-11-23"));
        var draft = await ManuscriptApi.SubmitAsync(officer, Form("2026-11-23", draft: true));
        var third = await ManuscriptApi.SubmitAsync(officer, Form("2026-11-23"));
        factory.Clock.SetChina(2026, 11, 23, 17);
        var draftSubmitted = await ManuscriptApi.ResubmitAsync(officer, draft.Long("id"), new ManuscriptForm { Title = draft.Str("title"), EventDate = "2026-11-23" });

        first.Str("name").ShouldBe("示例街道党政办公室-2026年11月23日工作信息");
        second.Str("name").ShouldBe("示例街道党政办公室-2026年11月23日工作信息（2）");
        otherUnit.Str("name").ShouldBe("幸福社区-2026年11月23日工作信息");
        third.Str("name").ShouldBe("示例街道党政办公室-2026年11月23日工作信息（3）");
        draftSubmitted.Json.Str("name").ShouldBe("示例街道党政办公室-2026年11月23日工作信息（4）");
        (await ManuscriptApi.ListAsync(officer, "q=" + first.Str("title"))).Items("items").Single().Str("name").ShouldBe(first.Str("name"));
    }

    [Fact]
    public async Task Name_NextDay_SequenceStartsAgain()
    {
        var officer = await AtAsync("officer", 24, 9);
        await ManuscriptApi.SubmitAsync(officer, Form("2026-11-24"));
        officer = await AtAsync("officer", 25, 9);

        var nextDay = await ManuscriptApi.SubmitAsync(officer, Form("2026-11-24"));

        nextDay.Str("name").ShouldBe("示例街道党政办公室-2026年11月25日工作信息");
    }

    [Fact]
    public async Task Name_ReportDateIsChinaDateOfSubmission()
    {
        // 北京时间 11月27日 00:30 = UTC 11月26日 16:30。
        var officer = await AtAsync("officer", 27, 0, 30);

        var json = await ManuscriptApi.SubmitAsync(officer, Form("2026-11-26"));

        json.Str("name").ShouldBe("示例街道党政办公室-2026年11月27日工作信息");
    }

    [Fact]
    public async Task FollowUp_EmergencyOriginal_NamedWithFollowUpNumberAndLinkedBothWays()
    {
        var officer = await AtAsync("officer", 28, 9);
        var original = await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm
        {
            Title = ManuscriptApi.Marker() + "辖区突发火情", EventDate = "2026-11-28", Emergency = true, KnownAt = "2026-11-28T08:30:00+08:00",
        });
        original.Str("name").ShouldBe("示例街道党政办公室-2026年11月28日工作信息");
        officer = await AtAsync("officer", 29, 9);

        var first = await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm
        {
            Title = "火情已扑灭，无人员伤亡", EventDate = "2026-11-28", FollowUpOf = original.Long("id"),
        });
        var second = await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm
        {
            Title = "受灾群众已妥善安置", EventDate = "2026-11-28", FollowUpOf = original.Long("id"),
        });

        first.Str("name").ShouldBe("示例街道党政办公室-2026年11月29日工作信息（续报1）");
        first.Str("status").ShouldBe("in_review");
        first.Bool("emergency").ShouldBeTrue();
        first.Long("followUpOf").ShouldBe(original.Long("id"));
        first.Int("followUpNumber").ShouldBe(1);
        second.Str("name").ShouldBe("示例街道党政办公室-2026年11月29日工作信息（2）（续报2）");
        second.Int("followUpNumber").ShouldBe(2);
        var reloaded = await ManuscriptApi.GetOkAsync(officer, original.Long("id"));
        reloaded.IsNull("followUpOf").ShouldBeTrue();
        reloaded.Items("followUps").Select(f => (f.Long("id"), f.Int("number"), f.Str("name"), f.Str("title"))).ShouldBe(
        [
            (first.Long("id"), 1, first.Str("name"), "火情已扑灭，无人员伤亡"),
            (second.Long("id"), 2, second.Str("name"), "受灾群众已妥善安置"),
        ]);
        // 审核人看原稿也能看到续报。
        var head = await factory.ApiClientAsync("head");
        (await ManuscriptApi.GetOkAsync(head, original.Long("id"))).Items("followUps").Count.ShouldBe(2);
    }

    [Fact]
    public async Task FollowUp_NonEmergencyOriginal_409AndNothingCreated()
    {
        var officer = await AtAsync("officer", 30, 9);
        var original = await ManuscriptApi.SubmitAsync(officer, Form("2026-11-30"));
        var marker = ManuscriptApi.Marker();

        var result = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { Title = marker, EventDate = "2026-11-30", FollowUpOf = original.Long("id") });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Manuscript.FollowUpNeedsEmergency", "只有重大突发事件的稿件可以续报。");
        (await ManuscriptApi.ListIdsAsync(officer, "q=" + marker)).ShouldBeEmpty();
        (await ManuscriptApi.GetOkAsync(officer, original.Long("id"))).Items("followUps").ShouldBeEmpty();
    }

    [Fact]
    public async Task FollowUp_OfAFollowUp_409()
    {
        var officer = await AtAsync("officer", 30, 14);
        var original = await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm
        {
            Title = ManuscriptApi.Marker(), EventDate = "2026-11-30", Emergency = true, KnownAt = "2026-11-30T13:40:00+08:00",
        });
        var followUp = await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm { Title = "续报", EventDate = "2026-11-30", FollowUpOf = original.Long("id") });

        var result = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { Title = "续报的续报", EventDate = "2026-11-30", FollowUpOf = followUp.Long("id") });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Manuscript.FollowUpOfFollowUp", "请在原稿上续报，不要在续报上再续报。");
    }

    [Fact]
    public async Task FollowUp_OfDraft_409NeedsSubmitted()
    {
        var officer = await AtAsync("officer", 30, 15);
        var draft = await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm
        {
            Title = ManuscriptApi.Marker(), EventDate = "2026-11-30", Emergency = true, KnownAt = "2026-11-30T14:50:00+08:00", Draft = true,
        });

        var result = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { Title = "续报", EventDate = "2026-11-30", FollowUpOf = draft.Long("id") });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Manuscript.FollowUpNeedsSubmitted", "原稿报送后才能续报。");
    }

    [Fact]
    public async Task FollowUp_OtherUnitsOriginal_400OriginalMissing()
    {
        var officer = await AtAsync("officer", 30, 16);
        var original = await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm
        {
            Title = ManuscriptApi.Marker(), EventDate = "2026-11-30", Emergency = true, KnownAt = "2026-11-30T15:50:00+08:00",
        });
        var officer2 = await factory.ApiClientAsync("officer2");

        var result = await ManuscriptApi.PostAsync(officer2, new ManuscriptForm { Title = "冒名续报", EventDate = "2026-11-30", FollowUpOf = original.Long("id") });

        var problem = await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Manuscript.FollowUpOriginalMissing", "找不到要续报的原稿。");
        problem.FieldErrors("followUpOf").ShouldBe(["找不到要续报的原稿。"]);
    }

    // SQLite 的写闸让写事务串行；PostgreSQL 上同单位同时报送曾取到同一个序号，违反唯一索引（HERALD_TEST_PROVIDER=postgres 时跑在 PostgreSQL 上）。
    [Fact]
    public async Task Name_SameUnitConcurrentSubmissions_EachGetsItsOwnSequence()
    {
        var officer = await AtAsync("officer", 18, 9);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => ManuscriptApi.PostAsync(officer, Form("2026-11-18"))));

        results.Select(r => r.Status).ShouldAllBe(s => s == HttpStatusCode.Created);
        results.Select(r => r.Json.Str("name")).Order().ShouldBe(
            new[] { "示例街道党政办公室-2026年11月18日工作信息" }.Concat(Enumerable.Range(2, 11).Select(n => $"示例街道党政办公室-2026年11月18日工作信息（{n}）")).Order());
    }
}
