namespace Herald.Domain.Opinion;

/// <summary>
/// 舆情信息中的一次关键词命中，与信息一起保存（词表之后修改也不影响已保存的命中）。
/// Start/Length 以原文（标题或正文）的 UTF-16 码元计，可直接用于高亮。
/// </summary>
public sealed class OpinionItemHit
{
    public const int KeywordMaxLength = 64;
    public const int ListMaxLength = 32;
    public const int CategoryMaxLength = 32;

    private OpinionItemHit() { Keyword = ""; List = ""; Category = ""; }

    public long Id { get; private set; }
    public long ItemId { get; private set; }
    public OpinionTextField Field { get; private set; }
    public string Keyword { get; private set; }
    /// <summary>命中的词表名称（保存当时的名称）。</summary>
    public string List { get; private set; }
    public string Category { get; private set; }
    public int Weight { get; private set; }
    public int Start { get; private set; }
    public int Length { get; private set; }

    public static OpinionItemHit Create(OpinionTextField field, string keyword, string list, string category, int weight,
        int start, int length) => new()
    {
        Field = field,
        Keyword = Clip(keyword, KeywordMaxLength),
        List = Clip(list, ListMaxLength),
        Category = Clip(category, CategoryMaxLength),
        Weight = weight,
        Start = start,
        Length = length,
    };

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
