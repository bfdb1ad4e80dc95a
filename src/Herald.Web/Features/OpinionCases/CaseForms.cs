using System.Text.Json;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Herald.Web.Features.OpinionCases;

/// <summary>读取请求：API 可以是 JSON 或 multipart/form-data（带附件），页面是表单。</summary>
public static class CaseForms
{
    public static async Task<(ResponseRequest Request, IReadOnlyList<IFormFile> Files)> ResponseAsync(HttpContext http)
    {
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            return (new ResponseRequest(Get(form, "kind"), Get(form, "statement"), Get(form, "link"), Int(form, "revision")), Files(form));
        }
        return (await JsonAsync<ResponseRequest>(http), []);
    }

    public static async Task<(DisposalRequest Request, IReadOnlyList<IFormFile> Files)> DisposalAsync(HttpContext http)
    {
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            return (new DisposalRequest(Get(form, "description"), Get(form, "takenAt"), Int(form, "revision")), Files(form));
        }
        return (await JsonAsync<DisposalRequest>(http), []);
    }

    public static int? Int(IReadOnlyDictionary<string, string?> values, string key) =>
        int.TryParse(FormPost.Get(values, key), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    public static long? Long(IReadOnlyDictionary<string, string?> values, string key) =>
        long.TryParse(FormPost.Get(values, key), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string? Get(IFormCollection form, string key) => form.TryGetValue(key, out var v) && v.Count > 0 ? v[^1] : null;

    private static int? Int(IFormCollection form, string key) =>
        int.TryParse(Get(form, key), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    private static IReadOnlyList<IFormFile> Files(IFormCollection form) => form.Files.GetFiles(CaseFiles.Field);

    private static async Task<T> JsonAsync<T>(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await http.Request.ReadFromJsonAsync<T>(options, http.RequestAborted) ?? throw AppException.Invalid("body", "Required");
        }
        catch (JsonException)
        {
            throw new AppException(ProblemKind.Validation, "BadRequest");
        }
    }
}
