using System.Reflection;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Herald.Web.Tests.Architecture;

/// <summary>
/// ADR 0001 与 docs/architecture.md：组件从端点拿到模型，不查库（不注入 DbContext，也不注入会查库的处理器）；
/// 处理器接收端点解析好的类型化命令，不接收 HttpRequest / HttpContext。
/// </summary>
public sealed class ComponentAndHandlerRulesTests
{
    private static readonly Type[] WebTypes = typeof(Program).Assembly.GetTypes();

    [Fact]
    public void Components_InjectNeitherTheDbContextNorAQueryingService()
    {
        var offending = WebTypes
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null && QueriesTheDatabase(p.PropertyType))
                .Select(p => $"{t.FullName}.{p.Name} : {p.PropertyType.Name}"))
            .Order().ToList();

        offending.ShouldBeEmpty();
    }

    [Fact]
    public void Handlers_TakeNoHttpRequestOrHttpContext()
    {
        var offending = WebTypes
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace?.StartsWith("Herald.Web.Features.", StringComparison.Ordinal) == true)
            .Where(IsHandler)
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
                .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(HttpRequest) || p.ParameterType == typeof(HttpContext)))
                .Select(m => $"{t.FullName}.{m.Name}"))
            .Order().ToList();

        offending.ShouldBeEmpty();
    }

    [Fact]
    public void QueriesTheDatabase_HandlerOverTheDbContext_True()
    {
        // 规则本身的检查：一个真实的处理器应被识别为查库的服务，页面框架数据不是。
        QueriesTheDatabase(typeof(Herald.Web.Features.Manuscripts.GetManuscript)).ShouldBeTrue();
        QueriesTheDatabase(typeof(Herald.Web.Features.Shell.ShellContext)).ShouldBeFalse();
    }

    [Fact]
    public void PageModels_MatchTheModelParameterOfTheirPage()
    {
        var offending = WebTypes
            .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IPageModel<>))
                .Select(i => (Model: t, Page: i.GetGenericArguments()[0])))
            .Where(x => x.Page.GetProperty("Model") is not { } p || p.GetCustomAttribute<ParameterAttribute>() is null
                        || !p.PropertyType.IsAssignableFrom(x.Model))
            .Select(x => $"{x.Model.FullName} → {x.Page.FullName}")
            .ToList();

        offending.ShouldBeEmpty();
        WebTypes.Count(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IPageModel<>)))
            .ShouldBeGreaterThan(0);
    }

    /// <summary>处理器：功能里由容器创建、构造函数接收 DbContext 的类（页面框架的加载器除外，它本来就读请求）。</summary>
    private static bool IsHandler(Type type) =>
        QueriesTheDatabase(type) && !typeof(IPageChromeLoader).IsAssignableFrom(type);

    private static bool QueriesTheDatabase(Type type) =>
        type == typeof(HeraldDbContext)
        || type.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(HeraldDbContext)));
}
