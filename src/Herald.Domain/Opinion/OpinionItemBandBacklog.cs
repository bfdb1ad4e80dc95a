namespace Herald.Domain.Opinion;

/// <summary>
/// 新收录、段键还没并入 <see cref="OpinionItemBand"/> 索引的信息：一条信息一行，段键打包在一起（<see cref="Pack"/>）。
/// 收录时只追加这一行（顺序写），由后台任务成批并入索引（docs/adr/0010）；查候选时索引和这里都要查。
/// </summary>
public sealed class OpinionItemBandBacklog
{
    private OpinionItemBandBacklog() { }

    public long ItemId { get; private set; }
    public byte[] BandKeys { get; private set; } = [];

    public static OpinionItemBandBacklog Create(long itemId, IReadOnlyCollection<long> keys) =>
        new() { ItemId = itemId, BandKeys = Pack(keys) };

    /// <summary>每个键 8 字节，小端。</summary>
    public static byte[] Pack(IReadOnlyCollection<long> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var bytes = new byte[keys.Count * sizeof(long)];
        var i = 0;
        foreach (var key in keys)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i), key);
            i += sizeof(long);
        }
        return bytes;
    }

    public static long[] Unpack(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(long) != 0) throw new ArgumentException("Band keys are packed as 8-byte values.", nameof(bytes));
        var keys = new long[bytes.Length / sizeof(long)];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes[(i * sizeof(long))..]);
        return keys;
    }
}
