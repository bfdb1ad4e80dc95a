using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Reports;

public sealed record ReportsPageModel : IPageModel<ReportsPage>
{
    public ReportQuery Query { get; init; } = new();
    public PeriodReport? Report { get; init; }
    public required OrgTree Tree { get; init; }
    public IReadOnlySet<long>? Visible { get; init; }
    public bool CanReadRules { get; init; }
    public DateOnly Today { get; init; }
    public string? Error { get; init; }
}
