using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;

// The floor: what any ASP.NET Core + SQLite app must spend on one submission. Kestrel, the buffered multipart form
// (ReadFormAsync, as Herald), a cheap bearer check, one INSERT in its own transaction, a small JSON answer.
// Writers queue on one async gate in front of one open connection, as Herald's SqliteWriteGate makes them queue.
//   dotnet Herald.Bench.Floor.dll --urls http://127.0.0.1:5191 --data /tmp/floor
var builder = WebApplication.CreateBuilder(args);
// No per-request log lines (Herald logs Microsoft.AspNetCore at Warning too).
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.Configure<FormOptions>(o => o.ValueLengthLimit = 8 * 1024 * 1024);
var app = builder.Build();

var dataDir = app.Configuration["data"] ?? Path.Combine(Path.GetTempPath(), "herald-floor");
Directory.CreateDirectory(dataDir);
var store = new FloorStore(Path.Combine(dataDir, "floor.db"));

app.MapGet("/healthz", () => "ok");
app.MapGet("/export.xlsx", (HttpContext http, string db, string from, string to) => ExportFloor.WriteAsync(http, db, from, to));
app.MapPost("/api/v1/manuscripts", async (HttpRequest request) =>
{
    // Herald's tokens are "hld_" + 43 characters; the floor only checks the shape (no lookup).
    var auth = request.Headers.Authorization.ToString();
    if (!auth.StartsWith("Bearer hld_", StringComparison.Ordinal)) return Results.Unauthorized();
    if (!request.HasFormContentType) return Results.BadRequest();
    var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
    string? title = form["title"], body = form["body"], category = form["category"], importance = form["importance"];
    if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(body) || string.IsNullOrWhiteSpace(category)
        || !DateOnly.TryParseExact(form["eventDate"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var eventDate))
        return Results.BadRequest();
    var key = request.Headers["Idempotency-Key"].ToString();
    var id = await store.InsertAsync(title, body, category, importance ?? "routine", eventDate, key);
    return Results.Created($"/api/v1/manuscripts/{id}", new FloorCreated(id, title, "in_review"));
});
app.Run();

internal sealed record FloorCreated(long Id, string Title, string Status);

/// <summary>One table, one open connection, Herald's pragmas (WAL, synchronous=NORMAL, busy_timeout, wal_autocheckpoint).</summary>
internal sealed class FloorStore
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;

    public FloorStore(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        using (var setup = _connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA wal_autocheckpoint=100000;
                CREATE TABLE IF NOT EXISTS manuscripts (
                    id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL, category TEXT NOT NULL, importance TEXT NOT NULL,
                    event_date TEXT NOT NULL, submission_key TEXT, created_at TEXT NOT NULL);
                """;
            setup.ExecuteNonQuery();
        }
        _insert = _connection.CreateCommand();
        _insert.CommandText = """
            INSERT INTO manuscripts (title, body, category, importance, event_date, submission_key, created_at)
            VALUES ($title, $body, $category, $importance, $eventDate, $key, $createdAt) RETURNING id;
            """;
        foreach (var name in new[] { "$title", "$body", "$category", "$importance", "$eventDate", "$key", "$createdAt" })
            _insert.Parameters.Add(new SqliteParameter(name, ""));
    }

    public async Task<long> InsertAsync(string title, string body, string category, string importance, DateOnly eventDate, string key)
    {
        await _gate.WaitAsync();
        try
        {
            await using var tx = (SqliteTransaction)await _connection.BeginTransactionAsync();
            _insert.Transaction = tx;
            _insert.Parameters["$title"].Value = title;
            _insert.Parameters["$body"].Value = body;
            _insert.Parameters["$category"].Value = category;
            _insert.Parameters["$importance"].Value = importance;
            _insert.Parameters["$eventDate"].Value = eventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _insert.Parameters["$key"].Value = key;
            _insert.Parameters["$createdAt"].Value = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            var id = (long)(await _insert.ExecuteScalarAsync())!;
            await tx.CommitAsync();
            return id;
        }
        finally
        {
            _gate.Release();
        }
    }
}
