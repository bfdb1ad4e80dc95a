using System.Net;
using System.Text;

namespace Herald.Web.Tests.Support;

/// <summary>写操作收到坏的请求体（空、不是 JSON、JSON null、类型不对）时一律中文 400，绝不是 500。</summary>
public static class BadRequests
{
    public static readonly string[] Bodies = ["", "{not json", "null", "[1,2]", "\"text\""];

    public static async Task ShouldRefuseBadBodiesAsync(this HttpClient client, HttpMethod method, string url)
    {
        foreach (var body in Bodies)
        {
            using var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var response = await client.SendAsync(request);
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "BadRequest", "请求格式不正确。");
            problem.Str("detail").ShouldNotBeNullOrWhiteSpace($"body «{body}» on {method} {url}");
        }
    }
}
