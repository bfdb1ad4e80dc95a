namespace Herald.Domain.Text;

/// <summary>两段文本的相似程度（DESIGN §3.6：Jaccard ≥ 0.8 为重复，0.5–0.8 为相似）。</summary>
public enum Resemblance
{
    /// <summary>不同</summary>
    Different,
    /// <summary>相似</summary>
    Similar,
    /// <summary>重复</summary>
    Duplicate,
}

/// <summary>
/// 文本的字符 3-gram 集合（在 <see cref="ChineseNormalizer.Normalize"/> 之后取，标点、空白、全半角、繁简差异不影响），
/// 用于舆情信息的近似重复判断。
/// </summary>
public sealed class ShingleSet
{
    public const int ShingleLength = 3;
    public const double DefaultDuplicateThreshold = 0.8;
    public const double DefaultSimilarThreshold = 0.5;

    // A code point needs 21 bits, so three of them pack exactly into a ulong: no hashing, no collisions.
    private const ulong Padding = 0x1FFFFF;

    private readonly ulong[] _shingles; // sorted, distinct

    private ShingleSet(ulong[] shingles) => _shingles = shingles;

    /// <summary>不同 3-gram 的个数。归一化后不足 3 个字的文本整体算一个。</summary>
    public int Count => _shingles.Length;

    /// <summary>各 3-gram（三个码位打包成的整数），升序、不重复；供 MinHash 之类的候选索引使用。</summary>
    public ReadOnlySpan<ulong> Values => _shingles;

    public static ShingleSet Of(ReadOnlySpan<char> text)
    {
        var normalized = ChineseNormalizer.Normalize(text);
        var codePoints = new List<int>(normalized.Length);
        for (var i = 0; i < normalized.Length; i++)
        {
            if (char.IsHighSurrogate(normalized[i]) && i + 1 < normalized.Length && char.IsLowSurrogate(normalized[i + 1]))
            {
                codePoints.Add(char.ConvertToUtf32(normalized[i], normalized[i + 1]));
                i++;
            }
            else
            {
                codePoints.Add(normalized[i]);
            }
        }
        if (codePoints.Count == 0)
        {
            return new ShingleSet([]);
        }
        if (codePoints.Count < ShingleLength)
        {
            // A short text still resembles itself; pad rather than return an empty set.
            var second = codePoints.Count > 1 ? (ulong)codePoints[1] : Padding;
            return new ShingleSet([Pack((ulong)codePoints[0], second, Padding)]);
        }
        var shingles = new ulong[codePoints.Count - ShingleLength + 1];
        for (var i = 0; i < shingles.Length; i++)
        {
            shingles[i] = Pack((ulong)codePoints[i], (ulong)codePoints[i + 1], (ulong)codePoints[i + 2]);
        }
        Array.Sort(shingles);
        var distinct = 0;
        for (var i = 0; i < shingles.Length; i++)
        {
            if (i == 0 || shingles[i] != shingles[distinct - 1])
            {
                shingles[distinct++] = shingles[i];
            }
        }
        Array.Resize(ref shingles, distinct);
        return new ShingleSet(shingles);
    }

    /// <summary>Jaccard 相似度 |A∩B| / |A∪B|；两个都为空时视为相同（1）。</summary>
    public double JaccardWith(ShingleSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var a = _shingles;
        var b = other._shingles;
        if (a.Length == 0 && b.Length == 0)
        {
            return 1.0;
        }
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return (double)common / (a.Length + b.Length - common);
    }

    public static double Jaccard(string a, string b) => Of(a).JaccardWith(Of(b));

    public static Resemblance Classify(double jaccard,
        double duplicateThreshold = DefaultDuplicateThreshold, double similarThreshold = DefaultSimilarThreshold) =>
        jaccard >= duplicateThreshold ? Resemblance.Duplicate
        : jaccard >= similarThreshold ? Resemblance.Similar
        : Resemblance.Different;

    private static ulong Pack(ulong a, ulong b, ulong c) => (a << 42) | (b << 21) | c;
}
