using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Web.Tests.Api;

/// <summary>
/// docs/api-parity.md 的对照表与运行中的路由一致：每个页面操作都在表中，表中的 API 操作存在、在 OpenAPI 文档里，
/// 并与页面使用同一个处理器。新加一个页面操作而不给 API（也不在表中说明），这里就失败。
/// </summary>
public sealed partial class ApiParityTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    /// <summary>允许没有 API 的页面操作；新增例外要改这里并在文档里写明原因。</summary>
    private static readonly HashSet<string> Exempt =
    [
        "POST /signout",
        "POST /manuscripts/form/refresh",
        "GET /uploads/{id}",
    ];

    private sealed record Row(string PageAction, string? ApiAction, string? Handler, bool SameEndpoint, string Note);

    private sealed record Route(string Action, RouteEndpoint Endpoint)
    {
        public IReadOnlyList<Type> Parameters =>
            Endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters().Select(p => p.ParameterType).ToList() ?? [];
    }

    [Fact]
    public void Table_ListsEveryPageActionAndNothingElse()
    {
        var rows = Table();
        var pageActions = Routes().Where(r => IsPageAction(r)).Select(r => r.Action).ToHashSet();

        pageActions.Except(rows.Select(r => r.PageAction)).ShouldBeEmpty(
            "page actions missing from docs/api-parity.md: give each an /api/v1 operation that calls the same handler and add a row " +
            "(page action | API operation | handler | note), or argue an exemption in the note and in Exempt here");
        rows.Select(r => r.PageAction).Except(pageActions).ShouldBeEmpty("rows in docs/api-parity.md for page actions that no longer exist");
        rows.GroupBy(r => r.PageAction).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("duplicate rows");
    }

    [Fact]
    public async Task MappedOperations_ExistInOpenApiAndShareThePageHandler()
    {
        var routes = Routes().ToDictionary(r => r.Action);
        var paths = (await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync()).GetProperty("paths");
        var problems = new List<string>();

        foreach (var row in Table().Where(r => r.ApiAction is not null))
        {
            if (!routes.TryGetValue(row.ApiAction!, out var api))
            {
                problems.Add($"{row.PageAction}: {row.ApiAction} is not mapped");
                continue;
            }
            var (method, path) = Split(row.ApiAction!);
            if (!Documented(paths, path, method)) problems.Add($"{row.ApiAction} is not in the OpenAPI document with a summary");
            var page = routes[row.PageAction];
            if (row.Handler is null) problems.Add($"{row.PageAction}: no handler named");
            else if (!Uses(page, row.Handler) || !Uses(api, row.Handler))
                problems.Add($"{row.PageAction} and {row.ApiAction} do not both use {row.Handler}");
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void SameEndpointDownloads_AcceptApiTokens()
    {
        var routes = Routes().ToDictionary(r => r.Action);

        foreach (var row in Table().Where(r => r.SameEndpoint))
        {
            var policies = routes[row.PageAction].Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy);
            policies.ShouldContain(AuthSchemes.FilesPolicy, $"{row.PageAction} is marked 同一端点 but does not accept API tokens");
        }
    }

    [Fact]
    public void Exemptions_OnlyTheAllowedOnesEachWithAReason()
    {
        var exempt = Table().Where(r => r.ApiAction is null && !r.SameEndpoint).ToList();

        exempt.Select(r => r.PageAction).ShouldBe(Exempt, ignoreOrder: true);
        exempt.ShouldAllBe(r => r.Note.Length > 0);
    }

    private IReadOnlyList<Route> Routes()
    {
        factory.CreateClient().Dispose();
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => new Route($"{m} {Normalize(e.RoutePattern.RawText)}", e)))
            .ToList();
    }

    /// <summary>页面上的表单提交，以及返回文件的页面 GET（读文件库、带扩展名、导出、模板）。</summary>
    private static bool IsPageAction(Route route)
    {
        var (method, path) = Split(route.Action);
        if (path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/openapi/", StringComparison.Ordinal)) return false;
        if (method == "POST") return true;
        if (method != "GET") return false;
        var last = path[(path.LastIndexOf('/') + 1)..];
        return route.Parameters.Any(t => t.Name == "FileStore") || (last.Contains('.') && !last.StartsWith('{')) || last is "export" or "template";
    }

    private static bool Uses(Route route, string handler) => route.Parameters.Any(t => t.Name == handler);

    private static bool Documented(JsonElement paths, string path, string method)
    {
        var candidates = paths.EnumerateObject().Where(p => p.Name.TrimEnd('/') == path);
        return candidates.Any(p => p.Value.TryGetProperty(method.ToLowerInvariant(), out var op)
                                   && op.TryGetProperty("summary", out var summary) && summary.GetString() is { Length: > 0 });
    }

    private static (string Method, string Path) Split(string action)
    {
        var space = action.IndexOf(' ');
        return (action[..space], action[(space + 1)..]);
    }

    /// <summary>"/org/units/{id:long}/" → "/org/units/{id}"。</summary>
    private static string Normalize(string? pattern)
    {
        var path = Constraint().Replace(pattern ?? "", "}").TrimEnd('/');
        return path.StartsWith('/') ? path : "/" + path;
    }

    private static List<Row> Table()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "api-parity.md");
        var rows = new List<Row>();
        foreach (var line in File.ReadLines(file).Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            cells.Length.ShouldBe(4, line);
            var page = Action(Code().Match(cells[0]).Groups[1].Value);
            var api = Code().Match(cells[1]) is { Success: true } m ? Action(m.Groups[1].Value) : null;
            var handler = Code().Match(cells[2]) is { Success: true } h ? h.Groups[1].Value : null;
            var same = cells[1] == "同一端点";
            if (api is null && !same) cells[1].ShouldBe("—", line);
            rows.Add(new Row(page, api, handler, same, cells[3]));
        }
        rows.ShouldNotBeEmpty();
        return rows;
    }

    private static string Action(string text)
    {
        var (method, path) = Split(text);
        return $"{method} {Normalize(path)}";
    }

    [GeneratedRegex(@":[a-z]+(\(\d+\))?\}")]
    private static partial Regex Constraint();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
