using Herald.Domain.Text;

namespace Herald.Domain.Opinion;

/// <summary>
/// 近似重复的候选键：3-gram 集合的 MinHash 签名（<see cref="Bands"/> × <see cref="Rows"/> 个最小散列），
/// 每 <see cref="Rows"/> 个合成一段的键（LSH）。两段文本 Jaccard 为 J 时至少有一段键相同的概率为
/// 1 − (1 − J^Rows)^Bands：J = 0.8 时 99.97%，J = 0.5 时 47%，J = 0.2 时 0.6%。键相同只说明是候选，
/// 是否重复仍由 <see cref="ShingleSet.JaccardWith"/> 精确判断。散列参数固定，已保存的键在重启后仍然有效。
/// </summary>
public static class DuplicateSignature
{
    public const int Bands = 20;
    public const int Rows = 5;
    private const int Hashes = Bands * Rows;

    private static readonly ulong[] Multipliers = new ulong[Hashes];
    private static readonly ulong[] Offsets = new ulong[Hashes];

    static DuplicateSignature()
    {
        // Fixed seed: the keys are stored, so the hash family must never change between runs or versions.
        var state = 0x5EED_0F_4E_7A1D_2026UL;
        for (var i = 0; i < Hashes; i++)
        {
            Multipliers[i] = SplitMix(ref state) | 1;
            Offsets[i] = SplitMix(ref state);
        }
    }

    /// <summary>各段的键（互不相同）。空集合（只有标点的文本）没有键，不参与查重。</summary>
    public static long[] BandKeys(ShingleSet shingles)
    {
        ArgumentNullException.ThrowIfNull(shingles);
        if (shingles.Count == 0) return [];
        Span<ulong> minima = stackalloc ulong[Hashes];
        minima.Fill(ulong.MaxValue);
        foreach (var shingle in shingles.Values)
        {
            var x = Mix(shingle);
            for (var i = 0; i < Hashes; i++)
            {
                // Multiply-add permutes the 64-bit space; ordering by the whole value is driven by the well-mixed high bits.
                var h = unchecked(Multipliers[i] * x + Offsets[i]);
                if (h < minima[i]) minima[i] = h;
            }
        }
        var keys = new long[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var h = Mix((ulong)(band + 1) * 0x9E3779B97F4A7C15UL);
            for (var row = 0; row < Rows; row++)
                h = Mix(h ^ minima[band * Rows + row]);
            keys[band] = unchecked((long)h);
        }
        return keys;
    }

    private static ulong SplitMix(ref ulong state)
    {
        state = unchecked(state + 0x9E3779B97F4A7C15UL);
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
