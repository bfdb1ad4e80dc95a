using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Herald.Web.Tests.Architecture;

/// <summary>
/// docs/architecture.md：页面用类型化的页面模型渲染（<c>Pages.Render(model)</c>），不用匿名对象。匿名对象的属性名拼错或
/// 页面没有这个参数时编译器不报错，到运行时才 500。名单里只剩 Reviews、Publishing 正在重写的页面，只许减少。
/// </summary>
public sealed class PageModelRulesTests
{
    /// <summary>还在用匿名对象的渲染（调用方 → 页面）。页面改成页面模型后把这一行删掉。</summary>
    private static readonly string[] AnonymousRendersStillAllowed =
    [
        "Herald.Web.Features.Publishing.AdoptionEndpoints → AdoptionsPage",
        "Herald.Web.Features.Publishing.ChannelEndpoints → ChannelsPage",
        "Herald.Web.Features.Publishing.OutletEndpoints → OutletsPage",
    ];

    private static readonly Lazy<IReadOnlyList<string>> UntypedRenders = new(() =>
    {
        using var module = ModuleDefinition.ReadModule(typeof(Program).Assembly.Location);
        return module.GetTypes()
            .SelectMany(t => t.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions).Select(i => (Type: t, Instruction: i)))
            .Select(x => (x.Type, Page: RenderedUntyped(x.Instruction)))
            .Where(x => x.Page is not null)
            .Select(x => $"{TypeDependencies.Outermost(x.Type).FullName} → {x.Page}")
            .Distinct().Order().ToList();
    });

    [Fact]
    public void Pages_AreRenderedWithTypedModelsOnly()
    {
        UntypedRenders.Value.Except(AnonymousRendersStillAllowed).ShouldBeEmpty();
    }

    [Fact]
    public void AnonymousRendersStillAllowed_AreAllStillThere()
    {
        // 名单只减不增：已经改好的页面要从名单里删掉，免得以后又被允许退回匿名对象。
        AnonymousRendersStillAllowed.Except(UntypedRenders.Value).ShouldBeEmpty();
    }

    [Fact]
    public void RenderedUntyped_ObjectOverloadOfPagesRender_FindsThePage()
    {
        // 规则本身的检查：名单里的调用确实被认出来（否则上面两条测试什么也不查）。
        UntypedRenders.Value.ShouldContain("Herald.Web.Features.Publishing.OutletEndpoints → OutletsPage");
    }

    /// <summary>调用 <c>Pages.Render&lt;T&gt;(object, int)</c> 或 <c>new RazorComponentResult&lt;T&gt;(object)</c> 时返回页面名。</summary>
    private static string? RenderedUntyped(Instruction instruction)
    {
        if (instruction.OpCode != OpCodes.Call && instruction.OpCode != OpCodes.Newobj) return null;
        if (instruction.Operand is not MethodReference { Parameters: [{ ParameterType.FullName: "System.Object" }, ..] } method) return null;
        var page = method switch
        {
            GenericInstanceMethod { Name: "Render", DeclaringType.FullName: "Herald.Web.Infrastructure.Web.Pages" } render => render.GenericArguments[0],
            { Name: ".ctor", DeclaringType: GenericInstanceType { ElementType.Name: "RazorComponentResult`1" } result } => result.GenericArguments[0],
            _ => null,
        };
        // Pages.Render<T>(object) 自己把参数交给 RazorComponentResult<T>：那里的 T 是泛型参数，调用方在别处已经算过。
        return page is null or GenericParameter ? null : page.Name;
    }
}
