using Herald.Web.Features.Keywords;

namespace Herald.Web.Features.OpinionIntake;

/// <summary>把保存的命中变成页面上的标记。</summary>
public static class OpinionMarks
{
    public static IReadOnlyList<TextMark> For(IEnumerable<OpinionHitDto> hits, string field, int? within = null) =>
        hits.Where(h => h.Field == field && (within is null || h.Start + h.Length <= within))
            .Select(h => new TextMark(h.Start, h.Length, $"{h.Keyword}（{h.List}{(h.Category.Length > 0 ? "·" + h.Category : "")}，权重 {h.Weight}）", false))
            .ToList();
}
