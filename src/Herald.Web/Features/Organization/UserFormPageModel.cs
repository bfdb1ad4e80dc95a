using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Organization;

public sealed record UserFormPageModel : IPageModel<UserFormPage>
{
    public required OrgTree Tree { get; init; }
    public UserForm Form { get; init; } = new();
    public string? Error { get; init; }
}
