using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Publishing;

/// <summary>
/// 采编与用稿测试的公用步骤。演示数据：officer（李文静，党政办公室信息员）、head（张建国，党政办公室负责人）、
/// office（周敏，宣传办，管示例街道与县科技局）；街道的渠道"幸福示例街道"等，县科技局的渠道"示例县科技"。
/// 测试时钟为 2026-11-20（北京时间），报送与审定都在这一天。
/// </summary>
internal static class PublishingApi
{
    public const string Today = "2026-11-20";
    public const string StreetWeChat = "幸福示例街道";
    public const string StreetWebsite = "示例街道门户网站";
    public const string BureauWeChat = "示例县科技";
    public const string ProvincialPaper = "大众日报";
    public const string CountyGovBulletin = "县委办公室《每日要情》";

    /// <summary>officer 报送、head 审定的一篇稿件（一般稿件只需单位负责人审核）。</summary>
    public static async Task<long> ApprovedAsync(this HeraldFactory factory, string? title = null)
    {
        var officer = await factory.ApiClientAsync("officer");
        var id = (await ManuscriptApi.SubmitAsync(officer, title ?? ManuscriptApi.Marker())).Long("id");
        await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("head"), id, "approve");
        return id;
    }

    public static Task<long> ChannelIdAsync(this HeraldFactory factory, string name) =>
        factory.QueryAsync(db => db.Channels.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    public static Task<long> OutletIdAsync(this HeraldFactory factory, string name) =>
        factory.QueryAsync(db => db.Outlets.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    public static async Task<ApiResult> PostJsonAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        return new ApiResult(response, await response.ReadJsonAsync());
    }

    public static async Task<ApiResult> PostEmptyAsync(HttpClient client, string url)
    {
        var response = await client.PostAsync(url, null);
        return new ApiResult(response, await response.ReadJsonAsync());
    }

    public static async Task<ApiResult> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return new ApiResult(response, await response.ReadJsonAsync());
    }

    public static Task<ApiResult> PublishAsync(HttpClient client, long manuscriptId, long channelId, string? url = null, string? publishedAt = null) =>
        PostJsonAsync(client, $"/api/v1/manuscripts/{manuscriptId}/publications", new { channelId, url, publishedAt });

    public static Task<ApiResult> ClaimAsync(HttpClient client, long manuscriptId, long outletId, string adoptedOn = Today, string? column = "要闻版",
        bool frontPage = false) =>
        PostJsonAsync(client, $"/api/v1/manuscripts/{manuscriptId}/adoptions", new { outletId, adoptedOn, column, url = (string?)null, frontPage });

    /// <summary>multipart 登记用稿，带一份证明文件。</summary>
    public static async Task<ApiResult> ClaimWithProofAsync(HttpClient client, long manuscriptId, long outletId, byte[] proof, string fileName,
        string contentType = "image/png")
    {
        using var content = AdoptionContent(outletId, Today, proof, fileName, contentType);
        var response = await client.PostAsync($"/api/v1/manuscripts/{manuscriptId}/adoptions", content);
        return new ApiResult(response, await response.ReadJsonAsync());
    }

    public static MultipartFormDataContent AdoptionContent(long outletId, string adoptedOn, byte[]? proof, string fileName = "版面.png",
        string contentType = "image/png", bool frontPage = true, string column = "一版要闻")
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(outletId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "outletId" },
            { new StringContent(adoptedOn), "adoptedOn" },
            { new StringContent(column), "column" },
        };
        if (frontPage) content.Add(new StringContent("true"), "frontPage");
        if (proof is not null)
        {
            var file = new ByteArrayContent(proof);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            content.Add(file, "proof", fileName);
        }
        return content;
    }

    /// <summary>某人关于某稿件的通知，最新的在前。</summary>
    public static async Task<IReadOnlyList<JsonElement>> NotificationsAsync(HttpClient client, long manuscriptId)
    {
        var json = await (await client.GetAsync("/api/v1/notifications")).ReadJsonAsync();
        return json.EnumerateArray()
            .Where(n => n.TryGetProperty("manuscriptId", out var m) && m.ValueKind == JsonValueKind.Number && m.GetInt64() == manuscriptId)
            .ToList();
    }

    /// <summary>一个最小的 PDF 文件头（类型按内容判断，只看开头）。</summary>
    public static byte[] Pdf() => "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();
}
