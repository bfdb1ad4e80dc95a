using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Herald.Domain.Organization;
using Herald.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using Xunit.Abstractions;

namespace Herald.Web.Tests.Security;

/// <summary>
/// 授权矩阵（议题 9）：OpenAPI 文档里的每个操作与每个带参数的页面 GET 路由，× 另一单位（科技局里身兼所有业务角色的人）、
/// 系统管理员、安全管理员、审计管理员，参数换成示例街道里各类真实对象的编号。范围外一律 403 或 404，任何回答里都没有
/// 示例街道的内容（稿件、舆情、舆情事件的标题）；本单位的人确实看得到这些对象（所以 404 不是因为对象不存在）。
/// 新加的端点自动进入矩阵：参数认不出来时测试失败，要在 <see cref="Kinds"/> 里说明它指向哪类对象。
/// </summary>
public sealed partial class AuthorizationMatrixTests(AuthorizationMatrixTests.Org org, ITestOutputHelper output)
    : IClassFixture<AuthorizationMatrixTests.Org>
{
    public sealed class Org : HeraldFactory, IAsyncLifetime
    {
        public const string Outsider = "matrix.outsider";

        /// <summary>对象类别 → 示例街道里的一个对象编号（或键）。</summary>
        public Dictionary<string, string> Ids { get; } = new();

        /// <summary>只有示例街道范围内的人可以看到的文字。</summary>
        public List<string> Markers { get; } = new();

        public Org() => Settings["Herald:RateLimits:Enabled"] = "false";

        public async Task InitializeAsync()
        {
            await this.AddUserAsync(Outsider, "科技局全能", "示例县科学技术局", Role.Office, Role.UnitHead, Role.SupervisingLeader,
                Role.Principal, Role.Viewer, Role.Correspondent, Role.OpinionOfficer);
            var street = await UnitIdAsync("示例街道");
            await QueryAsync(async db =>
            {
                var tree = (await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToListAsync());
                var units = new HashSet<long> { street };
                for (var grew = true; grew;)
                {
                    grew = false;
                    foreach (var u in tree.Where(u => u.ParentId is { } p && units.Contains(p) && !units.Contains(u.Id))) grew = units.Add(u.Id);
                }
                var manuscript = await db.Manuscripts.Where(m => units.Contains(m.UnitId) && m.SubmittedAt != null).OrderBy(m => m.Id).FirstAsync();
                Ids["manuscripts"] = manuscript.Id.ToString();
                Markers.AddRange(await db.Manuscripts.Where(m => units.Contains(m.UnitId)).Select(m => m.Title).ToListAsync());
                Ids["adoptions"] = (await db.Adoptions.OrderBy(a => a.Id).FirstAsync()).Id.ToString();
                var item = await db.OpinionItems.Where(i => i.ReporterUnitId != null && units.Contains(i.ReporterUnitId.Value)).OrderBy(i => i.Id).FirstAsync();
                Ids["items"] = item.Id.ToString();
                Markers.AddRange(await db.OpinionItems.Where(i => i.ReporterUnitId != null && units.Contains(i.ReporterUnitId.Value)).Select(i => i.Title ?? "").ToListAsync());
                var shot = await db.OpinionItemAttachments.OrderBy(a => a.Id).FirstOrDefaultAsync();
                Ids["screenshots"] = (shot?.Id ?? 1).ToString();
                if (shot is not null) Ids["items"] = shot.ItemId.ToString();
                var kase = await db.OpinionCases.OrderBy(c => c.Id).FirstAsync();
                Ids["cases"] = kase.Id.ToString();
                Markers.AddRange(await db.OpinionCases.Select(c => c.Title).ToListAsync());
                Ids["correspondents"] = (await db.Correspondents.Where(c => units.Contains(c.UnitId)).OrderBy(c => c.Id).FirstAsync()).Id.ToString();
                Ids["channels"] = (await db.Channels.Where(c => units.Contains(c.UnitId)).OrderBy(c => c.Id).FirstAsync()).Id.ToString();
                Ids["units"] = street.ToString();
                Ids["users"] = (await db.Users.Where(u => u.UserName == "officer").SingleAsync()).Id.ToString();
                Ids["roles"] = (await db.RoleAssignments.Where(r => r.UserId == db.Users.Single(u => u.UserName == "officer").Id).FirstAsync()).Id.ToString();
                Ids["notifications"] = (await db.Notifications.OrderBy(n => n.Id).FirstAsync()).Id.ToString();
                Ids["outlets"] = (await db.Outlets.OrderBy(o => o.Id).FirstAsync()).Id.ToString();
                Ids["categories"] = (await db.Categories.OrderBy(c => c.Id).FirstAsync()).Id.ToString();
                Ids["option-lists"] = "opinion_category";
                return 0;
            });
            Markers.RemoveAll(m => m.Length < 6);
            await CreateOwnedObjectsAsync(street);
        }

        /// <summary>演示数据里没有的对象，由示例街道的宣传办建；建不成时用一个不存在的编号（仍须 404）。</summary>
        private async Task CreateOwnedObjectsAsync(long street)
        {
            using var office = await ApiClientAsync("office");
            Ids["bulletins"] = await CreatedIdAsync(office, "/api/v1/bulletins", new { year = 2026, quarter = 3, kind = "quarterly", rootUnitId = street });
            Ids["keyword-lists"] = await CreatedIdAsync(office, "/api/v1/keyword-lists", new { name = "矩阵词表", purpose = "monitoring", words = "讨薪" });
            Ids["intake-tokens"] = await CreatedIdAsync(office, "/api/v1/opinion/intake-tokens", new { vendor = "矩阵厂商" });
            Ids["feeds"] = await CreatedIdAsync(office, "/api/v1/opinion/feeds", new { name = "矩阵订阅", url = "https://feeds.example.invalid/rss" });
            Ids["tokens"] = await QueryAsync(db => db.ApiTokens.Where(t => t.UserId == db.Users.Single(u => u.UserName == "office").Id)
                .OrderBy(t => t.Id).Select(t => t.Id.ToString()).FirstAsync());
            await QueryAsync(async db =>
            {
                Ids["photos"] = (await db.ManuscriptAttachments.OrderBy(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync() ?? 999_999).ToString();
                Ids["uploads"] = (await db.StagedUploads.OrderBy(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync() ?? 999_999).ToString();
                Ids["files"] = (await db.OpinionCaseAttachments.OrderBy(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync() ?? 999_999).ToString();
                Ids["responses"] = (await db.OpinionResponses.OrderBy(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync() ?? 999_999).ToString();
                Ids["tasks"] = (await db.OpinionCaseTasks.OrderBy(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync() ?? 999_999).ToString();
                Ids["plans"] = (await db.EmergencyPlans.OrderBy(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync() ?? 999_999).ToString();
                Ids["role-requests"] = (await db.AdminRoleRequests.OrderBy(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync() ?? 999_999).ToString();
                return 0;
            });
        }

        private static async Task<string> CreatedIdAsync(HttpClient client, string path, object body)
        {
            var response = await client.PostAsJsonAsync(path, body);
            return response.IsSuccessStatusCode ? (await response.ReadJsonAsync()).GetProperty("id").GetInt64().ToString() : "999999";
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private sealed record Operation(string Method, string Template, string Source);

    private sealed record Answer(Operation Operation, string Actor, string Path, int Status, string? Leak);

    /// <summary>路径参数前的那一段 → 对象类别（示例街道里的对象，见 Org.Ids）。</summary>
    private static readonly Dictionary<string, string> Kinds = new()
    {
        ["manuscripts"] = "manuscripts", ["adoptions"] = "adoptions", ["items"] = "items", ["screenshots"] = "screenshots",
        ["cases"] = "cases", ["correspondents"] = "correspondents", ["channels"] = "channels", ["units"] = "units",
        ["users"] = "users", ["roles"] = "roles", ["notifications"] = "notifications", ["outlets"] = "outlets",
        ["categories"] = "categories", ["option-lists"] = "option-lists", ["bulletins"] = "bulletins",
        ["keyword-lists"] = "keyword-lists", ["keywords"] = "keyword-lists", ["tokens"] = "tokens", ["files"] = "files",
        ["responses"] = "responses", ["tasks"] = "tasks", ["plans"] = "plans", ["feeds"] = "feeds", ["intake-tokens"] = "intake-tokens",
        ["role-requests"] = "role-requests", ["photos"] = "photos", ["uploads"] = "uploads",
    };

    /// <summary>
    /// 属于示例街道（或其中某人）的对象：范围外的人与三员一律 403/404。
    /// 不在这里的类别：组织与账号（units、users、roles、role-requests）由系统/安全管理员管理，三员分立的规则另有测试，
    /// 这里只要求另一单位的人看不到（信息员备案同此：系统管理员关联账号时要用）；全局的目录与配置（outlets、categories、option-lists、keyword-lists、feeds、
    /// intake-tokens、plans）由各宣传办共用，不属于哪个单位——它们对范围外的人不设限，但回答里同样不能有任何内容。
    /// </summary>
    private static readonly HashSet<string> OwnedContent =
    [
        "manuscripts", "adoptions", "items", "screenshots", "cases", "channels", "notifications", "bulletins",
        "tokens", "files", "responses", "tasks", "photos", "uploads",
    ];

    /// <summary>组织、账号与信息员备案：另一单位的人一律 403/404（单位名录除外：各单位的名称与层级人人可查，报送时要选）。</summary>
    private static readonly HashSet<string> Organization = ["units", "users", "roles", "role-requests", "correspondents"];

    private static readonly string[] Actors = [Org.Outsider, "admin", "secadmin", "auditor"];

    [Fact]
    public async Task EveryOperation_OutsiderAndAdministrators_DeniedOnStreetObjectsAndNoContentLeaks()
    {
        var operations = await OperationsAsync();
        var unmapped = new List<string>();
        var problems = new List<string>();
        var count = 0;
        foreach (var actor in Actors)
        {
            using var session = await org.SignInAsync(actor);
            using var api = await org.ApiClientAsync(actor);
            foreach (var op in operations)
            {
                if (op.Source == "page" && op.Method != "GET") continue;   // 页面表单的 POST 与同一处理器的 API 操作一起检验（docs/api-parity.md）
                if (SelfOperations.Contains($"{op.Method} {op.Template}")) continue;
                var (path, kinds) = Resolve(op.Template, unmapped);
                if (path is null) continue;
                using var response = await SendWithFallbackAsync(op.Source == "api" ? api : session.Client, op.Method, path);
                var status = (int)response.StatusCode;
                count++;
                if (status >= 500) problems.Add($"{status} {actor} {op.Method} {path}");
                if (await LeakAsync(response) is { } leak) problems.Add($"LEAK {actor} {op.Method} {path}: {leak}");
                var mustDeny = kinds.Any(OwnedContent.Contains)
                               || (actor == Org.Outsider && kinds.Any(Organization.Contains) && !(op.Method == "GET" && kinds.All(k => k == "units")));
                if (!mustDeny || status is 403 or 404) continue;
                // 请求体不合格的 400 可以先于权限检查，只要它与对象是否存在无关（换成不存在的编号，回答一样）。
                if (status == 400 && op.Method != "GET")
                {
                    var (missing, _) = Resolve(op.Template, unmapped, "999999999");
                    using var probe = await SendWithFallbackAsync(op.Source == "api" ? api : session.Client, op.Method, missing!);
                    if (probe.StatusCode == HttpStatusCode.BadRequest) continue;
                }
                problems.Add($"{status} (want 403/404) {actor} {op.Method} {path}");
            }
        }
        foreach (var p in problems) output.WriteLine(p);

        unmapped.Distinct().ShouldBeEmpty("path parameters the matrix cannot resolve: add the segment to Kinds (and the object to Org.Ids)");
        count.ShouldBeGreaterThan(400, "the matrix ran");
        problems.ShouldBeEmpty();
    }

    /// <summary>对照：示例街道的人确实看得到这些对象（所以范围外的 404 不是因为对象不存在）。</summary>
    [Theory]
    [InlineData("office", "/api/v1/manuscripts/{manuscripts}")]
    [InlineData("office", "/api/v1/opinion/items/{items}")]
    [InlineData("office", "/api/v1/opinion/cases/{cases}")]
    [InlineData("office", "/api/v1/correspondents/{correspondents}")]
    [InlineData("office", "/api/v1/bulletins/{bulletins}")]
    [InlineData("office", "/manuscripts/{manuscripts}")]
    [InlineData("office", "/opinion/cases/{cases}")]
    [InlineData("admin", "/api/v1/users/{users}")]
    [InlineData("admin", "/api/v1/units/{units}")]
    public async Task StreetInsider_SameObjects_Visible(string actor, string template)
    {
        var path = org.Ids.Aggregate(template, (p, kv) => p.Replace("{" + kv.Key + "}", kv.Value, StringComparison.Ordinal));
        using var client = template.StartsWith("/api/", StringComparison.Ordinal) ? await org.ApiClientAsync(actor) : (await org.SignInAsync(actor)).Client;

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
    }

    /// <summary>作用于调用者自己的操作（取令牌、撤销当前令牌）：没有"别人的对象"可言，撤销还会让后面的调用失去令牌。</summary>
    private static readonly HashSet<string> SelfOperations = ["POST /api/v1/auth/token", "DELETE /api/v1/auth/token"];

    /// <summary>JSON 的 {}，或（端点只收表单时）一个空的 multipart 表单。</summary>
    private static async Task<HttpResponseMessage> SendWithFallbackAsync(HttpClient client, string method, string path)
    {
        var response = await SendAsync(client, method, path, json: true);
        if (response.StatusCode != HttpStatusCode.UnsupportedMediaType) return response;
        response.Dispose();
        return await SendAsync(client, method, path, json: false);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, bool json)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
            request.Content = json ? new StringContent("{}", Encoding.UTF8, "application/json") : new MultipartFormDataContent { { new StringContent("x"), "x" } };
        return client.SendAsync(request);
    }

    private async Task<IReadOnlyList<Operation>> OperationsAsync()
    {
        var ops = new List<Operation>();
        var paths = (await (await org.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync()).GetProperty("paths");
        foreach (var path in paths.EnumerateObject())
            foreach (var method in path.Value.EnumerateObject())
                ops.Add(new Operation(method.Name.ToUpperInvariant(), path.Name, "api"));
        foreach (var e in org.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var raw = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
            if (raw.StartsWith("/api/", StringComparison.Ordinal) || raw.StartsWith("/openapi", StringComparison.Ordinal) || !raw.Contains('{')) continue;
            foreach (var m in e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                ops.Add(new Operation(m, ParamConstraint().Replace(raw, "}"), "page"));
        }
        return ops;
    }

    /// <summary>把 {x} 换成前一段所指对象的编号，并给出涉及的对象类别；认不出来记下并返回 null。</summary>
    private (string? Path, List<string> Kinds) Resolve(string template, List<string> unmapped, string? replaceWith = null)
    {
        var segments = template.Split('/');
        var kinds = new List<string>();
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{')) continue;
            var kind = i > 0 && Kinds.TryGetValue(segments[i - 1], out var k) ? k : null;
            if (kind is null || !org.Ids.TryGetValue(kind, out var id))
            {
                unmapped.Add(template);
                return (null, kinds);
            }
            segments[i] = replaceWith ?? id;
            kinds.Add(kind);
        }
        return (string.Join('/', segments), kinds);
    }

    /// <summary>回答（HTML、JSON，或 .xlsx/.docx 里的 XML）中出现的示例街道内容。</summary>
    private async Task<string?> LeakAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' ? ZipText(bytes) : Encoding.UTF8.GetString(bytes);
        return org.Markers.FirstOrDefault(m => text.Contains(m, StringComparison.Ordinal));
    }

    private static string ZipText(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            var sb = new StringBuilder();
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open());
                sb.Append(reader.ReadToEnd());
            }
            return sb.ToString();
        }
        catch (InvalidDataException)
        {
            return "";
        }
    }

    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex ParamConstraint();
}
