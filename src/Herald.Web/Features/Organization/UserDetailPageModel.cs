using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Organization;

public sealed record UserDetailPageModel : IPageModel<UserDetailPage>
{
    public required UserDetail User { get; init; }
    public required OrgTree Tree { get; init; }
    public string? Notice { get; init; }
    public string? Error { get; init; }
    public UserForm? Form { get; init; }
}
