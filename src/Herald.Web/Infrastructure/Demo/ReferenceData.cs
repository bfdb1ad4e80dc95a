using Herald.Domain.Publishing;
using Herald.Domain.Scoring;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Infrastructure.Demo;

/// <summary>
/// 每次启动补齐的基础数据（已有则不动）：默认计分规则（自 2000 年起生效，宣传办可改出新版本）和中央媒体名录。
/// 演示环境另加省、市、县媒体与政务信息刊物。
/// </summary>
public sealed class ReferenceData(HeraldDbContext db)
{
    public static readonly (string Name, MediaLevel Level, OutletType Type)[] CentralOutlets =
    [
        ("人民日报", MediaLevel.Central, OutletType.Newspaper),
        ("新华社", MediaLevel.Central, OutletType.Web),
        ("光明日报", MediaLevel.Central, OutletType.Newspaper),
        ("经济日报", MediaLevel.Central, OutletType.Newspaper),
        ("科技日报", MediaLevel.Central, OutletType.Newspaper),
        ("中国科学报", MediaLevel.Central, OutletType.Newspaper),
        ("中央广播电视总台", MediaLevel.Central, OutletType.Tv),
        ("中国新闻网", MediaLevel.Central, OutletType.Web),
        ("人民网", MediaLevel.Central, OutletType.Web),
        ("学习强国（全国平台）", MediaLevel.Central, OutletType.Xuexi),
    ];

    public static readonly (string Name, MediaLevel Level, OutletType Type)[] DemoRegionalOutlets =
    [
        ("大众日报", MediaLevel.Provincial, OutletType.Newspaper),
        ("山东广播电视台", MediaLevel.Provincial, OutletType.Tv),
        ("大众新闻客户端", MediaLevel.Provincial, OutletType.Newmedia),
        ("学习强国山东学习平台", MediaLevel.Provincial, OutletType.Xuexi),
        ("省政府办公厅《政务信息》", MediaLevel.Provincial, OutletType.GovBulletin),
        ("济宁日报", MediaLevel.Municipal, OutletType.Newspaper),
        ("济宁广播电视台", MediaLevel.Municipal, OutletType.Tv),
        ("市委办公室《济宁信息》", MediaLevel.Municipal, OutletType.GovBulletin),
        ("示例县融媒体中心", MediaLevel.County, OutletType.Newmedia),
        ("示例县广播电视台", MediaLevel.County, OutletType.Tv),
        ("县委办公室《每日要情》", MediaLevel.County, OutletType.GovBulletin),
        ("街道工作简报", MediaLevel.Internal, OutletType.GovBulletin),
    ];

    public async Task EnsureAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        if (!await db.ScoringRuleSets.AnyAsync(ct))
            db.ScoringRuleSets.Add(ScoringRuleSet.Default(new DateOnly(2000, 1, 1), nowUtc));
        if (!await db.Outlets.AnyAsync(ct))
            foreach (var (name, level, type) in CentralOutlets)
                db.Outlets.Add(Outlet.Create(name, level, type, nowUtc));
        await db.SaveChangesAsync(ct);
    }

    public async Task AddDemoOutletsAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        var existing = await db.Outlets.Select(o => o.Name).ToListAsync(ct);
        foreach (var (name, level, type) in DemoRegionalOutlets.Where(o => !existing.Contains(o.Name)))
            db.Outlets.Add(Outlet.Create(name, level, type, nowUtc));
        await db.SaveChangesAsync(ct);
    }
}
