using System.Text.Json;
using Herald.Domain.Opinion;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OpinionIntake;

/// <summary>请求中的一条：解析成功时有 Input，否则有 Errors（字段 → 错误）。</summary>
public sealed record ParsedIntakeItem(int Index, OpinionItemInput? Input, IReadOnlyList<FieldError> Errors);

/// <summary>
/// 读推送请求：一条（JSON 对象）或一批（JSON 数组）。请求体和条数超限整批拒绝；每条的字段类型、时间格式错误
/// 只记在该条上，其余照常收录。
/// </summary>
public static partial class IntakeRequestReader
{
    private static readonly string[] TextFields = ["source", "platform", "url", "title", "content", "author"];

    public static async Task<(bool IsBatch, List<ParsedIntakeItem> Items)> ReadAsync(HttpRequest request, OpinionIntakeOptions options,
        CancellationToken ct)
    {
        var max = options.MaxBatchBytes;
        var maxKb = max / 1024;
        if (request.ContentLength > max) throw new AppException(ProblemKind.TooLarge, "OpinionIntake.BodyTooLarge", null, maxKb);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) throw new AppException(ProblemKind.TooLarge, "OpinionIntake.BodyTooLarge", null, maxKb);
            buffer.Write(chunk, 0, read);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            throw AppException.Invalid("request", "OpinionIntake.BadJson");
        }
        using (document)
        {
            var root = document.RootElement;
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    return (false, [Parse(0, root)]);
                case JsonValueKind.Array:
                    var count = root.GetArrayLength();
                    if (count == 0) throw AppException.Invalid("items", "OpinionIntake.EmptyBatch");
                    if (count > options.MaxBatchItems) throw AppException.Invalid("items", "OpinionIntake.BatchTooLarge", options.MaxBatchItems, count);
                    return (true, root.EnumerateArray().Select((e, i) => Parse(i, e)).ToList());
                default:
                    throw AppException.Invalid("request", "OpinionIntake.BadJson");
            }
        }
    }

    private static ParsedIntakeItem Parse(int index, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return new ParsedIntakeItem(index, null, [new FieldError("item", "OpinionIntake.NotObject")]);
        var errors = new List<FieldError>();
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            var name = TextFields.FirstOrDefault(f => string.Equals(f, property.Name, StringComparison.OrdinalIgnoreCase))
                       ?? (string.Equals(property.Name, "publishedAt", StringComparison.OrdinalIgnoreCase) ? "publishedAt" : null);
            if (name is null) continue;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String: values[name] = property.Value.GetString(); break;
                case JsonValueKind.Null: values[name] = null; break;
                default: errors.Add(new FieldError(name, "OpinionIntake.NotText")); break;
            }
        }
        DateTime? publishedAt = null;
        if (values.GetValueOrDefault("publishedAt") is { Length: > 0 } time)
        {
            if (Wire.TryParseTime(time, out var parsed)) publishedAt = parsed;
            else errors.Add(new FieldError("publishedAt", "OpinionIntake.BadTime", time.Length > 40 ? time[..40] : time));
        }
        if (errors.Count > 0) return new ParsedIntakeItem(index, null, errors);
        return new ParsedIntakeItem(index, new OpinionItemInput(values.GetValueOrDefault("source"), values.GetValueOrDefault("platform"),
            values.GetValueOrDefault("url"), values.GetValueOrDefault("title"), values.GetValueOrDefault("content"),
            values.GetValueOrDefault("author"), publishedAt), []);
    }
}
