using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Herald.Web.Tests.Architecture;

/// <summary>
/// 从编译好的程序集里读出每个类型用到的其他类型（签名、特性、方法体里的调用与字段），包括 lambda、async 状态机、
/// Razor 组件生成的类。按命名空间归到"层"：Domain、Infrastructure、Components、内核（Features.Common）、各功能。
/// </summary>
internal static class TypeDependencies
{
    public const string Kernel = "Common";
    public const string Composition = "(Features)";

    /// <summary>Herald.Web 里每个类型所在的层与它引用的 Herald.Web 类型（按顶层类型归并）。</summary>
    public static IReadOnlyList<(TypeDefinition From, TypeDefinition To)> WebReferences(out ModuleDefinition module)
    {
        module = ModuleDefinition.ReadModule(typeof(Program).Assembly.Location);
        var edges = new HashSet<(TypeDefinition, TypeDefinition)>();
        foreach (var type in module.GetTypes())
        {
            var from = Outermost(type);
            foreach (var reference in ReferencedTypes(type).SelectMany(Expand))
            {
                var target = reference as TypeDefinition ?? (reference.Scope == module ? reference.Resolve() : null);
                if (target is null || target.Module != module) continue;
                var to = Outermost(target);
                if (to != from) edges.Add((from, to));
            }
        }
        return edges.ToList();
    }

    /// <summary>层名：Features.X 为功能 X（内核为 Common），否则为 Infrastructure、Components 等。</summary>
    public static string LayerOf(TypeDefinition type)
    {
        var ns = Outermost(type).Namespace;
        const string features = "Herald.Web.Features";
        if (ns == features) return Composition;
        if (ns.StartsWith(features + ".", StringComparison.Ordinal)) return ns[(features.Length + 1)..].Split('.')[0];
        if (ns.StartsWith("Herald.Web.", StringComparison.Ordinal)) return ns["Herald.Web.".Length..].Split('.')[0];
        return ns.Length == 0 ? "(global)" : ns;
    }

    public static bool IsFeature(string layer) =>
        layer is not (Kernel or Composition or "Infrastructure" or "Components" or "Resources" or "(global)") && !layer.Contains('.');

    /// <summary>程序集引用的外部类型（用于检查 Domain 不引用 EF 与 ASP.NET）。</summary>
    public static IEnumerable<string> ExternalScopes(ModuleDefinition module) =>
        module.AssemblyReferences.Select(a => a.Name)
            .Concat(module.GetTypeReferences().Select(t => t.Scope.Name))
            .Distinct();

    public static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    /// <summary>一个类型用到的类型（签名、特性、方法体里的调用、字段与 catch 的异常类型），未展开泛型。</summary>
    public static IEnumerable<TypeReference> ReferencedTypes(TypeDefinition type)
    {
        if (type.BaseType is not null) yield return type.BaseType;
        foreach (var i in type.Interfaces) yield return i.InterfaceType;
        foreach (var a in type.CustomAttributes) yield return a.AttributeType;
        foreach (var f in type.Fields) yield return f.FieldType;
        foreach (var p in type.Properties)
        {
            yield return p.PropertyType;
            foreach (var a in p.CustomAttributes) yield return a.AttributeType;
        }
        foreach (var m in type.Methods)
        {
            yield return m.ReturnType;
            foreach (var p in m.Parameters) yield return p.ParameterType;
            foreach (var a in m.CustomAttributes) yield return a.AttributeType;
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) yield return v.VariableType;
            foreach (var h in m.Body.ExceptionHandlers)
                if (h.CatchType is not null) yield return h.CatchType;
            foreach (var instruction in m.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        yield return t;
                        break;
                    case MethodReference method:
                        yield return method.DeclaringType;
                        yield return method.ReturnType;
                        foreach (var p in method.Parameters) yield return p.ParameterType;
                        if (method is GenericInstanceMethod generic)
                            foreach (var g in generic.GenericArguments) yield return g;
                        break;
                    case FieldReference field:
                        yield return field.DeclaringType;
                        yield return field.FieldType;
                        break;
                }
            }
        }
    }

    /// <summary>类型引用展开：数组、泛型实参（List&lt;X&gt; 也算用到 X）。</summary>
    public static IEnumerable<TypeReference> Expand(TypeReference reference)
    {
        switch (reference)
        {
            case GenericInstanceType generic:
                yield return generic.ElementType;
                foreach (var argument in generic.GenericArguments)
                    foreach (var inner in Expand(argument)) yield return inner;
                break;
            case TypeSpecification spec:
                foreach (var inner in Expand(spec.ElementType)) yield return inner;
                break;
            case GenericParameter:
                break;
            default:
                yield return reference;
                break;
        }
    }
}
