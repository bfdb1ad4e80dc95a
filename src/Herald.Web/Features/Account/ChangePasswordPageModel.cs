using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Account;

public sealed record ChangePasswordPageModel : IPageModel<ChangePasswordPage>
{
    public bool Forced { get; init; }
    public bool Done { get; init; }
    public string? Error { get; init; }
    public string? ErrorField { get; init; }
}
