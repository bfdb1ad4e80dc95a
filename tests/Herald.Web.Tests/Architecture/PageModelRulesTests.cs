using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Herald.Web.Tests.Architecture;

/// <summary>
/// docs/architecture.md：页面用类型化的页面模型渲染（<c>Pages.Render(model)</c>），不用匿名对象。匿名对象的属性名拼错或
/// 页面没有这个参数时编译器不报错，到运行时才 500。接受匿名对象的 <c>Pages.Render&lt;T&gt;(object)</c> 已删除；这里防的是绕过它直接
/// <c>new RazorComponentResult&lt;T&gt;(匿名对象)</c>。
/// </summary>
public sealed class PageModelRulesTests
{
    private static IReadOnlyList<string> UntypedRenders(Type inAssemblyOf)
    {
        using var module = ModuleDefinition.ReadModule(inAssemblyOf.Assembly.Location);
        return module.GetTypes()
            .SelectMany(t => t.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions).Select(i => (Type: t, Instruction: i)))
            .Select(x => (x.Type, Page: RenderedUntyped(x.Instruction)))
            .Where(x => x.Page is not null)
            .Select(x => $"{TypeDependencies.Outermost(x.Type).FullName} → {x.Page}")
            .Distinct().Order().ToList();
    }

    [Fact]
    public void Pages_AreRenderedWithTypedModelsOnly()
    {
        UntypedRenders(typeof(Program)).ShouldBeEmpty();
    }

    [Fact]
    public void RenderedUntyped_AnonymousRazorComponentResult_FindsThePage()
    {
        // 规则本身的检查：测试程序集里的样例确实被认出来（否则上面的测试什么也不查）。
        UntypedRenders(typeof(PageModelRulesTests)).ShouldContain($"{typeof(PageModelRulesTests).FullName} → ErrorPage");
    }

    /// <summary>规则要认出的写法（只供上面的检查读取，从不执行）。</summary>
    private static class UntypedRenderSample
    {
        public static object Render() =>
            new Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<Herald.Web.Components.Shared.ErrorPage>(new { Title = "" });
    }

    /// <summary>调用 <c>new RazorComponentResult&lt;T&gt;(object)</c>（或任何名为 Pages.Render、参数为 object 的方法）时返回页面名。</summary>
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
