using System.Diagnostics;
using System.Globalization;
using Herald.Bench.Report;
using Herald.Web.Features.Common;
using Herald.Web.Features.Reports;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// Quarter unit report on a generated data set (bench/Herald.DataGen): Herald's BuildPeriodReport (EF queries + the score
// calculator in memory) against HandSql, alternating, after warm-up runs; prints median, p95 and max of each, their ratio,
// and checks that both agree on every unit's submitted, adopted, points and missed figures.
//   dotnet bench/Herald.Bench.Report/bin/Release/net10.0/Herald.Bench.Report.dll --data-dir /tmp/herald-province [--quarter 2026-3] [--runs 15]
//   … --connection "Host=…;Database=…"   # the same on a PostgreSQL database (DataGen --provider postgres), HandSqlPostgres
var dataDir = Arg("--data-dir") ?? "/tmp/herald-province";
var runs = int.Parse(Arg("--runs") ?? "15", CultureInfo.InvariantCulture);
var warmup = int.Parse(Arg("--warmup") ?? "3", CultureInfo.InvariantCulture);
var only = Arg("--only"); // herald | hand: time one side only (diagnosis)
var postgres = Arg("--connection");
var connectionString = postgres ?? new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, "herald.db"), Pooling = true, Mode = SqliteOpenMode.ReadOnly }.ToString();
var options = postgres is null
    ? new DbContextOptionsBuilder<HeraldDbContext>().UseSqlite(connectionString).Options
    : new DbContextOptionsBuilder<HeraldDbContext>().UseNpgsql(connectionString).Options;

ReportPeriod period;
Console.WriteLine($"opening {connectionString}");
{
    await using var db = new HeraldDbContext(options);
    var quarter = Arg("--quarter");
    if (quarter is not null)
    {
        var parts = quarter.Split('-');
        period = ReportPeriod.Quarter(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }
    else
    {
        // The last full quarter before the newest adoption.
        var last = await db.Adoptions.MaxAsync(a => a.AdoptedOn);
        var q = (last.Month - 1) / 3;
        period = q == 0 ? ReportPeriod.Quarter(last.Year - 1, 4) : ReportPeriod.Quarter(last.Year, q);
    }
    Console.WriteLine($"data set: {await db.Units.CountAsync():N0} units, {await db.Manuscripts.CountAsync():N0} manuscripts, " +
                      $"{await db.Adoptions.CountAsync():N0} adoptions; period {period.From:yyyy-MM-dd} – {period.To:yyyy-MM-dd}");
}

var directory = new OrgDirectory();
var herald = new List<double>();
var hand = new List<double>();
PeriodReport? report = null;
List<HandRow>? handRows = null;
using var raw = postgres is null ? new SqliteConnection(connectionString) : null;
using var rawPg = postgres is null ? null : new Npgsql.NpgsqlConnection(connectionString);
raw?.Open();
rawPg?.Open();
for (var i = 0; i < warmup + runs; i++)
{
    var sw = Stopwatch.StartNew();
    if (only != "hand")
    await using (var db = new HeraldDbContext(options))
    {
        var tree = await directory.GetAsync(db);
        var visible = tree.All.Select(u => u.Id).ToHashSet();
        report = await new BuildPeriodReport(db, new CurrentUser(new HttpContextAccessor(), directory, db)).BuildAsync(period, null, tree, visible);
    }
    var heraldMs = sw.Elapsed.TotalMilliseconds;
    sw.Restart();
    if (only != "herald") handRows = raw is not null ? HandSql.Run(raw, period.From, period.To) : HandSqlPostgres.Run(rawPg!, period.From, period.To);
    var handMs = sw.Elapsed.TotalMilliseconds;
    if (i >= warmup)
    {
        herald.Add(heraldMs);
        hand.Add(handMs);
    }
    Console.WriteLine($"  run {i + 1,2}{(i < warmup ? " (warm-up)" : "")}: Herald {heraldMs,7:F0} ms   hand SQL {handMs,7:F0} ms");
}

Console.WriteLine($"Herald report   median {Median(herald),6:F0} ms  p95 {P95(herald),6:F0} ms  max {herald.Max(),6:F0} ms");
Console.WriteLine($"hand SQL        median {Median(hand),6:F0} ms  p95 {P95(hand),6:F0} ms  max {hand.Max(),6:F0} ms");
Console.WriteLine($"ratio (medians) {Median(herald) / Median(hand):F2}×");

// The two must agree, or the comparison means nothing.
if (only is not null) return 0;
var final = report!;
var finalHand = handRows!;
var byUnit = final.Units.ToDictionary(r => r.UnitId);
var mismatches = finalHand.Where(h => byUnit.TryGetValue(h.UnitId, out var r)
        ? r.Submitted != h.Submitted || r.Adopted != h.Adopted || r.Points != h.Points || r.Missed != h.Missed || r.Late != h.Late
          || r.Approved != h.Approved || r.Published != h.Published
        : h.Submitted + h.Adopted != 0)
    .ToList();
Console.WriteLine($"rows: Herald {final.Units.Count:N0}, hand SQL {finalHand.Count:N0}; totals: submitted {final.Totals.Submitted:N0}, " +
                  $"adopted {final.Totals.Adopted:N0}, points {final.Totals.Points:N1}, missed {final.Totals.Missed:N0}; " +
                  $"line items {final.Score.Lines.Count:N0}; mismatching units {mismatches.Count}");
foreach (var m in mismatches.Take(5))
{
    var r = byUnit.GetValueOrDefault(m.UnitId);
    Console.WriteLine($"  unit {m.UnitId}: hand {m} / Herald {r?.ToString() ?? "(no row)"}");
}
return mismatches.Count == 0 ? 0 : 1;

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);

static double P95(List<double> xs) => xs.Order().ElementAt(Math.Min(xs.Count - 1, (int)Math.Ceiling(xs.Count * 0.95) - 1));
