using Herald.Domain.Opinion;

namespace Herald.Web.Features.OpinionIntake;

/// <summary>一次命中：field 为 title 或 content，start/length 以原文的 UTF-16 码元计。</summary>
public sealed record OpinionHitDto(string Field, string Keyword, string List, string Category, int Weight, int Start, int Length);

/// <summary>推送一条的结果：成功时有 id、duplicateOf（归入的重复组组首，不重复为 null）和 hits；出错时只有 errors。</summary>
public sealed record IntakeResult(int Index, long? Id, long? DuplicateOf, IReadOnlyList<OpinionHitDto>? Hits,
    IReadOnlyDictionary<string, string[]>? Errors);

/// <summary>仅用于 OpenAPI 文档：推送的一条信息。publishedAt 为 ISO 8601；不带时区时按北京时间。</summary>
public sealed class OpinionItemRequest
{
    public string? Source { get; set; }
    public string? Platform { get; set; }
    public string? Url { get; set; }
    public string? Title { get; set; }
    public string? Content { get; set; }
    public string? Author { get; set; }
    public string? PublishedAt { get; set; }
}

public static class OpinionHitMapping
{
    public static string Code(this OpinionTextField field) => field == OpinionTextField.Title ? "title" : "content";

    public static OpinionHitDto ToDto(this OpinionItemHit h) =>
        new(h.Field.Code(), h.Keyword, h.List, h.Category, h.Weight, h.Start, h.Length);
}
