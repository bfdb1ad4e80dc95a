using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OptionLists;

public sealed record OptionListPageModel : IPageModel<OptionListPage>
{
    public required OptionListView View { get; init; }
    public OptionListForm Form { get; init; } = new();
    public string? Notice { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];
}
