using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Audit;

public sealed record AuditPageModel : IPageModel<AuditPage>
{
    public AuditQuery Query { get; init; } = new();
    public PagedResult<AuditItem> Result { get; init; } = new([], 1, 50, 0);
    public required TableSort Sort { get; init; }
}
