using BenchmarkDotNet.Attributes;
using Herald.Domain.Text;

namespace Herald.Bench.Text;

/// <summary>Build and scan of the normalising engine on the shared workload.</summary>
[MemoryDiagnoser]
public class KeywordEngineBenchmarks
{
    private KeywordDefinition[] _keywords = [];
    private string _text = "";
    private KeywordMatcher _matcher = null!;
    private readonly List<KeywordHit> _hits = new(32_768);

    [GlobalSetup]
    public void Setup()
    {
        _keywords = Workload.Keywords();
        _text = Workload.Text();
        _matcher = KeywordMatcher.Build(_keywords);
    }

    /// <summary>Automaton from the 50,000 words (normalisation, symbol table, double array, failure links).</summary>
    [Benchmark]
    public KeywordMatcher Build() => KeywordMatcher.Build(_keywords);

    /// <summary>All hits with original offsets over the 693,720-character text, into a reused list.</summary>
    [Benchmark]
    public int FindAll()
    {
        _matcher.FindAll(_text, _hits);
        return _hits.Count;
    }

    /// <summary>Number of hits only (no offsets, nothing stored).</summary>
    [Benchmark]
    public int Count() => _matcher.Count(_text);
}

/// <summary>
/// The naive search takes seconds per pass, so it gets a short fixed job of its own; it is run in the
/// same BenchmarkDotNet run and shown in the same joined table.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1, id: "Naive")]
public class NaiveSearchBenchmarks
{
    private string[] _normalizedKeywords = [];
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        _normalizedKeywords = Workload.Words().Select(w => ChineseNormalizer.Normalize(w)).ToArray();
        _text = Workload.Text();
    }

    /// <summary>Normalise the text, then IndexOf every keyword.</summary>
    [Benchmark]
    public int NaiveIndexOf() => NaiveSearch.Count(_text, _normalizedKeywords);
}
