namespace Herald.Domain.Submission;

public enum ManuscriptStatus
{
    /// <summary>草稿</summary>
    Draft = 0,
    /// <summary>审核中</summary>
    InReview = 1,
    /// <summary>退回修改</summary>
    Returned = 2,
    /// <summary>不予采用</summary>
    Rejected = 3,
    /// <summary>已审定（进入采编池 待采编）</summary>
    Approved = 4,
}

public static class ManuscriptStatusCodes
{
    public static string Code(this ManuscriptStatus status) => status switch
    {
        ManuscriptStatus.Draft => "draft",
        ManuscriptStatus.InReview => "in_review",
        ManuscriptStatus.Returned => "returned",
        ManuscriptStatus.Rejected => "rejected",
        ManuscriptStatus.Approved => "approved",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParse(string? code, out ManuscriptStatus status)
    {
        foreach (var candidate in Enum.GetValues<ManuscriptStatus>())
        {
            if (string.Equals(candidate.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }

    /// <summary>作者可以修改内容的状态。</summary>
    public static bool IsEditable(this ManuscriptStatus status) =>
        status is ManuscriptStatus.Draft or ManuscriptStatus.Returned;
}
