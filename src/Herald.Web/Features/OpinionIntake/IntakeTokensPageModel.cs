using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OpinionIntake;

public sealed record IntakeTokensPageModel : IPageModel<IntakeTokensPage>
{
    public IReadOnlyList<IntakeTokenSummary> Tokens { get; init; } = [];
    public IssuedIntakeToken? Issued { get; init; }
    public string? Notice { get; init; }
    public string? Error { get; init; }
    public IntakeTokenForm? Form { get; init; }
}
