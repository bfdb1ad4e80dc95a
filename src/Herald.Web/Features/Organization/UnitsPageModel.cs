using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Organization;

public sealed record UnitsPageModel : IPageModel<UnitsPage>
{
    public IReadOnlyList<UnitRow> Rows { get; init; } = [];
    public string? Notice { get; init; }
    public UnitWarning? Only { get; init; }
}
