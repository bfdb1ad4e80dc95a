namespace Herald.Domain.Submission;

/// <summary>作者填写的稿件内容。BodyHtml 已由宿主按白名单净化，BodyText 为其纯文本（用于比对与检索）。</summary>
public sealed record ManuscriptContent(
    string Title,
    string BodyHtml,
    string BodyText,
    long CategoryId,
    Importance Importance,
    DateOnly EventDate,
    bool Emergency,
    DateTime? KnownAtUtc);
