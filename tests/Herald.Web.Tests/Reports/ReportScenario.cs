using System.Net;
using System.Net.Http.Json;
using Herald.Domain.Publishing;
using Herald.Web.Tests.Scoring;
using Herald.Web.Tests.Support;
using static Herald.Web.Tests.Reports.AdoptionRecords;

namespace Herald.Web.Tests.Reports;

/// <summary>
/// 2025 年第 3 季度（7月1日—9月30日）的小场景，演示数据都在 2026 年 11 月，不落在这个时期。数字见各测试中的手算。
/// 规则：默认版本（2000年起：中央 10、省 5、市 3、县 1；头版 ×2；只计最高；批示中央 20；每月任务 2 篇、少 1 篇扣 1；迟报不扣），
/// 7月28日由宣传办经 API 新增版本二，自 8月1日起：省级 8、头版 ×3、每月任务 1 篇、少 1 篇扣 2、迟报每篇扣 0.5。
/// 党政办（P，信息员 officer）自 2025年1月1日有在册信息员；幸福社区（X，officer2）自 8月10日起。
/// M0（P）6月10日报送审定，6月15日大众日报（省）采用 [期前]；8月25日人民日报（中央）采用。
/// M1（P）7月3日报送审定，7月10日县融媒体中心（县）采用；8月5日大众日报（省）头版采用。
/// M2（P）7月20日报送审定，7月25日人民日报采用待核实、7月26日济宁日报采用不予认定（都不计）。
/// M3（P）8月12日报送（事件 8月1日，迟报）审定，8月20日中央领导批示。
/// M4（X）9月2日报送审定，9月5日济宁日报（市）采用。M5（X）9月3日报送，在审核中。
/// </summary>
public sealed class ReportScenario : HeraldFactory, IAsyncLifetime
{
    public const string From = "2025-07-01";
    public const string To = "2025-09-30";
    public const string Period = "from=" + From + "&to=" + To;

    public long PartyOffice { get; private set; }
    public long Xingfu { get; private set; }
    public long OfficerId { get; private set; }
    public long Officer2Id { get; private set; }
    public long M0 { get; private set; }
    public long M1 { get; private set; }
    public long M2 { get; private set; }
    public long M3 { get; private set; }
    public long M4 { get; private set; }
    public long M5 { get; private set; }
    public long PendingAdoption { get; private set; }
    public long RefusedAdoption { get; private set; }

    public async Task InitializeAsync()
    {
        // 先按默认时钟（2026-11-20）启动并写入演示数据。
        CreateClient().Dispose();
        PartyOffice = await UnitIdAsync("示例街道党政办公室");
        Xingfu = await UnitIdAsync("幸福社区");
        OfficerId = await UserIdAsync("officer");
        Officer2Id = await UserIdAsync("officer2");

        M0 = await SubmitAsync("officer", "head", 2025, 6, 10, "2025-06-10", "M0 街道召开安全生产工作会议");
        Clock.SetChina(2025, 6, 11, 9);
        await RegisterCorrespondentAsync(this, "示例街道党政办公室", "补录信息员甲", new DateOnly(2025, 1, 1));
        await RegisterCorrespondentAsync(this, "幸福社区", "补录信息员乙", new DateOnly(2025, 8, 10));
        M1 = await SubmitAsync("officer", "head", 2025, 7, 3, "2025-07-03", "M1 街道开展夏季消防检查");
        M2 = await SubmitAsync("officer", "head", 2025, 7, 20, "2025-07-20", "M2 街道举办纳凉晚会");

        Clock.SetChina(2025, 7, 28, 10);
        var office = await ApiClientAsync("office");
        var put = await office.PutAsJsonAsync("/api/v1/scoring-rules", RuleBodies.Body("2025-08-01", provincial: 8m, frontPageMultiplier: 3m,
            monthlyQuota: 1, missingPenalty: 2m, latePenalty: 0.5m, note: "2025年8月起调整"));
        put.StatusCode.ShouldBe(HttpStatusCode.Created, await put.Content.ReadAsStringAsync());

        M3 = await SubmitAsync("officer", "head", 2025, 8, 12, "2025-08-01", "M3 街道完成防汛演练");
        M4 = await SubmitAsync("officer2", "head2", 2025, 9, 2, "2025-09-02", "M4 幸福社区开展敬老活动");
        M5 = await SubmitAsync("officer2", null, 2025, 9, 3, "2025-09-03", "M5 幸福社区召开议事会");

        await OutletAsync(this, M0, "大众日报", new DateOnly(2025, 6, 15));
        await OutletAsync(this, M0, "人民日报", new DateOnly(2025, 8, 25));
        await OutletAsync(this, M1, "示例县融媒体中心", new DateOnly(2025, 7, 10));
        await OutletAsync(this, M1, "大众日报", new DateOnly(2025, 8, 5), frontPage: true);
        PendingAdoption = await OutletAsync(this, M2, "人民日报", new DateOnly(2025, 7, 25), state: State.Pending);
        RefusedAdoption = await OutletAsync(this, M2, "济宁日报", new DateOnly(2025, 7, 26), state: State.Refused);
        await InstructionAsync(this, M3, "省委主要领导", MediaLevel.Central, new DateOnly(2025, 8, 20));
        await OutletAsync(this, M4, "济宁日报", new DateOnly(2025, 9, 5));

        // 统计时已是第 4 季度。
        Clock.SetChina(2025, 10, 10, 10);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    private async Task<long> SubmitAsync(string author, string? reviewer, int year, int month, int day, string eventDate, string title)
    {
        Clock.SetChina(year, month, day, 9);
        var client = await ApiClientAsync(author);
        var json = await ManuscriptApi.SubmitAsync(client, new ManuscriptForm { Title = title, EventDate = eventDate });
        var id = json.Long("id");
        if (reviewer is not null)
        {
            Clock.SetChina(year, month, day, 11);
            await ManuscriptApi.ReviewOkAsync(await ApiClientAsync(reviewer), id, "approve");
        }
        return id;
    }
}

[CollectionDefinition(Name)]
public sealed class ReportScenarioCollection : ICollectionFixture<ReportScenario>
{
    public const string Name = "report-scenario";
}
