using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OpinionIntake;

public sealed record OpinionItemsPageModel : IPageModel<OpinionItemsPage>
{
    public IReadOnlyList<string> Platforms { get; init; } = [];
    public OpinionItemQuery Query { get; init; } = new();
    public PagedResult<OpinionListItem> Result { get; init; } = new([], 1, 20, 0);
    public required TableSort Sort { get; init; }
    public bool SeesAll { get; init; }
    public bool CanReport { get; init; }
}
