using Herald.Domain.Organization;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Reviews;

/// <summary>审核请求。稿件有阻断类敏感词时，通过须 override=true 并给出 overrideReason。</summary>
public sealed record ReviewRequest(string? Decision, string? Comment, int? Revision, bool? Override = null, string? OverrideReason = null);

public sealed record ReviewInbox(IReadOnlyList<ManuscriptListItem> Items, IReadOnlyDictionary<Role, int> CountsByStep, int Total);

/// <summary>待我审核页的模型：待审稿件，以及刚处理完的那篇（done 为 approve/return/reject）。</summary>
public sealed record ReviewInboxModel(ReviewInbox Inbox, string? Done, long? DoneId) : IPageModel<ReviewInboxPage>;
