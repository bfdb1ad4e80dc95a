namespace Herald.Domain.Opinion.Cases;

/// <summary>舆情等级（Ⅳ→Ⅰ，数值越大越严重）。</summary>
public enum OpinionSeverity
{
    /// <summary>一般（Ⅳ级，蓝色预警）</summary>
    General = 0,
    /// <summary>较大（Ⅲ级，黄色预警）</summary>
    Significant = 1,
    /// <summary>重大（Ⅱ级，橙色预警）</summary>
    Major = 2,
    /// <summary>特别重大（Ⅰ级，红色预警）</summary>
    Critical = 3,
}

/// <summary>预警颜色：蓝、黄、橙、红（红色最严重）。</summary>
public enum WarningColour
{
    Blue = 0,
    Yellow = 1,
    Orange = 2,
    Red = 3,
}

public static class OpinionSeverityRules
{
    /// <summary>重大、特别重大：5 小时发布权威信息、24 小时举行新闻发布会，回应须经 major 路线审核后发布。</summary>
    public static bool IsMajor(this OpinionSeverity severity) => severity >= OpinionSeverity.Major;

    public static WarningColour Colour(this OpinionSeverity severity) => severity switch
    {
        OpinionSeverity.General => WarningColour.Blue,
        OpinionSeverity.Significant => WarningColour.Yellow,
        OpinionSeverity.Major => WarningColour.Orange,
        OpinionSeverity.Critical => WarningColour.Red,
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    /// <summary>Ⅳ、Ⅲ、Ⅱ、Ⅰ</summary>
    public static string Level(this OpinionSeverity severity) => severity switch
    {
        OpinionSeverity.General => "Ⅳ",
        OpinionSeverity.Significant => "Ⅲ",
        OpinionSeverity.Major => "Ⅱ",
        OpinionSeverity.Critical => "Ⅰ",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };
}
