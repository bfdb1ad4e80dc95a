using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Correspondents;

public sealed record LinkableUserOptionsModel : IPageModel<LinkableUserOptions>
{
    public IReadOnlyList<LinkableUser> Users { get; init; } = [];
    public bool HasUnit { get; init; }
    public string? Selected { get; init; }
}
