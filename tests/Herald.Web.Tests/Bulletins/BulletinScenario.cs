using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Domain.Common;
using Herald.Domain.Organization;
using Herald.Domain.Publishing;
using Herald.Domain.Scoring;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Bulletins;

/// <summary>
/// 2026 年第 3 季度、示例街道（演示数据，10 个单位；幸福社区、党政办公室有在册信息员，默认规则每月任务 2 篇、少 1 篇扣 1 分）：
/// 李文静（党政办）7 月 10 日报 A、B，8 月 5 日报 C、E，9 月 10 日报 F、G（每月 2 篇，完成任务），A、B、C 审定；
/// 王海涛（幸福社区）7 月 15 日报 D 并审定（7、8、9 月各少 1、2、2 篇）。
/// 已核实的采用：A 人民日报 7 月 20 日（中央 10 分）、A 济宁日报 7 月 21 日（市级 3 分，只计最高，实得 0）、
/// B 大众日报头版 8 月 1 日（省级 5×2 = 10 分）、D 示例县融媒体中心 7 月 20 日（县级 1 分）。
/// 手算：党政办 20 分（采用 2 篇），幸福社区 1 − 5 = −4 分（采用 1 篇），合计 16 分；报送 7、审定 4、采用 3，上稿率 3/7 = 42.9%；
/// 李文静 20 分，王海涛 1 分。
/// </summary>
public sealed class QuarterScenario
{
    public const string Street = "示例街道";
    public const string PartyOffice = "示例街道党政办公室";
    public const string Xingfu = "幸福社区";

    public required long StreetId { get; init; }
    public required long A { get; init; }
    public required long B { get; init; }
    public required long C { get; init; }
    public required long D { get; init; }

    /// <summary>其余 7 个没有采用的单位（根单位示例街道不参加批评）。</summary>
    public static readonly string[] UnitsWithoutAdoption =
        ["示例街道经济发展办公室", "示例街道社会事务办公室", "示例街道平安建设办公室", "示例街道综合行政执法中队", "和平社区", "李家村", "王庄村"];

    public const string TotalsParagraph =
        "2026年第3季度（2026年7月1日至2026年9月30日），示例街道范围内10个单位共报送信息7篇，审定4篇；被各级媒体采用3篇，" +
        "其中中央级媒体采用1篇次、省级媒体1篇次、市级媒体1篇次、县级媒体1篇次；上稿率42.9%，共计积分16分。" +
        "有1个单位未完成报送任务，8个单位没有稿件被采用。";

    public static async Task<QuarterScenario> BuildAsync(HeraldFactory factory)
    {
        // 先启动应用：演示数据按启动时的时钟（2026-11-20）生成，不能落进第 3 季度。
        _ = factory.Services;
        // 令牌按最晚的时刻签发，时钟往回拨后仍有效。
        factory.Clock.SetChina(2026, 9, 10, 9);
        var officer = await factory.ApiClientAsync("officer");
        var officer2 = await factory.ApiClientAsync("officer2");
        var head = await factory.ApiClientAsync("head");
        var head2 = await factory.ApiClientAsync("head2");
        try
        {
            factory.Clock.SetChina(2026, 7, 10, 9);
            var a = await SubmitApprovedAsync(officer, head, "党政办稿件A：为民服务集中活动", "2026-07-10");
            var b = await SubmitApprovedAsync(officer, head, "党政办稿件B：营商环境座谈会", "2026-07-10");
            factory.Clock.SetChina(2026, 7, 15, 9);
            var d = await SubmitApprovedAsync(officer2, head2, "幸福社区稿件D：垃圾分类进万家", "2026-07-15");
            factory.Clock.SetChina(2026, 8, 5, 9);
            var c = await SubmitApprovedAsync(officer, head, "党政办稿件C：防汛演练", "2026-08-05");
            await SubmitAsync(officer, "党政办稿件E：夏季安全检查", "2026-08-05");
            factory.Clock.SetChina(2026, 9, 10, 9);
            await SubmitAsync(officer, "党政办稿件F：教师节慰问", "2026-09-10");
            await SubmitAsync(officer, "党政办稿件G：秋季消防宣传", "2026-09-10");

            await AdoptAsync(factory, a, "人民日报", new DateOnly(2026, 7, 20));
            await AdoptAsync(factory, a, "济宁日报", new DateOnly(2026, 7, 21));
            await AdoptAsync(factory, b, "大众日报", new DateOnly(2026, 8, 1), frontPage: true);
            await AdoptAsync(factory, d, "示例县融媒体中心", new DateOnly(2026, 7, 20));
            return new QuarterScenario { StreetId = await factory.UnitIdAsync(Street), A = a, B = b, C = c, D = d };
        }
        finally
        {
            factory.Clock.SetChina(2026, 11, 20, 10);
        }
    }

    public static async Task<long> SubmitAsync(HttpClient author, string title, string date)
    {
        var json = await ManuscriptApi.SubmitAsync(author, new ManuscriptForm { Title = title, EventDate = date });
        return json.Long("id");
    }

    public static async Task<long> SubmitApprovedAsync(HttpClient author, HttpClient head, string title, string date)
    {
        var id = await SubmitAsync(author, title, date);
        (await ManuscriptApi.ReviewOkAsync(head, id, "approve")).Str("status").ShouldBe("approved");
        return id;
    }

    /// <summary>
    /// 宣传办登记并核实一次采用（直接用领域方法写库：用稿登记的接口由另一模块提供）。
    /// </summary>
    public static async Task AdoptAsync(HeraldFactory factory, long manuscriptId, string outlet, DateOnly adoptedOn, bool frontPage = false)
    {
        var officeId = await factory.UserIdAsync("office");
        await factory.QueryAsync(async db =>
        {
            var manuscript = await db.Manuscripts.Include(m => m.Adoptions).SingleAsync(m => m.Id == manuscriptId);
            var media = await db.Outlets.SingleAsync(o => o.Name == outlet);
            var adoption = manuscript.RecordAdoption(media, adoptedOn, null, null, frontPage, null, officeId, verified: true,
                ChinaTime.StartOfDayUtc(adoptedOn.AddDays(1)));
            adoption.Status.ShouldBe(AdoptionStatus.Verified);
            await db.SaveChangesAsync();
            return 0;
        });
    }

    /// <summary>新的计分规则版本（分值加倍：中央 20、省级 10、市级 6、县级 2、内部 1；其余同默认）。</summary>
    public static async Task AddDoubledRuleAsync(HeraldFactory factory, DateOnly effectiveFrom)
    {
        var points = ScoringRuleSet.DefaultPoints().ToDictionary(kv => kv.Key, kv => kv.Value * 2);
        var bonus = Enum.GetValues<MediaLevel>().ToDictionary(l => l, _ => 0m);
        await factory.QueryAsync(async db =>
        {
            db.ScoringRuleSets.Add(ScoringRuleSet.Create(effectiveFrom, points, 2m, bonus, MultiAdoptionMode.HighestOnly, null, CapPeriod.Month,
                2, 1m, 0m, "测试：分值加倍", null, factory.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });
    }
}

/// <summary>通报接口的小帮手。</summary>
public static class BulletinApi
{
    public static async Task<ApiResult> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/bulletins", body);
        return new ApiResult(response, await response.ReadJsonAsync());
    }

    public static async Task<JsonElement> CreateOkAsync(HttpClient client, object body)
    {
        var result = await CreateAsync(client, body);
        result.Status.ShouldBe(HttpStatusCode.Created, $"body: {result.Json}");
        return result.Json;
    }

    public static async Task<JsonElement> GetOkAsync(HttpClient client, long id)
    {
        var response = await client.GetAsync($"/api/v1/bulletins/{id}");
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"body: {json}");
        return json;
    }

    public static Task<HttpResponseMessage> PublishAsync(HttpClient client, long id) =>
        client.PostAsync($"/api/v1/bulletins/{id}/publish", null);

    public static async Task<JsonElement> PublishOkAsync(HttpClient client, long id)
    {
        var response = await PublishAsync(client, id);
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"body: {json}");
        return json;
    }

    public static async Task<byte[]> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>某单位在 figures.units 中的一行。</summary>
    public static JsonElement UnitRow(JsonElement detail, string unitName) =>
        detail.GetProperty("figures").GetProperty("units").EnumerateArray().Single(u => u.Str("unitName") == unitName);
}

/// <summary>带第 3 季度示例场景的 Herald（每个测试类一个，场景只建一次）。</summary>
public sealed class QuarterScenarioFactory : HeraldFactory
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private QuarterScenario? _scenario;

    public async Task<QuarterScenario> ScenarioAsync()
    {
        await _lock.WaitAsync();
        try
        {
            return _scenario ??= await QuarterScenario.BuildAsync(this);
        }
        finally
        {
            _lock.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _lock.Dispose();
        base.Dispose(disposing);
    }
}
