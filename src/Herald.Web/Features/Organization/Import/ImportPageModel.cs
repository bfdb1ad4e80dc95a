using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Organization.Import;

public sealed record ImportPageModel : IPageModel<ImportPage>
{
    public string? Error { get; init; }
    public IReadOnlyList<ImportError> Errors { get; init; } = [];
}
