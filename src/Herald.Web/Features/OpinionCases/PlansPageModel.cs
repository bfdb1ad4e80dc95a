using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OpinionCases;

public sealed record PlansPageModel : IPageModel<PlansPage>
{
    public IReadOnlyList<PlanDto> Items { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public PlanDto? Editing { get; init; }
    public bool CanEdit { get; init; }
    public required OrgTree Tree { get; init; }
    public IReadOnlySet<long>? Units { get; init; }
    public IReadOnlyDictionary<long, string> UserNames { get; init; } = new Dictionary<long, string>();
    public string? Notice { get; init; }
    public string? Error { get; init; }
    public IReadOnlyDictionary<string, string?> Values { get; init; } = new Dictionary<string, string?>();
}
