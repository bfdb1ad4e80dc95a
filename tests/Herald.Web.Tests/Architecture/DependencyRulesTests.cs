using Mono.Cecil;

namespace Herald.Web.Tests.Architecture;

/// <summary>
/// docs/architecture.md 的规则：Domain 不引用 EF 与 ASP.NET；Infrastructure 与内核（Features/Common）不依赖任何功能；
/// 功能之间只能沿下面登记过的方向依赖（无环），且只用对方公开（public）的类型；组件只从 Shell 取页面框架数据。
/// 新的功能间依赖要在 <see cref="AllowedFeatureEdges"/> 里登记并说明理由。
/// </summary>
public sealed class DependencyRulesTests
{
    /// <summary>功能 → 它可以使用的功能（对方的公开查询、DTO 或扩展点）。</summary>
    private static readonly Dictionary<string, string[]> AllowedFeatureEdges = new()
    {
        // 稿件是核心聚合：审核、采编用稿在它之上，通过详情页扩展点 IManuscriptDetailSection 把面板放到详情页。
        ["Manuscripts"] = ["Notifications", "Writing"],
        // 审改页与报送页一样先做文字检查（Writing 的 CheckText 与 TextCheckPanel）。
        ["Reviews"] = ["Manuscripts", "Keywords", "Notifications", "Writing"],
        ["Publishing"] = ["Manuscripts", "Notifications"],
        // 首页（工作台）：待办来自各模块登记的 IWaitingWorkSource（内核）；我的稿件、通知、时期数字（统计报表的 BuildPeriodReport）用对方的公开查询。
        ["Home"] = ["Manuscripts", "Notifications", "Reports"],
        ["Shell"] = ["Reviews", "Correspondents"],
        ["Correspondents"] = ["Organization"],
        ["Reports"] = ["Scoring"],
        ["Bulletins"] = ["Reports"],
        // 可配置的选项表（舆情类别、平台）：立案表单和信息筛选用 OptionLists 的公开查询 OptionChoices。
        ["OpinionIntake"] = ["Keywords", "OptionLists"],
        // 报送前的文字检查：稿件表单调用 Writing 的公开处理器 CheckText 并显示其 TextCheckPanel；Writing 用关键词引擎（敏感词、规范表述）。
        ["Writing"] = ["Keywords"],
        ["OpinionCases"] = ["Notifications", "OptionLists"],
        ["Demo"] = ["OpinionIntake", "OpinionCases"],
    };

    private static readonly Lazy<(IReadOnlyList<(TypeDefinition From, TypeDefinition To)> Edges, ModuleDefinition Module)> Graph = new(() =>
    {
        var edges = TypeDependencies.WebReferences(out var module);
        return (edges, module);
    });

    [Fact]
    public void Domain_ReferencesNeitherEntityFrameworkNorAspNet()
    {
        using var domain = ModuleDefinition.ReadModule(typeof(Herald.Domain.Common.DomainException).Assembly.Location);

        TypeDependencies.ExternalScopes(domain)
            .Where(s => s.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                        || s.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                        || s.StartsWith("Microsoft.Data", StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    [Fact]
    public void InfrastructureAndKernel_DependOnNoFeature()
    {
        var offending = Graph.Value.Edges
            .Where(e => TypeDependencies.LayerOf(e.From) is "Infrastructure" or TypeDependencies.Kernel)
            .Where(e => TypeDependencies.IsFeature(TypeDependencies.LayerOf(e.To)) || TypeDependencies.LayerOf(e.To) == TypeDependencies.Composition)
            .Select(Describe).Distinct().Order().ToList();

        offending.ShouldBeEmpty();
    }

    [Fact]
    public void Components_UseOnlyTheShellFeature()
    {
        var offending = Graph.Value.Edges
            .Where(e => TypeDependencies.LayerOf(e.From) == "Components")
            .Where(e => TypeDependencies.IsFeature(TypeDependencies.LayerOf(e.To)) && TypeDependencies.LayerOf(e.To) != "Shell")
            .Select(Describe).Distinct().Order().ToList();

        offending.ShouldBeEmpty();
    }

    [Fact]
    public void Features_DependOnOtherFeaturesOnlyAlongRegisteredEdges()
    {
        var offending = FeatureEdges()
            .Where(e => !AllowedFeatureEdges.GetValueOrDefault(TypeDependencies.LayerOf(e.From), []).Contains(TypeDependencies.LayerOf(e.To)))
            .Select(Describe).Distinct().Order().ToList();

        offending.ShouldBeEmpty();
    }

    [Fact]
    public void RegisteredFeatureEdges_AreAllInUse()
    {
        var used = FeatureEdges().Select(e => (TypeDependencies.LayerOf(e.From), TypeDependencies.LayerOf(e.To))).ToHashSet();

        AllowedFeatureEdges.SelectMany(kv => kv.Value.Select(to => (kv.Key, to))).Where(e => !used.Contains(e)).ShouldBeEmpty();
    }

    [Fact]
    public void Features_UseOnlyPublicTypesOfOtherFeatures()
    {
        var offending = FeatureEdges().Where(e => !e.To.IsPublic).Select(Describe).Distinct().Order().ToList();

        offending.ShouldBeEmpty();
    }

    [Fact]
    public void RegisteredFeatureEdges_FormNoCycle()
    {
        var visiting = new HashSet<string>();
        var done = new HashSet<string>();
        var path = new List<string>();

        bool Cycle(string feature)
        {
            if (done.Contains(feature)) return false;
            if (!visiting.Add(feature)) return true;
            path.Add(feature);
            foreach (var next in AllowedFeatureEdges.GetValueOrDefault(feature, []))
                if (Cycle(next)) return true;
            path.RemoveAt(path.Count - 1);
            visiting.Remove(feature);
            done.Add(feature);
            return false;
        }

        foreach (var feature in AllowedFeatureEdges.Keys)
            if (Cycle(feature)) throw new Xunit.Sdk.XunitException("Cycle: " + string.Join(" → ", path));
    }

    [Fact]
    public void EveryFeatureFolder_HasOneModuleRegisteredInHeraldModules()
    {
        var modules = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Herald.Web.Features.Common.IModule).IsAssignableFrom(t)).ToList();
        var features = typeof(Program).Assembly.GetTypes()
            .Select(t => t.Namespace ?? "").Where(n => n.StartsWith("Herald.Web.Features.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[3]).Where(f => f != TypeDependencies.Kernel).Distinct().Order().ToList();

        modules.Select(m => m.Namespace!.Split('.')[3]).Order().ShouldBe(features);
        Herald.Web.Features.HeraldModules.All.Select(m => m.GetType()).ShouldBe(modules, ignoreOrder: true);
    }

    private static IEnumerable<(TypeDefinition From, TypeDefinition To)> FeatureEdges() =>
        Graph.Value.Edges.Where(e =>
        {
            var from = TypeDependencies.LayerOf(e.From);
            var to = TypeDependencies.LayerOf(e.To);
            return from != to && TypeDependencies.IsFeature(from) && TypeDependencies.IsFeature(to);
        });

    private static string Describe((TypeDefinition From, TypeDefinition To) e) => $"{e.From.FullName} → {e.To.FullName}";
}
