using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OpinionCases;

public sealed record StatsPageModel : IPageModel<StatsPage>
{
    public required CaseStatsView S { get; init; }
    public string? Error { get; init; }
    /// <summary>北京时间的今天：周报、月报只能选已结束的时期。</summary>
    public DateOnly Today { get; init; }
}
