using Herald.Domain.Opinion.Cases;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OpinionCases;

public sealed record CaseFormPageModel : IPageModel<CaseFormPage>
{
    public CaseSelection Selection { get; init; } = new([], SeveritySuggestion.None, [], []);
    public required OrgTree Tree { get; init; }
    public IReadOnlyDictionary<string, string?> Values { get; init; } = new Dictionary<string, string?>();
    public string? Error { get; init; }
}
