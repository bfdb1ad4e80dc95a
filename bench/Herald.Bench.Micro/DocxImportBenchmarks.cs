using BenchmarkDotNet.Attributes;
using Herald.Web.Infrastructure;
using Herald.Web.Infrastructure.Documents;
using Microsoft.Extensions.Options;

namespace Herald.Bench.Micro;

/// <summary>
/// Importing a 30-page Word report (≈ 24 000 characters, 3 tables, 10 photos of 150–300 KB): target &lt; 300 ms.
/// In-process: the generated-project toolchain would rebuild the whole web host for every run.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class DocxImportBenchmarks
{
    private readonly DocxImporter _importer = new(Options.Create(new HeraldOptions()));
    private byte[] _withPictures = [];
    private byte[] _textOnly = [];

    [GlobalSetup]
    public void Setup()
    {
        _withPictures = SampleManuscript.Create(pictures: 10);
        _textOnly = SampleManuscript.Create(pictures: 0);
        // Fail fast if the sample stopped looking like the target document.
        var check = _importer.Import(_withPictures);
        if (check.Images.Count != 10 || check.Body.Text.Length < 24_000)
            throw new InvalidOperationException($"sample has {check.Images.Count} pictures and {check.Body.Text.Length} characters");
        Console.WriteLine($"// sample: {_withPictures.Length / 1024} KB with pictures, {_textOnly.Length / 1024} KB text only, " +
                          $"{check.Body.Text.Length} characters, {check.Images.Sum(i => i.Content.Length) / 1024} KB of photos");
    }

    [Benchmark(Baseline = true, Description = "Docx 30 pages + 10 photos")]
    public DocxImport ImportWithPictures() => _importer.Import(_withPictures);

    [Benchmark(Description = "Docx 30 pages, text only")]
    public DocxImport ImportTextOnly() => _importer.Import(_textOnly);
}
