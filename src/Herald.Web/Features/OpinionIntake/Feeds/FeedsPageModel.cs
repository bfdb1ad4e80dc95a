using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OpinionIntake.Feeds;

public sealed record FeedsPageModel : IPageModel<FeedsPage>
{
    public IReadOnlyList<FeedDto> Feeds { get; init; } = [];
    public string? Notice { get; init; }
    public string? Error { get; init; }
    public FeedForm Form { get; init; } = new();
    public long? EditingId { get; init; }
}
