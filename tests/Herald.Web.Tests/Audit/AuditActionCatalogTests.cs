using System.Text.RegularExpressions;
using Herald.Web.Features.Audit;

namespace Herald.Web.Tests.Audit;

/// <summary>
/// 审计日志不显示代码：源代码里写下的每一种审计动作都在 <see cref="AuditActions"/> 的目录里（筛选下拉框），
/// 并在中英文资源里有名称。失败时：把代码加进 AuditActions.Areas，用 scripts/i18n-add.py 加 Audit.Action.{代码}。
/// </summary>
public sealed partial class AuditActionCatalogTests
{
    [Fact]
    public void Catalog_EveryActionWrittenInTheSource_IsListed()
    {
        var written = SourceFiles()
            .SelectMany(f => AuditCall().Matches(File.ReadAllText(f)))
            .SelectMany(call => ActionLiteral().Matches(call.Value).Select(m => m.Groups["code"].Value))
            .Where(c => !c.EndsWith('.'))
            .ToHashSet();

        written.Count.ShouldBeGreaterThan(40, "the scan found the audit calls");
        written.Except(AuditActions.All).Order().ShouldBeEmpty("audit actions missing from AuditActions.Areas");
    }

    [Theory]
    [InlineData("Text.resx")]
    [InlineData("Text.en-US.resx")]
    public void Catalog_EveryAction_HasANameInBothLanguages(string file)
    {
        var resx = File.ReadAllText(Path.Combine(Root(), "src", "Herald.Web", "Resources", file));

        AuditActions.All.Where(code => !resx.Contains($"name=\"Audit.Action.{code}\"", StringComparison.Ordinal)).ShouldBeEmpty();
        AuditActions.Areas.Where(a => !resx.Contains($"name=\"Audit.Area.{a.Key}\"", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root(), "src", "Herald.Web"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Herald.slnx"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }

    // audit.Add(…)、AuditEntry.Create(…) 的调用，以及先算出动作代码的 var action = …（到分号为止）。
    [GeneratedRegex(@"(?:audit\.Add\(|AuditEntry\.Create\(|var action = )[^;]*;")]
    private static partial Regex AuditCall();

    // 调用里的小写、带点的字符串字面量（"signin.success"、"manuscript." + decision 的前缀另行排除）。
    [GeneratedRegex(@"(?<![$@])""(?<code>[a-z_]+(?:\.[a-z_\-]+)+\.?)""")]
    private static partial Regex ActionLiteral();
}
