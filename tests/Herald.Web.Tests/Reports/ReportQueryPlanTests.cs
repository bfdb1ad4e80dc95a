using System.Data.Common;
using Herald.Domain.Organization;
using Herald.Domain.Scoring;
using Herald.Web.Features.Common;
using Herald.Web.Features.Reports;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Tests.Support;
using Xunit.Abstractions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace Herald.Web.Tests.Reports;

/// <summary>
/// 省级规模的报表只能靠索引：每条查询的执行计划（EXPLAIN QUERY PLAN，迁移后的真实结构）都不整表扫描稿件表和用稿表，
/// 按时期计数的查询只读覆盖索引（不读带正文的稿件行）。
/// </summary>
[Trait("Category", TestPostgres.SqliteOnly)]
public sealed class ReportQueryPlanTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "herald-plans", Guid.NewGuid().ToString("N"))).FullName;


    private sealed class PlanCapture(List<(string Sql, List<string> Plan)> plans) : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result)
        {
            Explain(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Explain(command);
            return ValueTask.FromResult(result);
        }

        private void Explain(DbCommand command)
        {
            if (!command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)) return;
            using var explain = command.Connection!.CreateCommand();
            explain.Transaction = command.Transaction;
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            foreach (DbParameter p in command.Parameters)
            {
                var copy = explain.CreateParameter();
                copy.ParameterName = p.ParameterName;
                copy.Value = p.Value;
                explain.Parameters.Add(copy);
            }
            var plan = new List<string>();
            using (var reader = explain.ExecuteReader())
                while (reader.Read()) plan.Add(reader.GetString(3));
            plans.Add((command.CommandText, plan));
        }
    }

    private async Task<List<(string Sql, List<string> Plan)>> PlansAsync(bool allUnits)
    {
        var path = Path.Combine(_dir, $"plans-{allUnits}.db");
        await using (var db = SqliteSchema.Context(path))
        {
            await new MigrationRunner(NullLogger<MigrationRunner>.Instance).ApplyAsync(db, "sqlite");
            db.ScoringRuleSets.Add(ScoringRuleSet.Default(new DateOnly(2000, 1, 1), DateTime.UtcNow));
            // 第二个版本扣迟报分：报表要逐篇取出迟报稿件，这条查询也要看。
            db.ScoringRuleSets.Add(ScoringRuleSet.Create(new DateOnly(2026, 8, 1), ScoringRuleSet.DefaultPoints(), 2m,
                ScoringRuleSet.Default(new DateOnly(2000, 1, 1), DateTime.UtcNow).InstructionBonus, MultiAdoptionMode.HighestOnly, null,
                CapPeriod.Month, 2, 1m, 0.5m, null, null, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }
        var plans = new List<(string, List<string>)>();
        var options = new DbContextOptionsBuilder<HeraldDbContext>().UseSqlite(SqliteSchema.ConnectionString(path))
            .AddInterceptors(new PlanCapture(plans)).Options;
        await using var context = new HeraldDbContext(options);
        var tree = new OrgTree(
        [
            new UnitNode(1, null, "示例县", UnitType.Agency, false, 0),
            new UnitNode(2, 1, "甲乡", UnitType.Street, false, 0),
            new UnitNode(3, 1, "乙乡", UnitType.Street, false, 1),
        ], []);
        var visible = allUnits ? tree.All.Select(u => u.Id).ToHashSet() : new HashSet<long> { 2, 3 };
        await new BuildPeriodReport(context, null!).BuildAsync(ReportPeriod.Quarter(2026, 3), null, tree, visible);
        return plans;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task QuarterReport_NoFullScansOfManuscriptsOrAdoptions(bool allUnits)
    {
        var plans = await PlansAsync(allUnits);

        plans.Count.ShouldBeGreaterThan(5);
        foreach (var (sql, plan) in plans)
        {
            output.WriteLine(sql + "\n  => " + string.Join("\n  => ", plan) + "\n");
            foreach (var step in plan)
            {
                step.ShouldNotMatch(@"^SCAN (m|a|a0|m0|manuscripts|adoptions)\b", $"{string.Join(" | ", plan)}\n{sql}");
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task QuarterReport_CountsReadOnlyCoveringIndexes(bool allUnits)
    {
        var plans = await PlansAsync(allUnits);
        var steps = plans.SelectMany(p => p.Plan).ToList();

        steps.ShouldContain(s => s.Contains("COVERING INDEX ix_manuscripts_submitted_at_unit_id_author_id_is_late"));
        steps.ShouldContain(s => s.Contains("COVERING INDEX ix_manuscripts_approved_at_unit_id_author_id"));
        steps.ShouldContain(s => s.Contains("COVERING INDEX ix_manuscripts_published_at_unit_id_author_id"));
        steps.ShouldContain(s => s.Contains("COVERING INDEX ix_adoptions_status_adopted_on_manuscript_id"));
        // 采用从时期内采用的稿件编号出发（按主键找稿件、按稿件编号找采用），不从单位出发。
        steps.ShouldContain(s => s.Contains("SEARCH a USING INDEX ix_adoptions_manuscript_id (manuscript_id=?)"));
        steps.ShouldNotContain(s => s.Contains("ix_manuscripts_unit_id"));
        // 迟报稿件逐篇取出也只读覆盖索引。
        plans.ShouldContain(p => p.Sql.Contains("\"is_late\"") && !p.Sql.Contains("COUNT(") &&
                                 p.Plan.Any(s => s.Contains("COVERING INDEX ix_manuscripts_submitted_at_unit_id_author_id_is_late")));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* 临时目录 */ }
    }
}
