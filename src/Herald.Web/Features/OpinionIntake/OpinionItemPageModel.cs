using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OpinionIntake;

public sealed record OpinionItemPageModel : IPageModel<OpinionItemPage>
{
    public required OpinionItemDetail Item { get; init; }
    public string? Notice { get; init; }
    public bool CanOpenCase { get; init; }
}
