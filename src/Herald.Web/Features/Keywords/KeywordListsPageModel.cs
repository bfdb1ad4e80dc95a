using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Keywords;

public sealed record KeywordListsPageModel : IPageModel<KeywordListsPage>
{
    public IReadOnlyList<KeywordListSummary> Lists { get; init; } = [];
    public string? Notice { get; init; }
    public string? Error { get; init; }
    public NewKeywordListForm? NewForm { get; init; }
}
