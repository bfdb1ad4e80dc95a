using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OpinionCases;

public sealed record OverduePageModel : IPageModel<OverduePage>
{
    public IReadOnlyList<OverdueRow> Rows { get; init; } = [];
}
