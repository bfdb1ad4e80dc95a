using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Herald.Browser.Tests.Support;

/// <summary>
/// 经 API（令牌）准备测试数据：报送、审核、发布、登记和核实用稿。比点页面快，被测的流程仍在页面上走。
/// 每一步都断言状态码，准备失败时报出服务器的说明。
/// </summary>
public static class HeraldApi
{
    /// <summary>报送一篇稿件（类别"工作动态"，事件日期 2026-11-19，不迟报），返回稿件编号。</summary>
    public static async Task<long> SubmitAsync(HttpClient client, string title, string importance, string body, byte[]? photo = null, string? caption = null)
    {
        using var form = ManuscriptForm(title, importance, body);
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new("image/png");
            form.Add(file, "photos", "photo.png");
            form.Add(new StringContent(caption!), "captions");
        }
        using var response = await client.PostAsync("/api/v1/manuscripts", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static async Task ReviewAsync(HttpClient client, long id, string decision, string? comment)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/manuscripts/{id}/review", new { decision, comment });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>信息员报送"一般"稿件，单位负责人通过：稿件已审定，进入采编池。</summary>
    public static async Task<long> SubmitApprovedAsync(HttpClient author, HttpClient head, string title, string body)
    {
        var id = await SubmitAsync(author, title, "routine", body);
        await ReviewAsync(head, id, "approve", "同意报送。");
        return id;
    }

    /// <summary>宣传办发布到名为 channelName 的渠道（发布时间缺省为现在）。</summary>
    public static async Task PublishAsync(HttpClient office, long id, string channelName, string? url)
    {
        var channelId = await ChannelIdAsync(office, channelName);
        using var response = await office.PostAsJsonAsync($"/api/v1/manuscripts/{id}/publications", new { channelId, url });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>登记（宣传办，即为已核实）或申报（信息员，待核实）一次用稿，可附 PNG 截图；返回登记编号。</summary>
    public static async Task<long> RecordAdoptionAsync(HttpClient client, long id, string outletName, string adoptedOn, string? column,
        bool frontPage, byte[]? proofPng = null)
    {
        var outletId = await OutletIdAsync(client, outletName);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(outletId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "outletId" },
            { new StringContent(adoptedOn), "adoptedOn" },
            { new StringContent(frontPage ? "true" : "false"), "frontPage" },
        };
        if (column is not null) form.Add(new StringContent(column), "column");
        if (proofPng is not null)
        {
            var file = new ByteArrayContent(proofPng);
            file.Headers.ContentType = new("image/png");
            form.Add(file, "proof", "版面截图.png");
        }
        using var response = await client.PostAsync($"/api/v1/manuscripts/{id}/adoptions", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static async Task VerifyAdoptionAsync(HttpClient office, long adoptionId)
    {
        using var response = await office.PostAsync($"/api/v1/adoptions/{adoptionId}/verify", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static Task<long> ChannelIdAsync(HttpClient client, string name) => IdByNameAsync(client, "/api/v1/channels", name);

    public static Task<long> OutletIdAsync(HttpClient client, string name) => IdByNameAsync(client, "/api/v1/outlets", name);

    public static MultipartFormDataContent ManuscriptForm(string title, string importance, string body) => new()
    {
        { new StringContent(title), "title" },
        { new StringContent(body), "body" },
        { new StringContent("工作动态"), "category" },
        { new StringContent(importance), "importance" },
        { new StringContent("2026-11-19"), "eventDate" },
    };

    private static async Task<long> IdByNameAsync(HttpClient client, string path, string name)
    {
        var items = await client.GetFromJsonAsync<JsonElement>(path);
        foreach (var item in items.EnumerateArray())
            if (item.GetProperty("name").GetString() == name) return item.GetProperty("id").GetInt64();
        throw new InvalidOperationException($"{path} has no item named {name}");
    }
}
