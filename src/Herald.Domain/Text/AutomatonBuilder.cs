namespace Herald.Domain.Text;

/// <summary>
/// Builds the Aho–Corasick automaton as a double array from symbol sequences (keywords first,
/// then allow-list phrases; an entry's index is its position in that list).
/// </summary>
internal sealed class AutomatonBuilder(List<int[]> sequences)
{
    /// <summary>Double array, failure slot and output-list start per slot (-1: none), output lists (-1-terminated).</summary>
    internal readonly record struct Result(KeywordMatcher.Node[] Nodes, int[] Fail, int[] OutputOf, int[] Outputs, int StateCount);

    // Trie in first-child / next-sibling form, node 0 is the root.
    private int[] _symbol = [];
    private int[] _firstChild = [];
    private int[] _nextSibling = [];
    private int[] _terminal = [];   // first entry ending here, chained through _entryNext
    private int[] _entryNext = [];
    private int _trieCount;

    // Double array under construction.
    private int[] _base = [];
    private int[] _check = [];
    private int[] _nextFree = [];   // union-find "next free slot at or after i"
    private byte[] _failures = [];  // failed first-child attempts per free slot
    private const int MaxFailuresPerSlot = 8;

    public Result Build()
    {
        BuildTrie();
        var (slotOf, order) = Place();
        var fail = ComputeFailures(order, slotOf);
        var (outputOf, outputs) = ComputeOutputs(order, slotOf, fail);

        var maxSymbol = 0;
        foreach (var sequence in sequences)
        {
            foreach (var s in sequence)
            {
                maxSymbol = Math.Max(maxSymbol, s);
            }
        }
        var highest = 0;
        for (var i = 0; i < _trieCount; i++)
        {
            highest = Math.Max(highest, slotOf[i]);
        }
        // Every base is at most the highest used slot, so padding by the largest symbol id keeps
        // base + id in bounds for any state and any symbol: the scan needs no bounds checks.
        var length = highest + maxSymbol + 1;
        var nodes = new KeywordMatcher.Node[length];
        var failOf = new int[length];
        var outputOfSlot = new int[length];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = new KeywordMatcher.Node { Base = 0, Check = -1 };
            outputOfSlot[i] = -1;
        }
        for (var t = 0; t < _trieCount; t++)
        {
            var slot = slotOf[t];
            nodes[slot] = new KeywordMatcher.Node
            {
                Base = _base[slot] | (outputOf[t] >= 0 ? KeywordMatcher.HasOutput : 0),
                Check = t == 0 ? -1 : _check[slot],
            };
            failOf[slot] = fail[slot];
            outputOfSlot[slot] = outputOf[t];
        }
        return new Result(nodes, failOf, outputOfSlot, outputs, _trieCount);
    }

    /// <summary>
    /// Inserts the sequences in sorted order, so each node's children are created in ascending
    /// symbol order and the shared prefix with the previous sequence is known without lookups.
    /// </summary>
    private void BuildTrie()
    {
        var total = 1;
        var maxLength = 0;
        foreach (var sequence in sequences)
        {
            total += sequence.Length;
            maxLength = Math.Max(maxLength, sequence.Length);
        }
        _symbol = new int[total];
        _firstChild = new int[total];
        _nextSibling = new int[total];
        _terminal = new int[total];
        Array.Fill(_firstChild, -1);
        Array.Fill(_nextSibling, -1);
        Array.Fill(_terminal, -1);
        _entryNext = new int[sequences.Count];

        var order = new int[sequences.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) =>
        {
            var c = sequences[a].AsSpan().SequenceCompareTo(sequences[b]);
            return c != 0 ? c : a.CompareTo(b);
        });

        var path = new int[maxLength + 1];
        _trieCount = 1;
        int[] previous = [];
        // Walk backwards so that pushing onto each terminal chain leaves it in ascending entry order.
        for (var k = order.Length - 1; k >= 0; k--)
        {
            var entry = order[k];
            var sequence = sequences[entry];
            var common = sequence.AsSpan().CommonPrefixLength(previous);
            var node = path[common];
            for (var d = common; d < sequence.Length; d++)
            {
                var child = _trieCount++;
                _symbol[child] = sequence[d];
                // Reverse insertion: children arrive in descending order, so prepend to stay ascending.
                _nextSibling[child] = _firstChild[node];
                _firstChild[node] = child;
                node = child;
                path[d + 1] = child;
            }
            _entryNext[entry] = _terminal[node];
            _terminal[node] = entry;
            previous = sequence;
        }
    }

    /// <summary>Places trie nodes breadth-first into the double array; returns slot per trie node and the BFS order.</summary>
    private (int[] SlotOf, int[] Order) Place()
    {
        var capacity = Math.Max(1024, _trieCount * 2);
        _base = new int[capacity];
        _check = new int[capacity];
        _nextFree = new int[capacity + 1];
        _failures = new byte[capacity];
        Array.Fill(_check, -1);
        for (var i = 0; i < _nextFree.Length; i++)
        {
            _nextFree[i] = i;
        }
        MarkUsed(0);

        var slotOf = new int[_trieCount];
        var order = new int[_trieCount];
        var head = 0;
        var tail = 0;
        order[tail++] = 0;
        var children = new List<int>();
        while (head < tail)
        {
            var node = order[head++];
            var slot = slotOf[node];
            children.Clear();
            for (var c = _firstChild[node]; c >= 0; c = _nextSibling[c])
            {
                children.Add(c);
            }
            if (children.Count == 0)
            {
                continue; // leaf: base 0 is fine, Check never names a leaf
            }
            var first = _symbol[children[0]];
            var b = FindBase(children, first);
            _base[slot] = b;
            foreach (var child in children)
            {
                var childSlot = b + _symbol[child];
                MarkUsed(childSlot);
                _check[childSlot] = slot;
                slotOf[child] = childSlot;
                order[tail++] = child;
            }
        }
        return (slotOf, order);
    }

    private int FindBase(List<int> children, int first)
    {
        // Candidate slots for the first child are the free slots at or after the first symbol
        // (a base must not be negative, or base + small id could index before the array).
        var p = FindFree(Math.Max(first, 1));
        while (true)
        {
            var b = p - first;
            var fits = true;
            for (var i = 1; i < children.Count; i++)
            {
                var s = b + _symbol[children[i]];
                EnsureCapacity(s);
                if (_check[s] != -1 || s == 0)
                {
                    fits = false;
                    break;
                }
            }
            if (fits)
            {
                return b;
            }
            // A hole that keeps failing as a first-child position is given up as a search start
            // (it stays free for later children): this bounds the search, which otherwise rescans
            // every old hole for every many-child state and dominated the build time.
            if (++_failures[p] >= MaxFailuresPerSlot)
            {
                _nextFree[p] = p + 1;
            }
            p = FindFree(p + 1);
        }
    }

    private int FindFree(int i)
    {
        EnsureCapacity(i);
        // Path halving keeps repeated searches over the packed prefix near O(1).
        while (_nextFree[i] != i)
        {
            _nextFree[i] = _nextFree[_nextFree[i]];
            i = _nextFree[i];
            EnsureCapacity(i);
        }
        return i;
    }

    private void MarkUsed(int slot)
    {
        EnsureCapacity(slot + 1);
        _check[slot] = _check[slot] == -1 ? int.MinValue : _check[slot];
        _nextFree[slot] = slot + 1;
    }

    private void EnsureCapacity(int slot)
    {
        if (slot < _base.Length)
        {
            return;
        }
        var size = Math.Max(_base.Length * 2, slot + 1);
        var oldLength = _base.Length;
        Array.Resize(ref _base, size);
        Array.Resize(ref _check, size);
        Array.Resize(ref _failures, size);
        Array.Fill(_check, -1, oldLength, size - oldLength);
        var oldFree = _nextFree.Length;
        Array.Resize(ref _nextFree, size + 1);
        for (var i = oldFree; i < _nextFree.Length; i++)
        {
            _nextFree[i] = i;
        }
    }

    /// <summary>Failure slot per double-array slot, computed breadth-first so a parent's is ready first.</summary>
    private int[] ComputeFailures(int[] order, int[] slotOf)
    {
        var fail = new int[_base.Length];
        foreach (var node in order)
        {
            var slot = slotOf[node];
            for (var child = _firstChild[node]; child >= 0; child = _nextSibling[child])
            {
                var symbol = _symbol[child];
                var childSlot = slotOf[child];
                if (node == 0)
                {
                    fail[childSlot] = 0;
                    continue;
                }
                var f = fail[slot];
                while (true)
                {
                    var t = _base[f] + symbol;
                    if (t < _check.Length && _check[t] == f && t != 0)
                    {
                        fail[childSlot] = t;
                        break;
                    }
                    if (f == 0)
                    {
                        fail[childSlot] = 0;
                        break;
                    }
                    f = fail[f];
                }
            }
        }
        return fail;
    }

    /// <summary>
    /// Each state's matches: its own entries, then those of its failure state (shorter suffixes).
    /// A state without own entries shares its failure state's list instead of copying it.
    /// </summary>
    private (int[] OutputOf, int[] Outputs) ComputeOutputs(int[] order, int[] slotOf, int[] fail)
    {
        var outputOfSlot = new int[_base.Length];
        Array.Fill(outputOfSlot, -1);
        var outputOf = new int[_trieCount];
        var outputs = new List<int>();
        foreach (var node in order)
        {
            var slot = slotOf[node];
            var inherited = node == 0 ? -1 : outputOfSlot[fail[slot]];
            if (_terminal[node] < 0)
            {
                outputOf[node] = inherited;
            }
            else
            {
                outputOf[node] = outputs.Count;
                for (var e = _terminal[node]; e >= 0; e = _entryNext[e])
                {
                    outputs.Add(e);
                }
                for (var j = inherited; j >= 0 && outputs[j] >= 0; j++)
                {
                    outputs.Add(outputs[j]);
                }
                outputs.Add(-1);
            }
            outputOfSlot[slot] = outputOf[node];
        }
        return (outputOf, outputs.ToArray());
    }
}
