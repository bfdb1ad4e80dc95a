using Herald.Web.Features.Keywords;

namespace Herald.Web.Features.OpinionIntake;

/// <summary>把保存的命中变成页面上的标记。</summary>
public static class OpinionMarks
{
    /// <param name="format">提示文字的格式（本地化）：{0} 词，{1} 词表与分类，{2} 权重。</param>
    public static IReadOnlyList<TextMark> For(IEnumerable<OpinionHitDto> hits, string field, string format, int? within = null) =>
        hits.Where(h => h.Field == field && (within is null || h.Start + h.Length <= within))
            .Select(h => new TextMark(h.Start, h.Length, string.Format(System.Globalization.CultureInfo.CurrentCulture, format,
                h.Keyword, h.List + (h.Category.Length > 0 ? "·" + h.Category : ""), h.Weight), false))
            .ToList();
}
