using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OpinionCases;

public sealed record CaseDetailPageModel : IPageModel<CaseDetailPage>
{
    public required CaseDetail D { get; init; }
    public required OrgTree Tree { get; init; }
    public IReadOnlySet<long>? AssignUnits { get; init; }
    /// <summary>交办下拉中单位的提示（回应找不到审核人）。</summary>
    public IReadOnlyDictionary<long, string>? AssignNotes { get; init; }
    public IReadOnlyList<PlanDto> Plans { get; init; } = [];
    public string? Notice { get; init; }
    public string? Error { get; init; }
    /// <summary>出错的表单（重新展开并填回输入）。</summary>
    public string? Form { get; init; }
    public IReadOnlyDictionary<string, string?> Values { get; init; } = new Dictionary<string, string?>();
}
