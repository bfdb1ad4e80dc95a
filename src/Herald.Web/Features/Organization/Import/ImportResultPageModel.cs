using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Organization.Import;

public sealed record ImportResultPageModel : IPageModel<ImportResultPage>
{
    public required ImportResult Result { get; init; }
}
