using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Herald.Web.Infrastructure;
using Herald.Web.Infrastructure.Documents;
using Herald.Web.Infrastructure.Web;
using Microsoft.Extensions.Options;
using static Herald.Web.Tests.Documents.TestDocx;

namespace Herald.Web.Tests.Documents;

/// <summary>Seeded mutations of real documents: every outcome is an import or an AppException, never a server error.</summary>
public sealed partial class DocxImporterFuzzTests
{
    private static readonly string[] Parts = ["word/document.xml", "word/styles.xml", "word/numbering.xml"];
    private static readonly string[] Junk = ["", "-1", "0", "99999999999", "abc", "restart", "continue", "true", "nil", "rId999", "%1%2%9"];

    [GeneratedRegex("(w:val|r:embed|r:id|w:styleId|w:numId|w:ilvl)=\"[^\"]*\"")]
    private static partial Regex Attribute();

    [GeneratedRegex("<(w:[a-zA-Z]+)[ >/]")]
    private static partial Regex Element();

    private static byte[] RichDocument() => Build(d =>
    {
        d.AddNumbering();
        d.Add(
            Styled("Title", "标题"),
            Numbered(1, 0, "基本情况"),
            P(null, R("加粗", bold: true), R("倾斜", italic: true, characterStyle: "Strong")),
            d.Picture(TestImages.Png(20, 20), ImagePartType.Png),
            Styled("Caption", "图注"),
            Table(Row(Cell("甲", gridSpan: 2), Cell("乙", merge: MergedCellValues.Restart)), Row(Cell("丙"), Cell("丁"), Cell("", merge: MergedCellValues.Continue))),
            Numbered(3, 0, "要点"));
    });

    [Theory]
    [InlineData("fixture")]
    [InlineData("sdk")]
    public void Import_MutatedXml_OnlyImportsOrAppExceptions(string source)
    {
        var original = source == "fixture"
            ? File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "libreoffice-manuscript.docx"))
            : RichDocument();
        var importer = new DocxImporter(Options.Create(new HeraldOptions()));
        var random = new Random(20261120);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < 150; i++)
        {
            var part = Parts[random.Next(source == "fixture" ? 2 : 3)];
            var mutated = TestDocx.Rewrite(original, (name, content) => name == part ? Mutate(content, random) : content);
            var outcome = Outcome(() => importer.Import(mutated));
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        outcomes.Keys.ShouldBeSubsetOf(["imported", "Docx.Malformed"]);
        // Junk values and misplaced elements are tolerated; only cut-short XML must be refused.
        outcomes.GetValueOrDefault("imported").ShouldBeGreaterThan(60);
    }

    [Fact]
    public void Import_FlippedBytes_OnlyImportsOrAppExceptions()
    {
        var original = RichDocument();
        var importer = new DocxImporter(Options.Create(new HeraldOptions()));
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var mutated = (byte[])original.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--) mutated[random.Next(mutated.Length)] ^= (byte)random.Next(1, 256);
            Outcome(() => importer.Import(mutated)).ShouldBeOneOf("imported", "Docx.Malformed", "Docx.NotDocx", "Docx.ZipBomb", "Docx.TooManyEntries");
        }
    }

    private static string Outcome(Action import)
    {
        try
        {
            import();
            return "imported";
        }
        catch (AppException ex)
        {
            return ex.Code;
        }
    }

    private static byte[] Mutate(byte[] content, Random random)
    {
        var xml = Encoding.UTF8.GetString(content);
        switch (random.Next(3))
        {
            case 0:
            {
                // Replace attribute values with junk.
                var matches = Attribute().Matches(xml);
                for (var n = random.Next(1, 6); n > 0 && matches.Count > 0; n--)
                {
                    var match = matches[random.Next(matches.Count)];
                    var name = match.Value[..match.Value.IndexOf('=')];
                    xml = xml[..match.Index] + $"{name}=\"{Junk[random.Next(Junk.Length)]}\"" + xml[(match.Index + match.Length)..];
                    matches = Attribute().Matches(xml);
                }
                break;
            }
            case 1:
            {
                // Rename an element to another one seen in the part (wrong structure, still well-formed).
                var matches = Element().Matches(xml);
                if (matches.Count < 2) break;
                var from = matches[random.Next(matches.Count)].Groups[1].Value;
                var to = matches[random.Next(matches.Count)].Groups[1].Value;
                xml = xml.Replace("<" + from + " ", "<" + to + " ").Replace("<" + from + ">", "<" + to + ">")
                    .Replace("</" + from + ">", "</" + to + ">").Replace("<" + from + "/", "<" + to + "/");
                break;
            }
            default:
                // Cut the part short.
                xml = xml[..random.Next(xml.Length)];
                break;
        }
        return Encoding.UTF8.GetBytes(xml);
    }
}
