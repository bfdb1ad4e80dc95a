using Herald.Domain.Keywords;
using Herald.Web.Infrastructure.Data;

namespace Herald.Web.Features.Keywords;

/// <summary>稿件标题和正文中的敏感词命中；Blocking 为阻断类别的词（须说明理由才能通过）。</summary>
public sealed record SensitiveReport(IReadOnlyList<ListedHit> Title, IReadOnlyList<ListedHit> Body)
{
    public IReadOnlyList<string> BlockingWords { get; } =
        Title.Concat(Body).Where(h => h.Blocking).Select(h => h.Keyword).Distinct().ToList();

    public bool Blocked => BlockingWords.Count > 0;

    public bool Any => Title.Count > 0 || Body.Count > 0;

    public static IReadOnlyList<TextMark> Marks(IEnumerable<ListedHit> hits) =>
        hits.Select(h => new TextMark(h.Hit.Start, h.Hit.Length,
            $"{h.Keyword}（{h.List}{(h.Category.Length > 0 ? "·" + h.Category : "")}）", h.Blocking)).ToList();
}

/// <summary>用敏感词表检查稿件（审稿页标出命中；阻断类命中挡住“通过”）。</summary>
public sealed class SensitiveCheck(HeraldDbContext db, KeywordCatalog catalog)
{
    public async Task<SensitiveReport> CheckAsync(string? title, string? body, CancellationToken ct = default)
    {
        var sensitive = await catalog.GetAsync(db, KeywordListPurpose.Sensitive, ct);
        return new SensitiveReport(sensitive.Find(title), sensitive.Find(body));
    }
}
