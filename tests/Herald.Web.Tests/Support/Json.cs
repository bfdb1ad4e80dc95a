using System.Net.Http.Json;
using System.Text.Json;

namespace Herald.Web.Tests.Support;

/// <summary>读取 API 返回的 JSON（camelCase 属性，枚举为 snake_case 字符串）。</summary>
public static class Json
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (string.IsNullOrEmpty(text)) return default;
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} is not JSON: {text[..Math.Min(text.Length, 400)]}", ex);
        }
    }

    public static string Str(this JsonElement json, string name) =>
        json.GetProperty(name).GetString() ?? throw new InvalidOperationException($"{name} is null");

    public static string? StrOrNull(this JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    public static long Long(this JsonElement json, string name) => json.GetProperty(name).GetInt64();

    public static int Int(this JsonElement json, string name) => json.GetProperty(name).GetInt32();

    public static bool Bool(this JsonElement json, string name) => json.GetProperty(name).GetBoolean();

    public static bool IsNull(this JsonElement json, string name) => json.GetProperty(name).ValueKind == JsonValueKind.Null;

    public static IReadOnlyList<JsonElement> Items(this JsonElement json, string name) =>
        json.GetProperty(name).EnumerateArray().ToList();

    public static IReadOnlyList<string> Strings(this JsonElement json, string name) =>
        json.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToList();

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);
}
