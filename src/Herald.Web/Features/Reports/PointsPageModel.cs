using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Reports;

public sealed record PointsPageModel : IPageModel<PointsPage>
{
    public required PointsDetail Detail { get; init; }
}
