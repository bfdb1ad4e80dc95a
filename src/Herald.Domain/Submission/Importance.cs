namespace Herald.Domain.Submission;

/// <summary>重要程度，决定审核路线。</summary>
public enum Importance
{
    /// <summary>一般</summary>
    Routine = 0,
    /// <summary>重要（重大活动、特色工作、品牌建设）</summary>
    Important = 1,
    /// <summary>重大（主要决策、重要会议、全面工作评价、重要评论）</summary>
    Major = 2,
}

public static class ImportanceCodes
{
    public static string Code(this Importance importance) => importance switch
    {
        Importance.Routine => "routine",
        Importance.Important => "important",
        Importance.Major => "major",
        _ => throw new ArgumentOutOfRangeException(nameof(importance)),
    };

    public static bool TryParse(string? code, out Importance importance)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "routine" or "一般" or "0": importance = Importance.Routine; return true;
            case "important" or "重要" or "1": importance = Importance.Important; return true;
            case "major" or "重大" or "2": importance = Importance.Major; return true;
            default: importance = default; return false;
        }
    }
}
