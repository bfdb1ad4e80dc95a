using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Manuscripts;

/// <summary>迟报：事件日期（北京时间）后超过 3 天报送；突发事件获知后超过 1 小时报送。每个测试自己设定时钟。</summary>
public sealed class TimelinessTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private async Task<HttpClient> OfficerAtAsync(int day, int hour, int minute = 0)
    {
        factory.Clock.SetChina(2026, 11, day, hour, minute);
        return await factory.ApiClientAsync("officer");
    }

    [Theory]
    [InlineData("2026-11-20", false)]
    [InlineData("2026-11-17", false)]
    [InlineData("2026-11-16", true)]
    [InlineData("2026-10-01", true)]
    public async Task Late_ByDaysAfterEventDate(string eventDate, bool late)
    {
        var officer = await OfficerAtAsync(20, 10);

        var json = await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm { Title = ManuscriptApi.Marker(), EventDate = eventDate });

        json.Bool("late").ShouldBe(late);
    }

    [Fact]
    public async Task Late_UsesChinaDateNotUtcDate()
    {
        // 北京时间 11月20日 23:59 与 11月21日 00:01：UTC 都是 11月20日。
        var officer = await OfficerAtAsync(20, 23, 59);
        var onTime = await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm { Title = ManuscriptApi.Marker(), EventDate = "2026-11-17" });
        factory.Clock.SetChina(2026, 11, 21, 0, 1);
        factory.Clock.GetUtcNow().UtcDateTime.Day.ShouldBe(20);

        var late = await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm { Title = ManuscriptApi.Marker(), EventDate = "2026-11-17" });

        onTime.Bool("late").ShouldBeFalse();
        late.Bool("late").ShouldBeTrue();
    }

    [Theory]
    [InlineData("2026-11-20T09:00:00+08:00", false)]
    [InlineData("2026-11-20T08:59:00+08:00", true)]
    [InlineData("2026-11-20T09:30", false)]
    [InlineData("2026-11-20T08:30", true)]
    [InlineData("2026-11-20T01:30:00Z", false)]
    [InlineData("2026-11-20T00:30:00Z", true)]
    [InlineData("2026-11-19T20:30:00-05:00", false)]
    [InlineData("2026-11-19T19:30:00-05:00", true)]
    public async Task Late_EmergencyMoreThanOneHourAfterKnownAt(string knownAt, bool late)
    {
        var officer = await OfficerAtAsync(20, 10);

        var json = await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm
        {
            Title = ManuscriptApi.Marker(), EventDate = "2026-11-20", Emergency = true, KnownAt = knownAt,
        });

        json.Bool("emergency").ShouldBeTrue();
        json.Bool("late").ShouldBe(late);
        var listed = (await ManuscriptApi.ListAsync(officer, "q=" + json.Str("title"))).Items("items").Single();
        listed.Bool("late").ShouldBe(late);
    }

    [Fact]
    public async Task Late_EmergencyKnownAtInFuture_400()
    {
        var officer = await OfficerAtAsync(20, 10);

        var result = await ManuscriptApi.PostAsync(officer, new ManuscriptForm
        {
            Title = ManuscriptApi.Marker(), Emergency = true, KnownAt = "2026-11-20T11:00:00+08:00",
        });

        var problem = await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Manuscript.KnownAtInFuture", "获知时间不能晚于现在。");
        problem.FieldErrors("knownAt").ShouldBe(["获知时间不能晚于现在。"]);
    }

    [Fact]
    public async Task Late_ResubmittedLater_KeepsFirstSubmissionTimeliness()
    {
        var officer = await OfficerAtAsync(20, 10);
        var id = (await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm { Title = ManuscriptApi.Marker(), EventDate = "2026-11-19" })).Long("id");
        var head = await factory.ApiClientAsync("head");
        await ManuscriptApi.ReviewOkAsync(head, id, "return", "请补充。");

        var later = await OfficerAtAsync(28, 10);
        var resubmitted = await ManuscriptApi.ResubmitAsync(later, id, new ManuscriptForm { Title = "补充后的稿件", EventDate = "2026-11-19" });

        resubmitted.Status.ShouldBe(HttpStatusCode.OK);
        resubmitted.Json.Bool("late").ShouldBeFalse();
        resubmitted.Json.Int("version").ShouldBe(2);
    }
}
