using Herald.Domain.Text;

namespace Herald.Bench.Text;

/// <summary>
/// The workload of shared/bench/README.md: the 50,000 words of zh-words-50k.txt as keywords, and the
/// five seed documents concatenated in file-name order and repeated 40 times as the text.
/// </summary>
public static class Workload
{
    public const int Repeats = 40;

    private static readonly Lazy<string> SharedDirectory = new(FindShared);

    public static string[] Words() =>
        File.ReadAllLines(Path.Combine(SharedDirectory.Value, "bench", "zh-words-50k.txt"))
            .Where(w => w.Length > 0)
            .ToArray();

    public static KeywordDefinition[] Keywords() => Words().Select(w => new KeywordDefinition(w, "bench", 1)).ToArray();

    public static string Text()
    {
        var seeds = Directory.GetFiles(Path.Combine(SharedDirectory.Value, "seeds"), "*.txt")
            .OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal)
            .Select(File.ReadAllText);
        var once = string.Concat(seeds);
        return string.Concat(Enumerable.Repeat(once, Repeats));
    }

    /// <summary>
    /// shared/ sits beside the repository (here and in CI). BenchmarkDotNet runs each benchmark from a
    /// generated folder deep under bin/, so look upwards from both the working and the base directory;
    /// HERALD_SHARED overrides.
    /// </summary>
    private static string FindShared()
    {
        var overridden = Environment.GetEnvironmentVariable("HERALD_SHARED");
        if (!string.IsNullOrEmpty(overridden))
        {
            return overridden;
        }
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (File.Exists(Path.Combine(candidate, "bench", "zh-words-50k.txt")))
                {
                    return candidate;
                }
            }
        }
        throw new DirectoryNotFoundException("shared/bench/zh-words-50k.txt not found above this directory; set HERALD_SHARED.");
    }
}
