using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Account;

public sealed record TokensPageModel : IPageModel<TokensPage>
{
    public IReadOnlyList<TokenSummary> Tokens { get; init; } = [];
    public TokenResponse? NewToken { get; init; }
}
