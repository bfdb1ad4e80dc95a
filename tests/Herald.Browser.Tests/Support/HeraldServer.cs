using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Browser.Tests.Support;

/// <summary>
/// 真实的 Herald 跑在真实端口上（Kestrel，127.0.0.1 随机端口），临时数据目录、演示数据、固定口令、可拨动的时钟；
/// 外加一个 Playwright 驱动的 Debian Chromium。每个测试类一个（IClassFixture），各测试用各自的浏览器上下文（各自的 Cookie）。
/// </summary>
public sealed class HeraldServer : IAsyncLifetime
{
    public const string Password = "Demo#2026pass";

    /// <summary>系统自带的 Chromium；Playwright 不下载浏览器。</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly App _app = new();
    private readonly List<IBrowserContext> _contexts = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public TestClock Clock => _app.Clock;

    public string DataDir => _app.DataDir;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        _app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single());

        // Playwright 的等待以自动等待为主，这里只是给只有 2 个核的机器留足余量。
        SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>新的浏览器上下文（独立的 Cookie 和本地存储）中的一个页面，尚未登录。</summary>
    public async Task<IPage> NewPageAsync(Device device)
    {
        var context = await (_browser ?? throw new InvalidOperationException("browser not started")).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = device.Width, Height = device.Height },
            DeviceScaleFactor = device.ScaleFactor,
            IsMobile = device.IsMobile,
            HasTouch = device.IsMobile,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(20_000);
        lock (_contexts) _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>已用演示账号登录的页面（停在首页）。</summary>
    public async Task<IPage> SignedInPageAsync(string userName, Device device)
    {
        var page = await NewPageAsync(device);
        await page.SignInAsync(userName);
        return page;
    }

    /// <summary>用 API 令牌访问同一实例的客户端（准备测试数据用，比点页面快）。</summary>
    public async Task<HttpClient> ApiClientAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        using var response = await client.PostAsync("/api/v1/auth/token", System.Net.Http.Json.JsonContent.Create(new { userName, password = Password }));
        response.EnsureSuccessStatusCode();
        var json = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", json.GetProperty("accessToken").GetString());
        return client;
    }

    public async Task DisposeAsync()
    {
        IBrowserContext[] contexts;
        lock (_contexts) contexts = _contexts.ToArray();
        foreach (var context in contexts) await context.CloseAsync();
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
    }

    private sealed class App : WebApplicationFactory<Program>
    {
        public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "herald-browser-tests", Guid.NewGuid().ToString("N"));

        public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Herald:DataDir", DataDir);
            builder.UseSetting("Herald:Demo:Password", Password);
            // 三员账号以口令登录（第二因素的默认要求在 Herald.Web.Tests 的 SecondFactorTests 与 SecondFactorFlowTests 里检验）。
            builder.UseSetting("Herald:Security:SecondFactorRoles", "");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel", "Error");
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            });
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { if (Directory.Exists(DataDir)) Directory.Delete(DataDir, recursive: true); }
            catch (IOException) { /* 临时目录，清不掉也无妨 */ }
        }
    }
}
