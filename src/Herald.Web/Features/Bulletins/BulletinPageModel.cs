using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Bulletins;

public sealed record BulletinPageModel : IPageModel<BulletinPage>
{
    public required BulletinDetail Detail { get; init; }
    public string? Notice { get; init; }
    public string? Error { get; init; }
    public string? PublishError { get; init; }
    public BulletinEditForm? Form { get; init; }
}
