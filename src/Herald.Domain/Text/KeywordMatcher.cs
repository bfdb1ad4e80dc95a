using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Herald.Domain.Text;

/// <summary>
/// 中文关键词匹配器：在归一化文本上运行的 Aho–Corasick 自动机（双数组存储），命中位置映射回原文。
/// 构建后不可变，可被多个线程同时使用。
/// </summary>
/// <remarks>
/// 语义（与 <see cref="ChineseNormalizer.Normalize"/> 一致）：文本与关键词都逐码位归一化，跳过分隔符，
/// 连续相同的归一化字符合并为一个；关键词在归一化序列中出现即为命中，重叠的命中全部报告（“他妈的”同时命中
/// “他妈”与“妈的”）。命中若完全落在某个白名单短语的出现范围内则不报告（“过敏感冒”中的“敏感”）。
/// 命中的原文范围从第一个命中字符（含与之合并的重复字符）到最后一个命中字符（同上），包括其间跳过的分隔符；
/// 代理对永远不会被拆开。
/// </remarks>
public sealed partial class KeywordMatcher
{
    // Values of the per-matcher 64K class table. Everything else (1..MaxSymbols) is a dense symbol id.
    private const ushort Unknown = 0;           // a real character that no keyword uses: breaks any match
    private const ushort HighSurrogate = 0xFFFE; // slow path: pair it with the next unit
    private const ushort Skip = 0xFFFF;          // separator
    internal const int MaxSymbols = 0xFFFD;

    // One table load per UTF-16 unit does normalisation (width, case, traditional, separators) and
    // alphabet mapping at once: the hot loop never sees a character, only a symbol id.
    private readonly ushort[] _classes;
    private readonly Dictionary<int, ushort> _supplementary;
    private readonly Node[] _nodes;
    private readonly int[] _fail;
    private readonly int[] _outputOf;
    private readonly int[] _outputs;
    private readonly int[] _entryLengths;
    private readonly Keyword[] _keywords;
    private readonly string[] _allowList;

    [ThreadStatic] private static List<long>? t_allowed;
    [ThreadStatic] private static List<KeywordHit>? t_hits;

    /// <summary>
    /// One double-array slot: the child of state s on symbol c lives at Base(s)+c iff its Check is s.
    /// Bit 31 of Base (<see cref="HasOutput"/>) marks states that complete an entry. Only these eight
    /// bytes are read per character; failure links and output lists live in side arrays read on the
    /// rarer paths, which keeps the busy first levels of the array dense in cache.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Node
    {
        public int Base;
        public int Check;
    }

    internal const int HasOutput = int.MinValue;

    private KeywordMatcher(ushort[] classes, Dictionary<int, ushort> supplementary, AutomatonBuilder.Result automaton,
        int[] entryLengths, Keyword[] keywords, string[] allowList)
    {
        _classes = classes;
        _supplementary = supplementary;
        _nodes = automaton.Nodes;
        _fail = automaton.Fail;
        _outputOf = automaton.OutputOf;
        _outputs = automaton.Outputs;
        _entryLengths = entryLengths;
        _keywords = keywords;
        _allowList = allowList;
        StateCount = automaton.StateCount;
    }

    /// <summary>关键词，按构建顺序（<see cref="Keyword.Id"/> 即下标）。</summary>
    public IReadOnlyList<Keyword> Keywords => _keywords;

    /// <summary>白名单短语（原文）。</summary>
    public IReadOnlyList<string> AllowList => _allowList;

    /// <summary>自动机状态数（含根）。</summary>
    public int StateCount { get; }

    /// <summary>双数组槽位数（内存占用约为 16 字节 × 槽位数）。</summary>
    public int SlotCount => _nodes.Length;

    /// <summary>文本中是否有任一（未被白名单抑制的）关键词。无白名单时遇到第一个命中即返回。</summary>
    public bool ContainsAny(ReadOnlySpan<char> text)
    {
        if (_allowList.Length > 0)
        {
            // Whether a hit survives depends on allow-list occurrences that may end after it.
            var hits = t_hits ??= [];
            FindAll(text, hits);
            var any = hits.Count > 0;
            hits.Clear();
            return any;
        }

        var cursor = new Cursor { Previous = -1 };
        var none = new CountSink();
        while (true)
        {
            Advance(text, _classes, _nodes, _fail, ref cursor);
            if (_nodes[cursor.State].Base < 0)
            {
                return true; // a state that completes a keyword has been reached
            }
            if (cursor.Position >= text.Length)
            {
                return false;
            }
            Step(text, ref cursor, ref none);
        }
    }

    /// <summary>命中个数（与 <see cref="FindAll(ReadOnlySpan{char})"/> 的条数相同）。无白名单时不计算位置、不分配内存。</summary>
    public int Count(ReadOnlySpan<char> text)
    {
        if (_allowList.Length > 0)
        {
            var hits = t_hits ??= [];
            FindAll(text, hits);
            var count = hits.Count;
            hits.Clear();
            return count;
        }
        var sink = new CountSink();
        Scan(text, ref sink);
        return sink.Count;
    }

    /// <summary>查找全部命中，按起点升序（同起点时长者在前）。</summary>
    public List<KeywordHit> FindAll(ReadOnlySpan<char> text)
    {
        var hits = new List<KeywordHit>();
        FindAll(text, hits);
        return hits;
    }

    /// <summary>
    /// 查找全部命中并写入 <paramref name="hits"/>（先清空）。复用同一个列表时扫描不分配内存。
    /// </summary>
    public void FindAll(ReadOnlySpan<char> text, List<KeywordHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        hits.Clear();
        List<long>? allowed = null;
        if (_allowList.Length > 0)
        {
            allowed = t_allowed ??= [];
            allowed.Clear();
        }
        var sink = new CollectSink(hits, allowed, _keywords);
        Scan(text, ref sink);
        if (allowed is { Count: > 0 })
        {
            SuppressAllowed(hits, allowed);
            allowed.Clear();
        }
        SortByStart(CollectionsMarshal.AsSpan(hits));
    }

    /// <summary>
    /// 把命中范围内的每个字符（代理对算一个）替换为 <paramref name="mask"/>，用于对外展示。
    /// </summary>
    public string Mask(string text, char mask = '＊')
    {
        ArgumentNullException.ThrowIfNull(text);
        var hits = FindAll(text);
        if (hits.Count == 0)
        {
            return text;
        }
        var sb = new System.Text.StringBuilder(text.Length);
        var position = 0;
        var h = 0;
        while (position < text.Length)
        {
            // Hits are sorted by start, so the merged masked region grows while the next hit starts inside it.
            if (h < hits.Count && hits[h].Start <= position)
            {
                var end = hits[h].End;
                while (++h < hits.Count && hits[h].Start < end)
                {
                    end = Math.Max(end, hits[h].End);
                }
                for (var i = position; i < end; i++)
                {
                    sb.Append(mask);
                    if (char.IsHighSurrogate(text[i]) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
                    {
                        i++;
                    }
                }
                position = Math.Max(position, end);
                continue;
            }
            var next = h < hits.Count ? hits[h].Start : text.Length;
            sb.Append(text, position, next - position);
            position = next;
        }
        return sb.ToString();
    }

    /// <summary>
    /// The scan. Matches are reported when the run of their last symbol ends (the next different
    /// symbol or the end of text), so the reported end already covers collapsed repeats: 舆情情 → 0..3.
    /// The tight loop (<see cref="Advance"/>) makes no calls, so the JIT keeps all its state in
    /// registers; it stops for the rare events (a state with output meets a new symbol, a surrogate),
    /// which <see cref="Step"/> handles one code point at a time.
    /// </summary>
    private void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink) where TSink : struct, IMatchSink
    {
        var cursor = new Cursor { Previous = -1 };
        while (true)
        {
            Advance(text, _classes, _nodes, _fail, ref cursor);
            if (cursor.Position >= text.Length)
            {
                break;
            }
            Step(text, ref cursor, ref sink);
        }
        if (_nodes[cursor.State].Base < 0)
        {
            Flush(text, _outputOf[cursor.State], cursor.RunEnd, ref sink);
        }
    }

    /// <summary>Where a scan is: next position, automaton state, last symbol id, end of its run.</summary>
    private struct Cursor
    {
        public int Position;
        public int State;
        public int Previous;
        public int RunEnd;
    }

    /// <summary>
    /// Consumes text until the end or until an event: a high surrogate, or a new symbol arriving
    /// while the state completes an entry (its matches must be flushed first). Bases read here are
    /// non-negative: a state with the output bit set stops the loop before its base is used.
    /// </summary>
    private static void Advance(ReadOnlySpan<char> text, ushort[] classTable, Node[] nodeArray, int[] failArray, ref Cursor cursor)
    {
        ref var chars = ref MemoryMarshal.GetReference(text);
        ref var classes = ref MemoryMarshal.GetArrayDataReference(classTable);
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(nodeArray);
        ref var fail = ref MemoryMarshal.GetArrayDataReference(failArray);
        int i = cursor.Position, state = cursor.State, previous = cursor.Previous, runEnd = cursor.RunEnd;
        var length = text.Length;
        for (; i < length; i++)
        {
            int id = Unsafe.Add(ref classes, Unsafe.Add(ref chars, i));
            if (id >= HighSurrogate)
            {
                if (id == Skip)
                {
                    continue;
                }
                break;
            }
            if (id == previous)
            {
                runEnd = i + 1;
                continue;
            }
            var b = Unsafe.Add(ref nodes, state).Base;
            if (b < 0)
            {
                break;
            }
            previous = id;
            runEnd = i + 1;
            state = id == Unknown ? 0 : Next(ref nodes, ref fail, state, b, id);
        }
        cursor.Position = i;
        cursor.State = state;
        cursor.Previous = previous;
        cursor.RunEnd = runEnd;
    }

    /// <summary>Consumes one code point at the cursor with the full rules, flushing matches when due.</summary>
    private void Step<TSink>(ReadOnlySpan<char> text, ref Cursor cursor, ref TSink sink) where TSink : struct, IMatchSink
    {
        var i = cursor.Position;
        int id = _classes[text[i]];
        if (id == HighSurrogate)
        {
            id = ReadSupplementary(text, ref i); // moves i onto the low half of a pair
        }
        cursor.Position = i + 1;
        if (id == Skip)
        {
            return;
        }
        if (id == cursor.Previous)
        {
            cursor.RunEnd = i + 1;
            return;
        }
        var state = cursor.State;
        var b = _nodes[state].Base;
        if (b < 0)
        {
            Flush(text, _outputOf[state], cursor.RunEnd, ref sink);
        }
        cursor.Previous = id;
        cursor.RunEnd = i + 1;
        cursor.State = id == Unknown
            ? 0
            : Next(ref MemoryMarshal.GetArrayDataReference(_nodes), ref MemoryMarshal.GetArrayDataReference(_fail),
                state, b & int.MaxValue, id);
    }

    /// <summary>Aho–Corasick goto with failure fallback; the root stays at the root.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Next(ref Node nodes, ref int fail, int state, int stateBase, int id)
    {
        while (true)
        {
            // In bounds by construction: the array is padded by the alphabet size past the largest base.
            var next = stateBase + id;
            if (Unsafe.Add(ref nodes, next).Check == state)
            {
                return next;
            }
            if (state == 0)
            {
                return 0;
            }
            state = Unsafe.Add(ref fail, state);
            stateBase = Unsafe.Add(ref nodes, state).Base & int.MaxValue;
        }
    }

    /// <summary>Classifies a high surrogate at <paramref name="i"/>; consumes its low half when paired.</summary>
    private int ReadSupplementary(ReadOnlySpan<char> text, ref int i)
    {
        if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            var codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
            i++;
            return ClassifySupplementary(codePoint);
        }
        return Unknown; // a lone high surrogate is a character that never matches
    }

    private int ClassifySupplementary(int codePoint)
    {
        if (ChineseNormalizer.NormalizeSupplementary(codePoint) == ChineseNormalizer.Skipped)
        {
            return Skip;
        }
        return _supplementary.TryGetValue(codePoint, out var id) ? id : Unknown;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Flush<TSink>(ReadOnlySpan<char> text, int output, int end, ref TSink sink)
        where TSink : struct, IMatchSink
    {
        var outputs = _outputs;
        for (var j = output; outputs[j] >= 0; j++)
        {
            var entry = outputs[j];
            // Constant per sink type, so the JIT drops the walk-back for sinks that only count.
            var start = TSink.NeedsStart ? FindStart(text, end, _entryLengths[entry]) : 0;
            sink.OnMatch(entry, start, end);
        }
    }

    /// <summary>
    /// Walks back from the end of a match over <paramref name="symbols"/> normalised symbols and
    /// returns where the first one's run starts. Hits are a few per cent of characters, so this is
    /// cheaper than tracking symbol positions for every character in the hot loop.
    /// </summary>
    private int FindStart(ReadOnlySpan<char> text, int end, int symbols)
    {
        int j = end - 1, start = end, count = 0, current = -1;
        while (j >= 0)
        {
            var c = text[j];
            int id = _classes[c];
            var width = 1;
            if (char.IsLowSurrogate(c))
            {
                if (j > 0 && char.IsHighSurrogate(text[j - 1]))
                {
                    id = ClassifySupplementary(char.ConvertToUtf32(text[j - 1], c));
                    width = 2;
                }
            }
            else if (id == HighSurrogate)
            {
                id = Unknown; // lone: a paired one was consumed together with its low half above
            }
            if (id != Skip)
            {
                if (id != current)
                {
                    if (count == symbols)
                    {
                        break;
                    }
                    count++;
                    current = id;
                }
                start = j - width + 1;
            }
            j -= width;
        }
        return start;
    }

    private static void SuppressAllowed(List<KeywordHit> hits, List<long> allowed)
    {
        // allowed holds (start << 32 | end); sorted by start, a running maximum of ends answers
        // "does some occurrence starting at or before s reach at least e" with one binary search.
        allowed.Sort();
        var spans = CollectionsMarshal.AsSpan(allowed);
        var maxEnd = 0L;
        for (var i = 0; i < spans.Length; i++)
        {
            maxEnd = Math.Max(maxEnd, spans[i] & 0xFFFFFFFF);
            spans[i] = (spans[i] & ~0xFFFFFFFFL) | maxEnd;
        }
        var all = CollectionsMarshal.AsSpan(hits);
        var kept = 0;
        foreach (var hit in all)
        {
            var key = ((long)hit.Start << 32) | 0xFFFFFFFFL;
            var index = spans.BinarySearch(key);
            var last = index >= 0 ? index : ~index - 1;
            // After the rewrite each entry's low half is the running maximum, still ordered by start.
            var suppressed = last >= 0 && (spans[last] & 0xFFFFFFFF) >= hit.End;
            if (!suppressed)
            {
                all[kept++] = hit;
            }
        }
        hits.RemoveRange(kept, hits.Count - kept);
    }

    /// <summary>
    /// Hits arrive ordered by end; reordering by start only moves a hit past the few hits that end
    /// inside it, so insertion sort is linear in practice.
    /// </summary>
    private static void SortByStart(Span<KeywordHit> hits)
    {
        for (var i = 1; i < hits.Length; i++)
        {
            var hit = hits[i];
            var j = i - 1;
            while (j >= 0 && Compare(hits[j], hit) > 0)
            {
                hits[j + 1] = hits[j];
                j--;
            }
            hits[j + 1] = hit;
        }

        static int Compare(in KeywordHit a, in KeywordHit b)
        {
            if (a.Start != b.Start)
            {
                return a.Start.CompareTo(b.Start);
            }
            if (a.Length != b.Length)
            {
                return b.Length.CompareTo(a.Length);
            }
            return a.Keyword.Id.CompareTo(b.Keyword.Id);
        }
    }

    private interface IMatchSink
    {
        static abstract bool NeedsStart { get; }

        void OnMatch(int entry, int start, int end);
    }

    private struct CountSink : IMatchSink
    {
        public int Count;

        public static bool NeedsStart => false;

        public void OnMatch(int entry, int start, int end) => Count++;
    }

    private readonly struct CollectSink(List<KeywordHit> hits, List<long>? allowed, Keyword[] keywords) : IMatchSink
    {
        public static bool NeedsStart => true;

        public void OnMatch(int entry, int start, int end)
        {
            if ((uint)entry < (uint)keywords.Length)
            {
                hits.Add(new KeywordHit(start, end - start, keywords[entry]));
            }
            else
            {
                allowed!.Add(((long)start << 32) | (uint)end);
            }
        }
    }
}
