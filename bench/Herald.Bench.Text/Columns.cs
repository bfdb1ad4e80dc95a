using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Herald.Bench.Text;

/// <summary>Characters of the workload text per second of the mean, for the scanning benchmarks.</summary>
public sealed class CharsPerSecondColumn(int textLength) : IColumn
{
    public string Id => nameof(CharsPerSecondColumn);
    public string ColumnName => "Chars/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => $"Workload characters ({textLength:N0}) divided by the mean time";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(KeywordEngineBenchmarks.Build))
        {
            return "-";
        }
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return mean is null or <= 0 ? "NA" : $"{textLength / (mean.Value / 1e9) / 1e6:N1} M";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}

/// <summary>Hits per pass over the workload, counted once in the host process before the run.</summary>
public sealed class HitsColumn(IReadOnlyDictionary<string, int> hitsByMethod) : IColumn
{
    public string Id => nameof(HitsColumn);
    public string ColumnName => "Hits/pass";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Keyword hits found in one pass over the workload text";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        hitsByMethod.TryGetValue(benchmarkCase.Descriptor.WorkloadMethod.Name, out var hits) ? hits.ToString("N0") : "-";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}
