using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Organization;

public sealed record UnitFormPageModel : IPageModel<UnitFormPage>
{
    public required OrgTree Tree { get; init; }
    public UnitForm Form { get; init; } = new();
    public string? Error { get; init; }
}
