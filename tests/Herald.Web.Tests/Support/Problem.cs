using System.Net;
using System.Text.Json;

namespace Herald.Web.Tests.Support;

/// <summary>断言 API 错误：状态码、application/problem+json、稳定的 code 与中文 detail。</summary>
public static class Problem
{
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status,
        string code, string? detail = null)
    {
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(status, $"body: {json}");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        json.Int("status").ShouldBe((int)status);
        json.Str("code").ShouldBe(code);
        if (detail is not null) json.Str("detail").ShouldBe(detail);
        return json;
    }

    /// <summary>errors 中某字段的全部消息。</summary>
    public static IReadOnlyList<string> FieldErrors(this JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToList();
}
