using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Net.Http.Headers;

namespace Herald.Web.Infrastructure.Web;

/// <summary>
/// 输入文字在入口处统一检查（issue 9 第 5 项）：C0 控制字符（制表符、回车、换行除外）、DEL 和双向文字覆盖符
/// （U+202A–U+202E、U+2066–U+2069，能把“gpj.exe”显示成“exe.jpg”）一律 400 Text.ControlCharacters，指出字段。
/// 表单在 <see cref="UseCleanInputText"/>、JSON 请求体在 <see cref="JsonConverter"/> 里检查，处理器不必各自去做；
/// 下载文件名（来自上传的文件名）在响应发出前去掉这些字符。
/// </summary>
public static class InputText
{
    public static bool IsUnsafe(char ch) =>
        (ch < 0x20 && ch is not ('\t' or '\n' or '\r')) || ch == 0x7F || ch is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    public static string Clean(string text)
    {
        foreach (var ch in text)
            if (IsUnsafe(ch)) return string.Create(text.Length - text.Count(IsUnsafe), text, Copy);
        return text;
    }

    private static void Copy(Span<char> target, string text)
    {
        var i = 0;
        foreach (var ch in text)
            if (!IsUnsafe(ch)) target[i++] = ch;
    }

    /// <summary>文件名：再去掉路径分隔符、引号和其余控制字符，空了就用 fallback。</summary>
    public static string CleanFileName(string name, string fallback = "download")
    {
        var clean = new string(Clean(name).Where(ch => !char.IsControl(ch) && ch is not ('/' or '\\' or '"')).ToArray()).Trim();
        return clean.Length == 0 ? fallback : clean;
    }

    public const string Code = "Text.ControlCharacters";

    /// <summary>表单（页面与 multipart API）：有这类字符的字段 400（同名多值时写成 name[i]）。放在认证、授权之后。</summary>
    public static IApplicationBuilder UseCleanInputText(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        // A form that failed antiforgery validation cannot be read here; the endpoint's CSRF filter answers 400 for it.
        if (http.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is not { IsValid: false }
            && http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            foreach (var (key, values) in form)
                for (var i = 0; i < values.Count; i++)
                    if (values[i] is { } value && value.Any(IsUnsafe))
                        throw AppException.Invalid(values.Count > 1 ? $"{key}[{i}]" : key, Code);
        }
        http.Response.OnStarting(CleanDownloadName, http);
        await next(http);
    });

    private static Task CleanDownloadName(object state)
    {
        var http = (HttpContext)state;
        if (http.Response.Headers.ContentDisposition is { Count: > 0 } header
            && ContentDispositionHeaderValue.TryParse(header.ToString(), out var disposition))
        {
            var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            if (name is not null)
            {
                var safe = new ContentDispositionHeaderValue(disposition.DispositionType);
                safe.SetHttpFileName(CleanFileName(name));
                http.Response.Headers.ContentDisposition = safe.ToString();
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>JSON 请求体里的每个字符串（写出时不变）。序列化器给异常补上字段路径（$.title），统一错误出口据此指出字段。</summary>
    public sealed class JsonConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return text is not null && text.Any(IsUnsafe) ? throw new UnsafeTextException() : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    public sealed class UnsafeTextException() : JsonException(Code);

    /// <summary>JSON 请求体里有这类字符：换成指出字段的 400；不是则 null。</summary>
    public static AppException? FromJson(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is UnsafeTextException unsafeText)
                return AppException.Invalid(FieldOf(unsafeText.Path), Code);
        return null;
    }

    // "$.documentCaptions[1]" → "documentCaptions[1]"; "$['title']" → "title".
    private static string FieldOf(string? path) =>
        (path ?? "").TrimStart('$').TrimStart('.').Replace("['", "", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal);
}
