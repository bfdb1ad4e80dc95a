using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Herald.Web.Tests.Support;

/// <summary>
/// 真的 Herald 进程（dotnet Herald.Web.dll，测试输出目录里的那份）：自己的数据目录、空闲端口、演示数据。
/// 用于会让进程退出的场景（SIGBUS、SIGKILL），测试进程本身不受影响。
/// </summary>
public sealed class HeraldProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HeraldProcess(Process process, string dataDir, Uri baseAddress)
    {
        _process = process;
        DataDir = dataDir;
        BaseAddress = baseAddress;
    }

    public string DataDir { get; }
    public Uri BaseAddress { get; }
    public bool HasExited => _process.HasExited;

    /// <summary>进程的标准输出和错误输出（诊断用）。</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static async Task<HeraldProcess> StartAsync(string dataDir, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Herald.Web.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.Environment["Herald__DataDir"] = dataDir;
        info.Environment["Herald__Demo__Password"] = HeraldFactory.Password;
        info.Environment["Urls"] = $"http://127.0.0.1:{port}";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var herald = new HeraldProcess(process, dataDir, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => herald.Append(e.Data);
        process.ErrorDataReceived += (_, e) => herald.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await herald.WaitUntilServingAsync(TimeSpan.FromSeconds(90));
        return herald;
    }

    /// <summary>运行一条命令（如 backup、restore）到结束，返回退出码和输出。</summary>
    public static Task<(int ExitCode, string Output)> RunCommandAsync(string dataDir, params string[] args) =>
        RunCommandAsync(dataDir, new Dictionary<string, string>(), args);

    /// <summary>同上，另加配置（环境变量，如 <c>Herald__Database__Provider</c>）。</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string dataDir, IReadOnlyDictionary<string, string> settings,
        params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Herald.Web.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.Environment["Herald__DataDir"] = dataDir;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) info.Environment[key] = value;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    public HttpClient Client(bool cookies = false) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>用 API 令牌访问的客户端。</summary>
    public async Task<HttpClient> ApiClientAsync(string userName)
    {
        var client = Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = HeraldFactory.Password });
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>SIGKILL：不给进程任何收尾的机会。</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        using var client = Client();
        client.Timeout = TimeSpan.FromSeconds(5);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Herald exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* 还没开始监听 */ }
            catch (TaskCanceledException) { /* 还在建库 */ }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Herald did not answer /healthz within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
