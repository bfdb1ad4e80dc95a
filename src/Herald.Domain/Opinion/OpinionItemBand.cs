namespace Herald.Domain.Opinion;

/// <summary>
/// 近似重复的候选索引：一条信息的 MinHash 签名分成若干段（band），每段散列为一个键。
/// 两条信息只要有一段的键相同就互为候选，再用 3-gram Jaccard 精确确认（见 docs/adr 中的设计说明）。
/// </summary>
public sealed class OpinionItemBand
{
    private OpinionItemBand() { }

    public long ItemId { get; private set; }
    public int Band { get; private set; }
    public long BandKey { get; private set; }

    public static OpinionItemBand Create(long itemId, int band, long key) => new() { ItemId = itemId, Band = band, BandKey = key };
}
