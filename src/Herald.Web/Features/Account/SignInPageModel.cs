using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Account;

public sealed record SignInPageModel : IPageModel<SignInPage>
{
    public SignInForm? Form { get; init; }
    public string? ReturnUrl { get; init; }
    public string? Error { get; init; }
    public bool Expired { get; init; }
}
