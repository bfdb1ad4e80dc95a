using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Organization;

public sealed record PasswordIssuedPageModel : IPageModel<PasswordIssuedPage>
{
    public required IssuedPassword Issued { get; init; }
}
