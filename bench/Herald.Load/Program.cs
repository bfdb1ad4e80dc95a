using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Herald.Load;

/// <summary>
/// Load driver: N workers, each with its own HTTP connection, send requests back to back for a fixed time after a
/// warm-up; every latency is kept (sorted at the end) and errors are counted by status.
/// Scenarios: submit (API token, 3 KB body), submit-photo (plus one 300 KB PNG and caption), pages (sign in through
/// the real form with its antiforgery token, then GET the given pages repeatedly), intake (the office's token posts
/// batches of --batch opinion items of about 1 KB to POST /api/v1/opinion/items; 15% are near-duplicates of recent ones).
/// </summary>
public static partial class LoadProgram
{
    public static async Task<int> Main(string[] args)
    {
        var o = LoadOptions.Parse(args);
        if (o is null)
        {
            Console.Error.WriteLine("""
                usage: Herald.Load submit|submit-photo|pages|intake --url http://127.0.0.1:5080 --users a,b [--password P]
                       [--concurrency 32] [--duration 60] [--warmup 10] [--paths /manuscripts,/manuscripts?page={page},/reviews]
                       [--max-page 50] [--photo-kb 300] [--batch 100] [--seeds /work/shared/seeds] [--label text] [--json result.json]
                """);
            return 2;
        }

        var workers = new List<Worker>();
        for (var i = 0; i < o.Concurrency; i++)
            workers.Add(await Worker.CreateAsync(o, i));
        Console.WriteLine($"{o.Scenario}: {o.Concurrency} workers ready ({string.Join(",", o.Users)}), warm-up {o.Warmup} s, measuring {o.Duration} s");

        var recorder = new Recorder();
        using (var warm = new CancellationTokenSource(TimeSpan.FromSeconds(o.Warmup)))
            await Task.WhenAll(workers.Select(w => w.RunAsync(null, warm.Token)));
        var watch = Stopwatch.StartNew();
        using (var measure = new CancellationTokenSource(TimeSpan.FromSeconds(o.Duration)))
            await Task.WhenAll(workers.Select(w => w.RunAsync(recorder, measure.Token)));
        var elapsed = watch.Elapsed.TotalSeconds;

        var summary = recorder.Summarize(o, elapsed);
        Console.WriteLine(summary.Describe());
        if (o.Scenario == "intake")
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"   items: {summary.Overall.Count * o.Batch:N0} in {elapsed:F1} s = {summary.Overall.PerSecond * o.Batch:F0} items/s ({o.Batch} per request)"));
        var json = JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true });
        if (o.Json is not null) await File.WriteAllTextAsync(o.Json, json);
        foreach (var w in workers) w.Dispose();
        return summary.Errors.Count == 0 ? 0 : 1;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    internal static partial Regex TokenField();
}

public sealed record LoadOptions(string Scenario, Uri Url, string[] Users, string Password, int Concurrency, int Duration, int Warmup,
    string[] Paths, int MaxPage, int PhotoKb, string? Label, string? Json, int Batch = 100, string SeedsDir = "/work/shared/seeds")
{
    public static LoadOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("submit" or "submit-photo" or "pages" or "intake")) return null;
        var url = new Uri("http://127.0.0.1:5080");
        string[] users = ["officer", "officer2"];
        var password = Environment.GetEnvironmentVariable("HERALD_BENCH_PASSWORD") ?? "Bench#2026pass";
        int concurrency = 32, duration = 60, warmup = 10, maxPage = 50, photoKb = 300;
        string[] paths = ["/manuscripts", "/manuscripts?page={page}", "/reviews"];
        string? label = null, json = null;
        var batch = 100;
        var seeds = "/work/shared/seeds";
        for (var i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--url": url = new Uri(Next()); break;
                case "--users": users = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--password": password = Next(); break;
                case "--concurrency": concurrency = Int(); break;
                case "--duration": duration = Int(); break;
                case "--warmup": warmup = Int(); break;
                case "--paths": paths = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--max-page": maxPage = Int(); break;
                case "--photo-kb": photoKb = Int(); break;
                case "--label": label = Next(); break;
                case "--json": json = Next(); break;
                case "--batch": batch = Int(); break;
                case "--seeds": seeds = Next(); break;
                default: return null;
            }
        }
        return new LoadOptions(args[0], url, users, password, concurrency, duration, warmup, paths, maxPage, photoKb, label, json, batch, seeds);
    }
}

/// <summary>One simulated client: its own connection, its own sign-in (token or cookie).</summary>
public sealed class Worker : IDisposable
{
    private static long _counter;
    private static readonly int RunSeed = Random.Shared.Next();
    private readonly LoadOptions _o;
    private readonly HttpClient _http;
    private readonly Random _random;
    private readonly string _user;
    private string? _token;
    private int _next;

    private Worker(LoadOptions o, int index)
    {
        _o = o;
        // A fresh seed per run: a fixed one would repeat the previous run's texts, which the intake then groups as duplicates.
        _random = new Random(HashCode.Combine(RunSeed, index));
        _user = o.Users[index % o.Users.Length];
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            MaxConnectionsPerServer = 1,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        _http = new HttpClient(handler) { BaseAddress = o.Url, Timeout = TimeSpan.FromSeconds(30) };
    }

    public static async Task<Worker> CreateAsync(LoadOptions o, int index)
    {
        var w = new Worker(o, index);
        if (o.Scenario == "pages") await w.SignInWithFormAsync();
        else await w.GetTokenAsync();
        return w;
    }

    private async Task GetTokenAsync()
    {
        var response = await _http.PostAsJsonAsync("/api/v1/auth/token", new { userName = _user, password = _o.Password, name = "bench" });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"token for {_user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        _token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
    }

    /// <summary>Like a browser: fetch the sign-in page (antiforgery cookie + hidden field), post the form, keep the auth cookie.</summary>
    private async Task SignInWithFormAsync()
    {
        var page = await _http.GetStringAsync("/signin");
        var token = LoadProgram.TokenField().Match(page) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("no antiforgery token on /signin");
        var response = await _http.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = _user, ["Password"] = _o.Password, ["ReturnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in as {_user}: {(int)response.StatusCode}");
    }

    public async Task RunAsync(Recorder? recorder, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var (request, name) = Build();
            var start = Stopwatch.GetTimestamp();
            string? error = null;
            try
            {
                // Not tied to `stop`: a request in flight when time is up completes and counts.
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                await response.Content.ReadAsByteArrayAsync();
                var expected = _o.Scenario is "pages" or "intake" ? HttpStatusCode.OK : HttpStatusCode.Created;
                if (response.StatusCode != expected) error = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                error = ex.GetType().Name;
            }
            finally
            {
                request.Dispose();
            }
            recorder?.Add(name, Stopwatch.GetElapsedTime(start).TotalMilliseconds, error);
        }
    }

    private (HttpRequestMessage, string) Build()
    {
        if (_o.Scenario == "pages")
        {
            var template = _o.Paths[_next++ % _o.Paths.Length];
            var path = template.Replace("{page}", (2 + _random.Next(Math.Max(1, _o.MaxPage - 1))).ToString(CultureInfo.InvariantCulture));
            return (new HttpRequestMessage(HttpMethod.Get, path), template);
        }

        if (_o.Scenario == "intake")
        {
            var batch = OpinionTexts.Batch(_o, _random);
            var post = new HttpRequestMessage(HttpMethod.Post, "/api/v1/opinion/items")
            {
                Content = new ByteArrayContent(batch) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
            };
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            return (post, "intake");
        }

        var n = Interlocked.Increment(ref _counter);
        var content = new MultipartFormDataContent
        {
            { new StringContent(Texts.Title(n)), "title" },
            { new StringContent(Texts.Body(n)), "body" },
            { new StringContent("工作动态"), "category" },
            { new StringContent("routine"), "importance" },
            { new StringContent(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "eventDate" },
        };
        if (_o.Scenario == "submit-photo")
        {
            var photo = new ByteArrayContent(Photos.Png(_o.PhotoKb * 1024, n));
            photo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(photo, "photos", $"photo-{n}.png");
            content.Add(new StringContent("活动现场，志愿者向居民讲解政策。"), "captions");
        }
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/manuscripts") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        // Real clients send an idempotency key so that a retried request creates one manuscript.
        request.Headers.Add("Idempotency-Key", $"bench-{Environment.ProcessId}-{n}");
        return (request, _o.Scenario);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>All latencies, kept per request name (page template or scenario).</summary>
public sealed class Recorder
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<double>> _latencies = new();
    private readonly Dictionary<string, int> _errors = new();

    public void Add(string name, double ms, string? error)
    {
        lock (_gate)
        {
            if (error is not null)
            {
                _errors[error] = _errors.GetValueOrDefault(error) + 1;
                return;
            }
            if (!_latencies.TryGetValue(name, out var list)) _latencies[name] = list = new List<double>(100_000);
            list.Add(ms);
        }
    }

    public Summary Summarize(LoadOptions o, double seconds)
    {
        lock (_gate)
        {
            var all = _latencies.Values.SelectMany(l => l).ToArray();
            var byName = _latencies.ToDictionary(kv => kv.Key, kv => Stats.Of(kv.Value.ToArray(), seconds));
            return new Summary(o.Scenario, o.Label, o.Concurrency, seconds, string.Join(",", o.Users), Stats.Of(all, seconds), byName,
                new Dictionary<string, int>(_errors), Environment.ProcessorCount, File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "");
        }
    }
}

public sealed record Stats(int Count, double PerSecond, double P50, double P95, double P99, double Max, double Mean)
{
    public static Stats Of(double[] values, double seconds)
    {
        if (values.Length == 0) return new Stats(0, 0, 0, 0, 0, 0, 0);
        Array.Sort(values);
        double P(double q) => values[Math.Clamp((int)Math.Ceiling(q * values.Length) - 1, 0, values.Length - 1)];
        return new Stats(values.Length, Math.Round(values.Length / seconds, 1), Math.Round(P(0.50), 1), Math.Round(P(0.95), 1),
            Math.Round(P(0.99), 1), Math.Round(values[^1], 1), Math.Round(values.Average(), 1));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Count,7} ok  {PerSecond,7:F1}/s  p50 {P50,6:F1}  p95 {P95,6:F1}  p99 {P99,6:F1}  max {Max,7:F1} ms");
}

public sealed record Summary(string Scenario, string? Label, int Concurrency, double Seconds, string Users, Stats Overall,
    Dictionary<string, Stats> ByName, Dictionary<string, int> Errors, int Cores, string LoadAverageAtEnd)
{
    public string Describe()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"== {Scenario}{(Label is null ? "" : " [" + Label + "]")}: {Concurrency} workers, {Seconds:F1} s, users {Users}; cores {Cores}, /proc/loadavg at end: {LoadAverageAtEnd}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"   {"all",-28} {Overall}");
        if (ByName.Count > 1)
            foreach (var (name, stats) in ByName.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                sb.AppendLine(CultureInfo.InvariantCulture, $"   {name,-28} {stats}");
        sb.Append("   errors: ").Append(Errors.Count == 0 ? "none" : string.Join(", ", Errors.Select(kv => $"{kv.Key} × {kv.Value}")));
        return sb.ToString();
    }
}

/// <summary>Submission text: a 3 KB (UTF-8) Chinese work report, varied per request.</summary>
public static class Texts
{
    private static readonly string[] Sentences =
    [
        "为进一步提高居民垃圾分类意识，社区近日组织网格员、志愿者深入小区开展入户宣传活动。",
        "志愿者通过发放宣传册、现场演示、有奖问答等方式，向居民讲解可回收物、有害垃圾、厨余垃圾和其他垃圾的分类标准。",
        "活动覆盖居民800余户，小区垃圾分类准确率由62%提升到85%。",
        "街道党政办公室联合辖区各社区在便民服务中心广场开展集中服务活动，设置政策咨询、医疗义诊、法律援助等服务摊位。",
        "街道机关干部和社区志愿者40余人参与服务，共接待群众300余人次，发放宣传资料1200余份。",
        "下一步，街道将把集中服务活动常态化，每月确定一个主题，持续推动服务资源下沉到社区、延伸到群众家门口。",
        "会议强调，要坚持正确政治方向，牢牢把握正确舆论导向，及时准确报送本单位重点工作和亮点特色。",
        "各部门、村社区要明确一名信息员，负责信息的收集、整理和报送工作，确保信息真实、准确、及时。",
    ];

    private static readonly string BodyText = Build();

    public static string Title(long n) => $"社区开展垃圾分类入户宣传活动（压测第{n}篇）";

    public static string Body(long n) => $"压测稿件编号{n}。" + BodyText;

    private static string Build()
    {
        var sb = new StringBuilder();
        var i = 0;
        while (Encoding.UTF8.GetByteCount(sb.ToString()) < 3 * 1024 - 60)
        {
            sb.Append(Sentences[i % Sentences.Length]);
            if (++i % 3 == 0) sb.Append('\n');
        }
        return sb.ToString();
    }
}

/// <summary>A valid PNG of about the requested size (incompressible noise), different bytes per request via a tEXt chunk.</summary>
public static class Photos
{
    private static readonly Lock Gate = new();
    private static byte[]? _head;
    private static byte[]? _tail;

    public static byte[] Png(int bytes, long n)
    {
        lock (Gate)
            if (_head is null) Build(bytes);
        var text = Chunk("tEXt", Encoding.Latin1.GetBytes("Comment\0bench " + n.ToString(CultureInfo.InvariantCulture)));
        var result = new byte[_head!.Length + text.Length + _tail!.Length];
        _head.CopyTo(result, 0);
        text.CopyTo(result, _head.Length);
        _tail.CopyTo(result, _head.Length + text.Length);
        return result;
    }

    private static void Build(int bytes)
    {
        var width = 400;
        var height = Math.Max(1, bytes / (width * 3 + 1));
        var raw = new byte[height * (width * 3 + 1)];
        new Random(42).NextBytes(raw);
        for (var y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0; // filter type None
        using var compressed = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            z.Write(raw);
        var ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        _head = [.. new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, .. Chunk("IHDR", ihdr)];
        _tail = [.. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}

/// <summary>
/// Opinion items for the intake scenario: about 1 KB of UTF-8 each (title + 330 characters). Characters come from the
/// seed prose but are drawn at random into "words", so unrelated items share few 3-grams, as real posts do; one in
/// five carries a complaint with a watch-list word; 15% repost a recent item with two characters changed.
/// </summary>
public static class OpinionTexts
{
    private static readonly string[] Platforms = ["微博", "微信", "抖音", "快手", "今日头条", "新闻网站", "论坛", "小红书"];
    private static readonly string[] Complaints =
    [
        "工地拖欠工资三个月，工人多次讨薪无果。", "小区门口道路塌方，车辆无法通行。", "有商户乱收费，群众要求曝光。",
        "河道发现偷排污水，气味刺鼻。", "业主聚集维权，要求开发商交房。", "夜市发生火灾，暂无人员伤亡报告。",
    ];
    private static readonly Lock Gate = new();
    // Chinese as UTF-8 (3 bytes a character), as vendors send it, not as \uXXXX escapes.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly List<(string Title, string Content)> Recent = new();
    private static string? _pool;
    private static long _counter;

    public static byte[] Batch(LoadOptions o, Random random)
    {
        var pool = Pool(o.SeedsDir);
        var items = new List<object>(o.Batch);
        for (var i = 0; i < o.Batch; i++)
        {
            var n = Interlocked.Increment(ref _counter);
            string title, content;
            (string Title, string Content)? original = null;
            lock (Gate)
                if (Recent.Count > 50 && random.NextDouble() < 0.15) original = Recent[random.Next(Recent.Count)];
            if (original is { } o2)
            {
                var chars = o2.Content.ToCharArray();
                chars[random.Next(chars.Length)] = '某';
                chars[random.Next(chars.Length)] = '某';
                (title, content) = (o2.Title, new string(chars));
            }
            else
            {
                var sb = new StringBuilder(340);
                if (random.Next(5) == 0) sb.Append(Complaints[random.Next(Complaints.Length)]);
                while (sb.Length < 329)
                {
                    var word = 1 + random.Next(4);
                    for (var k = 0; k < word; k++) sb.Append(pool[random.Next(pool.Length)]);
                    if (random.Next(6) == 0) sb.Append('，');
                }
                sb.Length = 329;
                content = sb.Append('。').ToString();
                title = $"网友反映：{content.AsSpan(0, 12)}（压测第{n}条）";
                lock (Gate)
                {
                    Recent.Add((title, content));
                    if (Recent.Count > 2000) Recent.RemoveAt(0);
                }
            }
            items.Add(new
            {
                source = "压测监测服务", platform = Platforms[random.Next(Platforms.Length)], url = $"https://opinion.example.invalid/bench/{n}",
                title, content, author = "网友" + (n % 9973).ToString(CultureInfo.InvariantCulture),
                publishedAt = DateTimeOffset.UtcNow.AddMinutes(-random.Next(600)).ToString("O", CultureInfo.InvariantCulture),
            });
        }
        return JsonSerializer.SerializeToUtf8Bytes(items, Json);
    }

    private static string Pool(string seedsDir)
    {
        lock (Gate)
        {
            if (_pool is not null) return _pool;
            var text = Directory.Exists(seedsDir)
                ? string.Concat(Directory.GetFiles(seedsDir, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText))
                : string.Concat(Texts.Body(0));
            _pool = new string(text.Where(c => c is >= '\u4e00' and <= '\u9fff').Distinct().ToArray());
            return _pool;
        }
    }
}
