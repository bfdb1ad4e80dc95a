using Herald.Domain.Organization;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Manuscripts;

/// <summary>稿件列表页的模型：筛选条件、当前一页、排序、可选的单位（本人可见的范围）、能否报送。</summary>
public sealed record ManuscriptListModel(ManuscriptQuery Query, PagedResult<ManuscriptListItem> Result, TableSort Sort, OrgTree Tree,
    IReadOnlySet<long> VisibleUnits, bool CanSubmit, string? Notice) : IPageModel<ManuscriptListPage>;
