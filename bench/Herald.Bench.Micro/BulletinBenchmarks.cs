using BenchmarkDotNet.Attributes;
using Herald.Domain.Scoring;
using Herald.Web.Features.Bulletins.Documents;
using Herald.Web.Features.Reports;

namespace Herald.Bench.Micro;

/// <summary>
/// Issue 3 target: the bulletin (.docx + .xlsx) for 5,000 units generated in &lt; 3 s. Generation only (no HTTP, no database):
/// a synthetic period report with 5,000 unit rows and 8,000 correspondent rows goes through the composer and both writers.
/// In-process like the Word import benchmark.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class BulletinBenchmarks
{
    private PeriodReport _report = null!;
    private BulletinSettings _settings = null!;
    private BulletinFigures _figures = null!;

    [GlobalSetup]
    public void Setup()
    {
        _report = SampleReport.Create(units: 5_000, correspondents: 8_000);
        _settings = new BulletinSettings(BulletinKind.Quarterly, 2026, 3, 1, Bulletin.TitleFor(BulletinKind.Quarterly, 2026, 3), 1,
            "某省宣传信息工作领导小组办公室", new DateOnly(2026, 10, 8), null, null, 10, 20);
        _figures = Compose();
        var docx = BulletinDocument.Write(_figures);
        var xlsx = BulletinWorkbook.Write(_figures);
        Console.WriteLine($"// sample: {_figures.Units.Count} units, {_figures.Correspondents.Count} correspondents, " +
                          $"{_figures.Criticized.Count} criticised; docx {docx.Length / 1024} KB, xlsx {xlsx.Length / 1024} KB");
    }

    private BulletinFigures Compose() => BulletinComposer.Compose(_settings, _report, new Dictionary<long, string>(),
        [new RuleVersionNote(1, new DateOnly(2000, 1, 1), "中央10分、省级5分、市级3分、县级1分（报纸）")],
        new DateTime(2026, 10, 8, 2, 0, 0, DateTimeKind.Utc), draft: false, new DateTime(2026, 10, 8, 2, 0, 0, DateTimeKind.Utc));

    [Benchmark(Baseline = true, Description = "Bulletin 5000 units: compose + docx + xlsx")]
    public int Both()
    {
        var figures = Compose();
        return BulletinDocument.Write(figures).Length + BulletinWorkbook.Write(figures).Length;
    }

    [Benchmark(Description = "Bulletin 5000 units: docx only")]
    public int DocumentOnly() => BulletinDocument.Write(_figures).Length;

    [Benchmark(Description = "Bulletin 5000 units: xlsx only")]
    public int WorkbookOnly() => BulletinWorkbook.Write(_figures).Length;
}
