using System.Net.Http.Json;
using Herald.Domain.Opinion;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.OpinionCases;

/// <summary>舆情处置测试用的工厂：关掉后台检查（测试里直接调用一次检查，时钟由测试拨动）。</summary>
public class CaseFactory : HeraldFactory
{
    public CaseFactory() => Settings["Herald:Opinion:DeadlineWatch:Enabled"] = "false";
}

/// <summary>
/// 舆情处置测试的公用步骤。演示组织：office（周敏，宣传办，管示例街道与县科技局）；党政办公室的 officer（李文静）、head（张建国）；
/// 幸福社区的 officer2、head2；leader（陈志强）分管党政办公室、经济发展办公室、平安建设办公室、幸福社区、和平社区；head3（郑国华）是平安建设办公室负责人；principal（赵立新）、viewer（孙伟）在街道。
/// 测试时钟为 2026-11-20 10:00（北京时间）= 02:00 UTC。
/// </summary>
internal static class CaseSetup
{
    public const string PartyOffice = "示例街道党政办公室";
    public const string Community = "幸福社区";

    /// <summary>直接写入一条舆情信息（厂商推送），带一次权重为 weight 的命中。</summary>
    public static Task<long> ItemAsync(this HeraldFactory factory, string title, string source = "微博", int weight = 0,
        DateTime? publishedAtUtc = null) =>
        factory.QueryAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var item = OpinionItem.Push(new OpinionItemInput(source, "微博", null, title, title + "，网友热议。", null, publishedAtUtc), null, now);
            if (weight > 0) item.SetHits([OpinionItemHit.Create(OpinionTextField.Title, "停水", "民生", "关注", weight, 0, 2)]);
            db.OpinionItems.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });

    public static async Task<ApiResult> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        return new ApiResult(response, await response.ReadJsonAsync());
    }

    public static async Task<ApiResult> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return new ApiResult(response, await response.ReadJsonAsync());
    }

    public static Task<ApiResult> OpenAsync(HttpClient office, long[] items, string severity = "general", string title = "网传幸福小区停水三天无人管",
        object? superior = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["itemIds"] = items, ["title"] = title, ["summary"] = "多名网民反映小区停水三天，物业与社区互相推诿。", ["category"] = "公共服务",
            ["severity"] = severity, ["sentiment"] = "negative",
        };
        if (superior is not null)
            foreach (var p in superior.GetType().GetProperties()) body[p.Name] = p.GetValue(superior);
        return PostAsync(office, "/api/v1/opinion/cases", body);
    }

    /// <summary>宣传办立案并交办给 unitName 的一件舆情，返回编号。</summary>
    public static async Task<long> AssignedCaseAsync(this HeraldFactory factory, string severity = "general", string unitName = PartyOffice,
        object? superior = null)
    {
        var office = await factory.ApiClientAsync("office");
        var item = await factory.ItemAsync("停水" + Guid.NewGuid().ToString("N")[..6]);
        var opened = await OpenAsync(office, [item], severity, superior: superior);
        opened.Status.ShouldBe(System.Net.HttpStatusCode.Created, $"body: {opened.Json}");
        var assigned = await PostAsync(office, $"/api/v1/opinion/cases/{opened.Id}/assign",
            new { unitId = await factory.UnitIdAsync(unitName), instructions = "请今日内核实并回应。" });
        assigned.Status.ShouldBe(System.Net.HttpStatusCode.OK, $"body: {assigned.Json}");
        return opened.Id;
    }

    public static Task<ApiResult> RespondAsync(HttpClient client, long caseId, string statement = "关于幸福小区停水情况的通报", string kind = "statement") =>
        PostAsync(client, $"/api/v1/opinion/cases/{caseId}/responses", new { kind, statement, link = "https://gov.example.invalid/notice/1" });

    public static Task<ApiResult> ReviewAsync(HttpClient client, long caseId, long responseId, string decision = "approve", string? comment = null) =>
        PostAsync(client, $"/api/v1/opinion/cases/{caseId}/responses/{responseId}/review", new { decision, comment });

    public static JsonElementClock Clock(this ApiResult detail, string kind) =>
        new(detail.Json.Items("clocks").Single(c => c.Str("kind") == kind && c.Bool("active")));
}

/// <summary>一项时限的 JSON。</summary>
public readonly record struct JsonElementClock(System.Text.Json.JsonElement Json)
{
    public string DueAt => Json.Str("dueAt");
    public string State => Json.Str("state");
    public string? MetAt => Json.StrOrNull("metAt");
}
