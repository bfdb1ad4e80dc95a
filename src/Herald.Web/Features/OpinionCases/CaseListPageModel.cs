using Herald.Domain.Organization;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OpinionCases;

public sealed record CaseListPageModel : IPageModel<CaseListPage>
{
    public CaseQuery Query { get; init; } = new();
    public PagedResult<CaseListItem> Result { get; init; } = new([], 1, 20, 0);
    public required TableSort Sort { get; init; }
    public required OrgTree Tree { get; init; }
    public IReadOnlySet<long>? Units { get; init; }
    public bool IsOffice { get; init; }
    public string? Notice { get; init; }
}
