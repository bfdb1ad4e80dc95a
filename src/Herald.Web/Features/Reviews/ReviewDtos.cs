using Herald.Domain.Organization;
using Herald.Web.Features.Common;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Reviews;

/// <summary>审核请求。稿件有阻断类敏感词时，通过须 override=true 并给出 overrideReason。</summary>
public sealed record ReviewRequest(string? Decision, string? Comment, int? Revision, bool? Override = null, string? OverrideReason = null);

/// <summary>
/// 待我审核：本页的稿件（Items），各审核级别的数量与总数（Total，不受筛选影响，与首页的数字相同），
/// 页码、每页条数与符合筛选的篇数（Matched）。
/// </summary>
public sealed record ReviewInbox(IReadOnlyList<ManuscriptListItem> Items, IReadOnlyDictionary<Role, int> CountsByStep, int Total,
    int Page = 1, int PageSize = 20, int Matched = 0) : IPageInfo
{
    int IPageInfo.Total => Matched;

    bool IPageInfo.TotalCapped => false;

    int IPageInfo.PageCount => Matched == 0 ? 1 : (Matched + PageSize - 1) / PageSize;
}

/// <summary>待我审核页的模型：筛选、排序、待审稿件，以及刚处理完的那篇（done 为 approve/return/reject）。</summary>
public sealed record ReviewInboxModel(ReviewInbox Inbox, ReviewInboxQuery Query, TableSort Sort, OrgTree Tree, string? Done, long? DoneId)
    : IPageModel<ReviewInboxPage>;

/// <summary>
/// 批量审核：ids 中的每篇以同一个决定（approve|return|reject）和意见审核；revisions 可选，为各篇看到时的版本号
/// （{"12":3}），与当前不符的那篇报 Manuscript.StaleReview。
/// </summary>
public sealed record ReviewBatchRequest(IReadOnlyList<long>? Ids, string? Decision, string? Comment, IReadOnlyDictionary<long, int>? Revisions = null);
