using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Herald.Domain.Scoring;
using Herald.Web.Features.Bulletins.Documents;
using Herald.Web.Features.Common;
using Herald.Web.Features.Reports;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Bulletins;

/// <summary>
/// 按当前数据统计一份通报的内容：时期与范围来自通报，数字来自共用的 <see cref="BuildPeriodReport"/>（统计范围的整个子树，
/// 与谁在看无关），好新闻奖的稿件标题另查。草稿页、草稿下载和发布都用它。
/// </summary>
public sealed class BulletinFigureBuilder(HeraldDbContext db, CurrentUser current, BuildPeriodReport reports)
{
    public async Task<BulletinFigures> BuildAsync(Bulletin bulletin, DateTime nowUtc, bool draft, CancellationToken ct = default)
    {
        var tree = (await current.GetAsync(ct)).Tree;
        var period = bulletin.Kind == BulletinKind.Annual
            ? ReportPeriod.Year(bulletin.Year)
            : ReportPeriod.Quarter(bulletin.Year, bulletin.Quarter);
        // 主库：发布时冻结这些数字，草稿与发布须看到同一份已提交的数据。
        var report = await reports.OnPrimary(db).BuildAsync(period, bulletin.RootUnitId, tree, tree.Subtree(bulletin.RootUnitId), ct);

        var rules = new RuleBook(await db.ScoringRuleSets.AsNoTracking().ToListAsync(ct));
        var titles = new Dictionary<long, string>();
        if (bulletin.Kind == BulletinKind.Annual)
        {
            var ids = BulletinComposer.GoodNewsCandidates(report.Score, bulletin.PraiseCorrespondentCount).Select(c => c.ManuscriptId).ToArray();
            titles = await db.Manuscripts.AsNoTracking().Where(m => ids.Contains(m.Id))
                .Select(m => new { m.Id, m.Title }).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        }
        return BulletinComposer.Compose(BulletinSettings.Of(bulletin), report, titles, BulletinComposer.DescribeRules(report.Score, rules, period.To),
            nowUtc, draft, draft ? null : nowUtc);
    }
}

/// <summary>发布快照的 JSON 格式（枚举写名称，中文不转义，便于直接查看数据库）。</summary>
public static class BulletinSnapshot
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(BulletinFigures figures) => JsonSerializer.Serialize(figures, Options);

    public static BulletinFigures Deserialize(string json) =>
        JsonSerializer.Deserialize<BulletinFigures>(json, Options) ?? throw new InvalidDataException("empty bulletin snapshot");
}
