// Keyword-engine benchmark on the shared workload (shared/bench/README.md).
//   dotnet run -c Release --project bench/Herald.Bench.Text            full BenchmarkDotNet run (~3 min)
//   dotnet run -c Release --project bench/Herald.Bench.Text -- --quick rough CPU-time figures, no BenchmarkDotNet
// Other arguments go to BenchmarkDotNet (e.g. --filter *Build*).
using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Herald.Bench.Text;
using Herald.Domain.Text;

// Facts about the workload, computed once in this (host) process: BenchmarkDotNet runs the
// benchmarks in child processes, and the custom columns are rendered here.
var keywords = Workload.Keywords();
var text = Workload.Text();

var stopwatch = Stopwatch.StartNew();
var matcher = KeywordMatcher.Build(keywords);
var coldBuild = stopwatch.Elapsed;
var hits = matcher.FindAll(text);
var normalizedKeywords = keywords.Select(k => ChineseNormalizer.Normalize(k.Text)).ToArray();
var naiveHits = NaiveSearch.Count(text, normalizedKeywords);
var rawHits = keywords.Sum(k => CountOrdinal(text, k.Text));

Console.WriteLine($"Workload: {keywords.Length:N0} keywords, {text.Length:N0} characters of text");
Console.WriteLine($"Automaton: {matcher.StateCount:N0} states, {matcher.SlotCount:N0} slots (slot arrays {matcher.SlotCount * 16 / 1024.0 / 1024:N1} MiB), " +
                  $"cold first build {coldBuild.TotalMilliseconds:N0} ms (includes the one-off normaliser table)");
Console.WriteLine($"Hits per pass: engine {hits.Count:N0}, naive normalise+IndexOf {naiveHits:N0}, " +
                  $"plain IndexOf without normalisation {rawHits:N0}");
// Where the hits beyond a verbatim search come from (each hit counted once, in this order).
var verbatim = hits.Count(h => h.Slice(text) == h.Keyword.Text);
var viaSeparators = hits.Count(h => h.Slice(text) != h.Keyword.Text && h.Slice(text).Any(IsSkipped));
var viaRepeats = hits.Count(h => h.Slice(text) != h.Keyword.Text && !h.Slice(text).Any(IsSkipped)
                                 && (HasRepeat(h.Slice(text)) || HasRepeat(h.Keyword.Text)));
Console.WriteLine($"  engine hits: {verbatim:N0} verbatim, {viaSeparators:N0} across skipped separators, " +
                  $"{viaRepeats:N0} through collapsed repeats (in the text or the keyword), " +
                  $"{hits.Count - verbatim - viaSeparators - viaRepeats:N0} through width/case/traditional folding");
var collapsingToOne = keywords.Count(k => ChineseNormalizer.Normalize(k.Text).Length == 1);
Console.WriteLine($"  {collapsingToOne} keywords collapse to a single character (小小 → 小, 等等等等 → 等); " +
                  $"they account for {hits.Count(h => h.Keyword.Normalized.Length == 1):N0} hits");
if (hits.Count != naiveHits)
{
    Console.Error.WriteLine("Engine and naive search disagree on the hit count.");
    return 1;
}

if (args.Contains("--quick"))
{
    // Development aid: rough Stopwatch figures without BenchmarkDotNet's statistics.
    // CPU time of this process, so a busy shared machine distorts the figures less than wall time.
    var process = Process.GetCurrentProcess();
    double Cpu() { process.Refresh(); return process.TotalProcessorTime.TotalMilliseconds; }
    var builds = new List<double>();
    for (var i = 0; i < 7; i++)
    {
        var before = Cpu();
        KeywordMatcher.Build(keywords);
        builds.Add(Cpu() - before);
    }
    var scans = new List<double>();
    var list = new List<KeywordHit>(32_768);
    for (var i = 0; i < 10; i++)
    {
        var before = Cpu();
        for (var j = 0; j < 10; j++)
        {
            matcher.FindAll(text, list);
        }
        scans.Add((Cpu() - before) / 10);
    }
    var counts = new List<double>();
    for (var i = 0; i < 10; i++)
    {
        var before = Cpu();
        for (var j = 0; j < 10; j++)
        {
            matcher.Count(text);
        }
        counts.Add((Cpu() - before) / 10);
    }
    Console.WriteLine($"quick: Count min {counts.Min():N2} ms");
    Console.WriteLine($"quick: build min {builds.Min():N1} ms; " +
                      $"FindAll min {scans.Min():N2} ms = " +
                      $"{text.Length / (scans.Min() / 1000) / 1e6:N1} M chars/s");
    return 0;
}

var config = DefaultConfig.Instance
    .AddColumn(new CharsPerSecondColumn(text.Length))
    .AddColumn(new HitsColumn(new Dictionary<string, int>
    {
        [nameof(KeywordEngineBenchmarks.FindAll)] = hits.Count,
        [nameof(KeywordEngineBenchmarks.Count)] = hits.Count,
        [nameof(NaiveSearchBenchmarks.NaiveIndexOf)] = naiveHits,
    }))
    .WithOptions(ConfigOptions.JoinSummary);
BenchmarkRunner.Run([typeof(KeywordEngineBenchmarks), typeof(NaiveSearchBenchmarks)], config, args);
return 0;

static bool IsSkipped(char c) => ChineseNormalizer.NormalizeCodePoint(c) == ChineseNormalizer.Skipped;

static bool HasRepeat(string s)
{
    var folded = s.Select(c => ChineseNormalizer.NormalizeCodePoint(c)).Where(n => n != ChineseNormalizer.Skipped).ToArray();
    for (var i = 1; i < folded.Length; i++)
    {
        if (folded[i] == folded[i - 1])
        {
            return true;
        }
    }
    return false;
}

static int CountOrdinal(string text, string word)
{
    var count = 0;
    for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
    {
        count++;
    }
    return count;
}
