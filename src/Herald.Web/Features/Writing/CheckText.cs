using Herald.Web.Features.Keywords;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Writing;

/// <summary>POST /api/v1/text-check 的请求体：标题与正文（纯文本）。</summary>
public sealed class TextCheckRequest
{
    public string? Title { get; set; }
    public string? Body { get; set; }
}

/// <summary>一处敏感词命中。offset/length 以该字段原文的 UTF-16 码元计。</summary>
public sealed record TextCheckSensitive(string Field, string Text, string Keyword, string List, string Category, bool Blocking, int Offset, int Length);

/// <summary>一处不规范的写法：原文、建议的正确写法、位置、说明与分类。</summary>
public sealed record TextCheckError(string Field, string Text, string Suggestion, int Offset, int Length, string Note, string Category);

public sealed record TextCheckResult(IReadOnlyList<TextCheckSensitive> Sensitive, IReadOnlyList<TextCheckError> Errors)
{
    public bool Any => Sensitive.Count > 0 || Errors.Count > 0;
}

/// <summary>
/// 报送前的文字检查：敏感词（现有词表，阻断类仍在审核时把关）与规范表述表（易错词）。只报告，不阻止报送。
/// 任何登录的人都可以检查自己的文字；不读写稿件。
/// </summary>
public sealed class CheckText(HeraldDbContext db, CurrentUser current, SensitiveCheck sensitive, UsageCatalog usage)
{
    public const int MaxLength = 200_000;

    public async Task<TextCheckResult> HandleAsync(TextCheckRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await current.GetAsync(ct);
        var title = request.Title ?? "";
        var body = request.Body ?? "";
        if (title.Length > MaxLength) throw AppException.Invalid("title", "TooLong", MaxLength);
        if (body.Length > MaxLength) throw AppException.Invalid("body", "TooLong", MaxLength);

        var report = await sensitive.CheckAsync(title, body, ct);
        var checker = await usage.GetAsync(db, ct);
        var found = new List<TextCheckSensitive>();
        found.AddRange(report.Title.Select(h => Sensitive("title", title, h)));
        found.AddRange(report.Body.Select(h => Sensitive("body", body, h)));
        var errors = new List<TextCheckError>();
        foreach (var (field, text) in new[] { ("title", title), ("body", body) })
            errors.AddRange(checker.Find(text).Select(h => new TextCheckError(field, h.Text, h.Rule.Correct, h.Start, h.Length, h.Rule.Note, h.Rule.Category)));
        return new TextCheckResult(found, errors);
    }

    /// <summary>检查过的文字的指纹：报送页据此判断作者是否已看过这次的检查结果。</summary>
    public static string Fingerprint(string? title, string? body) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes((title ?? "") + "\n" + (body ?? ""))))[..16];

    private static TextCheckSensitive Sensitive(string field, string text, ListedHit h) =>
        new(field, h.Hit.Slice(text), h.Keyword, h.List, h.Category, h.Blocking, h.Hit.Start, h.Hit.Length);
}
