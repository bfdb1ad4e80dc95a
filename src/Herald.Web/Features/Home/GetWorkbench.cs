using System.Globalization;
using Herald.Domain.Common;
using Herald.Domain.Organization;
using Herald.Web.Features.Common;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Features.Notifications;
using Herald.Web.Features.Reports;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Herald.Web.Features.Home;

/// <summary>首页（工作台）的全部内容：各来源的待办（分组件数、合并后的清单）、我的稿件、时期数字与领导看板、未读通知。</summary>
public sealed record Workbench(
    string DisplayName,
    DateTime Now,
    IReadOnlyList<WaitingGroup> Groups,
    IReadOnlyList<WaitingItem> Items,
    int? InReview,
    IReadOnlyList<ManuscriptListItem> Recent,
    PeriodFigures? Figures,
    IReadOnlyList<Shortcut> Shortcuts,
    IReadOnlyList<NotificationDto> Notifications) : IPageModel<HomePage>;

/// <summary>首页的常用入口：Key 为 Text.resx 中的名称，按角色给出（如系统管理员的账号与单位、审计管理员的审计日志）。</summary>
public sealed record Shortcut(string Key, string Href, string Icon);

/// <summary>
/// 宣传办、主要负责人、领导的时期数字（period 为 month|quarter|year），全部出自统计报表（<see cref="BuildPeriodReport"/>），不另算；
/// Top、Bottom 为按积分名次的前后几个单位；ChartJson 为报表页同样的图表数据；ReportLink 为同一时期的报表（数字背后的清单）；
/// ComputedAt 为统计的时刻（数字最多缓存 <see cref="GetWorkbench.FiguresFor"/>）。
/// </summary>
public sealed record PeriodFigures(string Period, DateOnly From, DateOnly To, ReportTotals Totals, IReadOnlyList<UnitReportRow> Top,
    IReadOnlyList<UnitReportRow> Bottom, string ChartJson, string ReportLink, bool Dashboard, DateTime ComputedAt);

/// <summary>
/// 工作台：合并登记的各个 <see cref="IWaitingWorkSource"/>（每个模块登记自己的），待办按开始等待的时间从早到晚排、同一链接只列一次；
/// 首页自己不查询任何模块的数据，只调用它们的公开查询。
/// </summary>
public sealed class GetWorkbench(CurrentUser current, IEnumerable<IWaitingWorkSource> sources, ListManuscripts manuscripts,
    BuildPeriodReport reports, NotificationCenter notifications, Clock clock, IMemoryCache cache, IStringLocalizer<Text> localizer)
{
    /// <summary>
    /// 时期数字按人缓存这么久：省级范围的月报表要算几百毫秒，首页每次打开都重算达不到 50 ms；
    /// 这些是整月（季、年）的累计数，晚两分钟无碍，页面注明统计时刻。待办件数不缓存。
    /// </summary>
    public static readonly TimeSpan FiguresFor = TimeSpan.FromMinutes(2);

    /// <summary>每组最多取的件数，合并清单最多列出的件数。</summary>
    public const int PerGroup = 20, MaxItems = 30, RankedUnits = 5;

    public static readonly string[] Periods = ["month", "quarter", "year"];

    public async Task<Workbench> HandleAsync(string? period, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var now = clock.UtcNow;
        var groups = new List<WaitingGroup>();
        foreach (var source in sources) groups.AddRange(await source.ListAsync(me, PerGroup, ct));
        var items = groups.SelectMany(g => g.Items).DistinctBy(i => i.Link).OrderBy(i => i.Since).Take(MaxItems).ToList();

        int? inReview = null;
        IReadOnlyList<ManuscriptListItem> recent = [];
        if (me.SubmitUnits.Count > 0)
        {
            inReview = (await manuscripts.HandleAsync(new ManuscriptQuery(Status: "in_review", Mine: true, PageSize: 1), ct)).Total;
            recent = (await manuscripts.HandleAsync(new ManuscriptQuery(Mine: true, PageSize: 5, Sort: "updatedAt", Dir: "desc"), ct)).Items;
        }

        PeriodFigures? figures = null;
        if (me.HasAny(Role.Office, Role.Principal, Role.Viewer) && UnitScope.Manuscripts(me).Count > 0)
            figures = await FiguresAsync(me, period, ChinaTime.DateOf(now), ct);

        return new Workbench(me.DisplayName, now, groups, items, inReview, recent, figures, Shortcuts(me),
            await notifications.ListAsync(unreadOnly: true, take: 5, ct));
    }

    private async Task<PeriodFigures> FiguresAsync(UserContext me, string? period, DateOnly today, CancellationToken ct)
    {
        var chosen = Periods.FirstOrDefault(p => p == period?.Trim().ToLowerInvariant()) ?? "month";
        var range = chosen switch
        {
            "year" => ReportPeriod.Year(today.Year),
            "quarter" => ReportPeriod.Quarter(today.Year, (today.Month - 1) / 3 + 1),
            _ => ReportPeriod.Month(today.Year, today.Month),
        };
        var key = ("home-figures", me.Id, range.From, range.To, CultureInfo.CurrentUICulture.Name);
        if (cache.TryGetValue(key, out PeriodFigures? cached) && cached is not null && clock.UtcNow - cached.ComputedAt < FiguresFor) return cached;

        var report = await reports.HandleAsync(range, null, ct);
        var ranked = report.Units.OrderBy(u => u.Rank).ThenBy(u => u.UnitPath, StringComparer.Ordinal).ToList();
        var top = ranked.Take(RankedUnits).ToList();
        var bottom = ranked.Skip(top.Count).TakeLast(RankedUnits).Reverse().ToList();
        var link = $"/reports?from={ReportQuery.Text(range.From)}&to={ReportQuery.Text(range.To)}";
        var figures = new PeriodFigures(chosen, range.From, range.To, report.Totals, top, bottom, ReportEndpoints.ChartJson(report, localizer), link,
            Dashboard: me.HasAny(Role.Principal, Role.Viewer), ComputedAt: clock.UtcNow);
        // 只缓存首页要的几样（不含报表的全部明细行）。
        cache.Set(key, figures, FiguresFor);
        return figures;
    }

    private static List<Shortcut> Shortcuts(UserContext me)
    {
        var list = new List<Shortcut>();
        if (me.SubmitUnits.Count > 0) list.Add(new("Nav.Submit", "/manuscripts/new", "bi-plus-lg"));
        if (me.Assignments.Any(a => a.UnitId is not null)) list.Add(new("Home.Shortcut.ReportOpinion", "/opinion/report", "bi-megaphone"));
        if (me.IsOffice) list.Add(new("Home.Shortcut.Overdue", "/opinion/overdue", "bi-alarm"));
        if (me.CanManageOrganization)
        {
            list.Add(new("Home.Shortcut.Users", "/org/users", "bi-people"));
            list.Add(new("Home.Shortcut.Units", "/org/units", "bi-diagram-3"));
        }
        if (me.Has(Role.SysAdmin)) list.Add(new("Home.Shortcut.Import", "/org/import", "bi-upload"));
        if (me.CanAudit) list.Add(new("Home.Shortcut.Audit", "/audit", "bi-journal-text"));
        return list;
    }
}
