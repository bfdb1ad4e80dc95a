using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Keywords;

public sealed record KeywordListPageModel : IPageModel<KeywordListPage>
{
    public required KeywordListDetail List { get; init; }
    public KeywordListForm Form { get; init; } = new();
    public string? Notice { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];
}
