using System.Text.Json;
using Herald.Domain.Publishing;
using Herald.Domain.Scoring;

namespace Herald.Web.Features.Scoring;

/// <summary>级别、类型、多方采用、上限周期的 API 代码（snake_case，与 JSON 中的枚举一致）和界面文字的资源键。</summary>
public static class ScoringCodes
{
    public static readonly MediaLevel[] Levels = Enum.GetValues<MediaLevel>();
    public static readonly OutletType[] Types = Enum.GetValues<OutletType>();

    public static string Code<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static bool TryParse<T>(string? code, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Code(candidate), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>分值表单元格的字段名：points.central.newspaper。</summary>
    public static string PointsField(MediaLevel level, OutletType type) => $"points.{Code(level)}.{Code(type)}";

    public static string BonusField(MediaLevel level) => $"instructionBonus.{Code(level)}";

    public static string LevelKey(MediaLevel level) => "Scoring.Level." + level;

    public static string TypeKey(OutletType type) => "Scoring.Type." + type;

    public static string ModeKey(MultiAdoptionMode mode) => "Scoring.Mode." + mode;

    public static string CapPeriodKey(CapPeriod period) => "Scoring.CapPeriod." + period;
}
