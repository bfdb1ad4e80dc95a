namespace Herald.Domain.Opinion;

/// <summary>一条舆情信息的原始字段（上报表单、厂商推送、订阅源条目共用）。PublishedAt 为 UTC。</summary>
public sealed record OpinionItemInput(
    string? Source,
    string? Platform,
    string? Url,
    string? Title,
    string? Content,
    string? Author,
    DateTime? PublishedAt);
