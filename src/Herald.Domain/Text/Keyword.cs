namespace Herald.Domain.Text;

/// <summary>构建匹配器时提供的一个关键词：原文、分类（如“阻断”“关注”）与权重（用于舆情研判打分）。</summary>
public readonly record struct KeywordDefinition(string Text, string Category = "", int Weight = 1);

/// <summary>已编入匹配器的关键词。Id 为它在构建列表中的序号。</summary>
public sealed class Keyword
{
    internal Keyword(int id, string text, string normalized, string category, int weight)
    {
        Id = id;
        Text = text;
        Normalized = normalized;
        Category = category;
        Weight = weight;
    }

    /// <summary>在构建列表中的序号（从 0 开始）。</summary>
    public int Id { get; }

    /// <summary>调用方提供的原文。</summary>
    public string Text { get; }

    /// <summary>归一化后的形式（见 <see cref="ChineseNormalizer"/>）。</summary>
    public string Normalized { get; }

    public string Category { get; }

    public int Weight { get; }

    public override string ToString() => Text;
}

/// <summary>
/// 一次命中：<see cref="Start"/>/<see cref="Length"/> 以原文的 UTF-16 码元计，覆盖从第一个到最后一个
/// 命中字符（含其间被跳过的分隔符与合并的重复字符），可直接用于高亮。
/// </summary>
public readonly record struct KeywordHit(int Start, int Length, Keyword Keyword)
{
    public int End => Start + Length;

    /// <summary>命中在原文中的那一段。</summary>
    public string Slice(string text) => text.Substring(Start, Length);
}
