using Herald.Web.Features.Common;
using Herald.Domain.Publishing;
using Herald.Domain.Scoring;

namespace Herald.Web.Features.Scoring;

/// <summary>计分规则表单的字段名（代码见 Wire.Code）和级别、类型、多方采用、上限周期的界面文字资源键。</summary>
public static class ScoringCodes
{
    public static readonly MediaLevel[] Levels = Enum.GetValues<MediaLevel>();
    public static readonly OutletType[] Types = Enum.GetValues<OutletType>();

    /// <summary>分值表单元格的字段名：points.central.newspaper。</summary>
    public static string PointsField(MediaLevel level, OutletType type) => $"points.{Wire.Code(level)}.{Wire.Code(type)}";

    public static string BonusField(MediaLevel level) => $"instructionBonus.{Wire.Code(level)}";

    public static string LevelKey(MediaLevel level) => "Scoring.Level." + level;

    public static string TypeKey(OutletType type) => "Scoring.Type." + type;

    public static string ModeKey(MultiAdoptionMode mode) => "Scoring.Mode." + mode;

    public static string CapPeriodKey(CapPeriod period) => "Scoring.CapPeriod." + period;
}
