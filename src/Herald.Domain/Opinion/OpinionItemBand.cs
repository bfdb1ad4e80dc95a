namespace Herald.Domain.Opinion;

/// <summary>
/// 近似重复的候选索引：一条信息的每个 MinHash 段键一行（见 <see cref="DuplicateSignature"/>）。
/// 只保留查重窗口内的信息；新信息与窗口内某条信息有一个段键相同即为候选，再用 3-gram Jaccard 精确确认。
/// </summary>
public sealed class OpinionItemBand
{
    private OpinionItemBand() { }

    public long BandKey { get; private set; }
    public long ItemId { get; private set; }

    public static OpinionItemBand Create(long bandKey, long itemId) => new() { BandKey = bandKey, ItemId = itemId };
}
