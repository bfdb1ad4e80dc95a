using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Writing;

public sealed record UsageRulesPageModel : IPageModel<UsageRulesPage>
{
    public required UsageRulesView View { get; init; }
    public UsageRulesForm Form { get; init; } = new();
    public string? Notice { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];
}
