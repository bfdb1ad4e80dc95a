using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Keywords;

/// <summary>
/// 审核“通过”前的敏感词关口：有阻断类命中时，不放行就拒绝（列出这些词）；放行须说明理由，
/// 理由写进审核意见（稿件流转记录）。返回要记入流转记录的审核意见。
/// </summary>
public static class ReviewOverride
{
    public const int ReasonMaxLength = 200;
    private const int WordsShown = 10;

    /// <param name="note">放行记录的格式（本地化的“【敏感词放行】{词}；理由：{理由}”）。</param>
    public static string? Apply(SensitiveReport report, string? comment, bool overrideRequested, string? overrideReason,
        Func<string, string, string> note)
    {
        if (!report.Blocked) return comment;
        var words = string.Join("、", report.BlockingWords.Take(WordsShown)) + (report.BlockingWords.Count > WordsShown ? "等" : "");
        if (!overrideRequested) throw AppException.Conflict("Review.SensitiveBlocked", words);
        var reason = overrideReason?.Trim() ?? "";
        if (reason.Length == 0) throw AppException.Invalid("overrideReason", "Review.OverrideReasonRequired");
        if (reason.Length > ReasonMaxLength) throw AppException.Invalid("overrideReason", "TooLong", ReasonMaxLength);
        var record = note(words, reason);
        return string.IsNullOrWhiteSpace(comment) ? record : record + "\n" + comment.Trim();
    }
}
