using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Opinion;

/// <summary>舆情测试的常用操作：签发厂商令牌、推送、造已知 Jaccard 的文本。</summary>
internal static class OpinionTestData
{
    /// <summary>50 个互不相同的简体字（归一化不改变它们）：任意连续三字的 3-gram 各不相同，共 48 个。</summary>
    public const string Distinct50 = "春夏秋冬东南西北上下左右前后天地日月星辰山川河海风云雷电金木水火土花草树林江湖鸟兽虫鱼米面油盐酱醋茶";

    /// <summary>
    /// Distinct50 按步长重排：第 i 个字取 Distinct50[i × stride mod 50]（stride 与 50 互质）。不同步长的文本没有共同的 3-gram
    /// （(x, x+s, x+2s) 与 (y, y+t, y+2t) 相同须 s ≡ t），各测试用不同步长即互不相干。
    /// </summary>
    public static string Permuted(int stride) =>
        new(Enumerable.Range(0, 50).Select(i => Distinct50[i * stride % 50]).ToArray());

    /// <summary>把第 index 个字换成 replacement（不在 Distinct50 中，如 甲乙丙丁）。</summary>
    public static string Replace(string text, int index, char replacement) => text[..index] + replacement + text[(index + 1)..];

    public static async Task<string> IssueIntakeTokenAsync(this HeraldFactory factory, string vendor = "某某舆情监测")
    {
        using var office = await factory.SignInAsync("office");
        var response = await office.PostFormAsync("/opinion/intake-tokens", "/opinion/intake-tokens", new() { ["Vendor"] = vendor, ["Days"] = "365" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await WebSession.ParseAsync(response);
        return page.QuerySelector("[data-testid=new-token] code")!.TextContent.Trim();
    }

    public static HttpClient BearerClient(this HeraldFactory factory, string token)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static object Item(string content, string? title = null, string platform = "微博", string? url = null) =>
        new { source = "测试来源", platform, url, title, content, author = "网友", publishedAt = "2026-11-20T09:30:00+08:00" };

    public static async Task<JsonElement> PushOneAsync(this HttpClient client, object item)
    {
        var response = await client.PostAsJsonAsync("/api/v1/opinion/items", item);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public static async Task<List<JsonElement>> PushBatchAsync(this HttpClient client, params object[] items)
    {
        var response = await client.PostAsJsonAsync("/api/v1/opinion/items", items);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).EnumerateArray().ToList();
    }

    public static long? DuplicateOf(this JsonElement result) =>
        result.GetProperty("duplicateOf").ValueKind == JsonValueKind.Null ? null : result.GetProperty("duplicateOf").GetInt64();
}
