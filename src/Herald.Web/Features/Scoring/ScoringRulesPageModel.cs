using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Scoring;

public sealed record ScoringRulesPageModel : IPageModel<ScoringRulesPage>
{
    public required ScoringRulesView View { get; init; }
    public bool CanEdit { get; init; }
    public RuleVersionInput Form { get; init; } = new();
    public DateOnly Today { get; init; }
    public string? Notice { get; init; }
    public string? Error { get; init; }
    public Dictionary<string, List<string>> Errors { get; init; } = new();
}
