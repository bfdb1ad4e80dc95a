using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OpinionCases;

public sealed record PolicyPageModel : IPageModel<PolicyPage>
{
    public IReadOnlyList<DeadlineRuleDto> Rules { get; init; } = [];
    public bool CanEdit { get; init; }
    public bool Saved { get; init; }
    public string? Error { get; init; }
    public IReadOnlyDictionary<string, string?> Values { get; init; } = new Dictionary<string, string?>();
}
