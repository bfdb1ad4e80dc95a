using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Organization;

public sealed record UnitDetailPageModel : IPageModel<UnitDetailPage>
{
    public required UnitDetail Unit { get; init; }
    public required OrgTree Tree { get; init; }
    public string? Notice { get; init; }
    public string? Error { get; init; }
    public string? NameInput { get; init; }
}
