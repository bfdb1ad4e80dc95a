using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Herald.Web.Tests.Architecture;

/// <summary>
/// ADR 0017 与 ADR 0011：谁能看哪些单位只在 <c>Features/Common/UnitScope</c> 里算（功能和组件不直接取
/// <c>UserContext.ManuscriptUnits</c>、不调 <c>OrgTree.ScopeOf</c>）；功能捕获 <c>DbException</c>，不引用 <c>Microsoft.Data.Sqlite</c>。
/// </summary>
public sealed class UnitScopeRulesTests
{
    private static readonly string[] ScopeComputations =
    [
        "Herald.Web.Infrastructure.Auth.UserContext::get_ManuscriptUnits",
        "Herald.Domain.Organization.OrgTree::ScopeOf",
        "Herald.Domain.Organization.OrgTree::ManuscriptUnits",
    ];

    private static readonly Lazy<ModuleDefinition> Web = new(() => ModuleDefinition.ReadModule(typeof(Program).Assembly.Location));

    [Fact]
    public void UnitScope_IsTheOnlyFeatureCodeThatComputesVisibleUnits()
    {
        var offending = FeaturesAndComponents()
            .Where(t => TypeDependencies.Outermost(t).FullName != "Herald.Web.Features.Common.UnitScope")
            .SelectMany(t => t.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions)
                .Select(i => i.Operand).OfType<MethodReference>()
                .Select(m => $"{m.DeclaringType.FullName}::{m.Name}")
                .Where(ScopeComputations.Contains)
                .Select(call => $"{TypeDependencies.Outermost(t).FullName} → {call}"))
            .Distinct().Order().ToList();

        offending.ShouldBeEmpty();
    }

    [Fact]
    public void UnitScope_UsesTheScopeComputationsItself()
    {
        // 规则本身的检查：UnitScope 自己确实用这些方法（否则上面的测试找的是不存在的名字）。
        var unitScope = Web.Value.GetType("Herald.Web.Features.Common.UnitScope");
        unitScope.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions)
            .Select(i => i.Operand).OfType<MethodReference>().Select(m => $"{m.DeclaringType.FullName}::{m.Name}")
            .Where(ScopeComputations.Contains).Distinct().Count().ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void FeaturesAndComponents_DoNotReferenceTheAdoNetProviders()
    {
        ProviderReferences(FeaturesAndComponents()).ShouldBeEmpty();
        // 规则本身的检查：Infrastructure/Data/DbErrors 判断唯一约束冲突时用到 SqliteException 和 PostgresException，应被认出来。
        var dbErrors = ProviderReferences([Web.Value.GetType("Herald.Web.Infrastructure.Data.DbErrors")]);
        dbErrors.ShouldContain(r => r.Contains("Microsoft.Data.Sqlite.SqliteException", StringComparison.Ordinal));
        dbErrors.ShouldContain(r => r.Contains("Npgsql.PostgresException", StringComparison.Ordinal));
    }

    // The ADO.NET drivers themselves (Microsoft.Data.Sqlite, Npgsql); the EF provider packages' extension methods
    // (IsSqlite/IsNpgsql) are allowed, they choose a seam, they do not tie a feature to one engine's exceptions.
    private static List<string> ProviderReferences(IEnumerable<TypeDefinition> types) =>
        types.SelectMany(t => TypeDependencies.ReferencedTypes(t).SelectMany(TypeDependencies.Expand)
                .Where(r => r.Scope.Name.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal) || r.Scope.Name == "Npgsql")
                .Select(r => $"{TypeDependencies.Outermost(t).FullName} → {r.FullName}"))
            .Distinct().Order().ToList();

    private static IEnumerable<TypeDefinition> FeaturesAndComponents() =>
        Web.Value.GetTypes().Where(t => TypeDependencies.Outermost(t).Namespace is var ns
            && (ns.StartsWith("Herald.Web.Features", StringComparison.Ordinal) || ns.StartsWith("Herald.Web.Components", StringComparison.Ordinal)));
}
