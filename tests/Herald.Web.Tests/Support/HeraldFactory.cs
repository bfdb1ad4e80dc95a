using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Support;

/// <summary>
/// 真实的 Herald：独立的临时数据目录（真 SQLite 文件、真文件库），演示数据，固定口令，可控时钟。
/// HERALD_TEST_PROVIDER=postgres 时数据库改为 PostgreSQL 上一个自己的新库（见 <see cref="TestPostgres"/>），文件库仍在数据目录。
/// 每个测试类一个实例（IClassFixture），互不干扰。
/// </summary>
public class HeraldFactory : WebApplicationFactory<Program>
{
    public const string Password = "Demo#2026pass";

    public const string SecondFactorRolesKey = "Herald:Security:SecondFactorRoles";

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "herald-tests", Guid.NewGuid().ToString("N"));

    /// <summary>默认 2026-11-20 10:00 北京时间。</summary>
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));

    /// <summary>额外配置（在创建客户端之前设置）。</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>在 PostgreSQL 上运行时，本实例自己的库的连接串；在 SQLite 上为 null。</summary>
    public string? PostgresConnectionString { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Herald:DataDir", DataDir);
        builder.UseSetting("Herald:Demo:Password", Password);
        if (TestPostgres.IsProvider && !Settings.ContainsKey("Herald:Database:Provider"))
        {
            PostgresConnectionString ??= TestPostgres.CreateDatabase();
            builder.UseSetting("Herald:Database:Provider", "postgres");
            builder.UseSetting("Herald:Database:ConnectionString", PostgresConnectionString);
        }
        // 第二因素的默认要求（三员）由 SecondFactorTests 专门检验；其他测试以口令登录三员账号。
        if (!Settings.ContainsKey(SecondFactorRolesKey)) builder.UseSetting(SecondFactorRolesKey, "");
        foreach (var (key, value) in Settings.Where(s => s.Value is not null)) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddTransient<IStartupFilter, ClientAddress>();
        });
    }

    /// <summary>用 API 令牌访问的客户端。</summary>
    public async Task<HttpClient> ApiClientAsync(string userName, string password = Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, AllowAutoRedirect = false, HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>已用网页表单登录的浏览器式客户端（带 Cookie，不自动跟随跳转）。</summary>
    public async Task<WebSession> SignInAsync(string userName, string password = Password)
    {
        var session = new WebSession(CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, AllowAutoRedirect = false, HandleCookies = true }));
        var response = await session.PostFormAsync("/signin", "/signin", new() { ["UserName"] = userName, ["Password"] = password, ["ReturnUrl"] = "/" });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in as {userName} failed: {(int)response.StatusCode}");
        return session;
    }

    /// <summary>用应用自己的 HeraldDbContext（独立作用域）查询或修改数据库。</summary>
    public async Task<T> QueryAsync<T>(Func<HeraldDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<HeraldDbContext>());
    }

    public Task<long> UserIdAsync(string userName) =>
        QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public Task<long> UnitIdAsync(string unitName) =>
        QueryAsync(db => db.Units.Where(u => u.Name == unitName).Select(u => u.Id).SingleAsync());

    public WebSession AnonymousSession() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, AllowAutoRedirect = false, HandleCookies = true }));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && PostgresConnectionString is not null)
        {
            try { TestPostgres.DropDatabase(PostgresConnectionString); }
            catch (Npgsql.NpgsqlException) { /* 临时库，集群随测试运行一起丢弃 */ }
        }
        if (disposing && Directory.Exists(DataDir))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(DataDir, recursive: true); }
            catch (IOException) { /* 临时目录，清不掉也无妨 */ }
        }
    }
}
