using Herald.Web.Infrastructure.Auth;

namespace Herald.Web.Features.Common;

/// <summary>
/// 一件等某人处理的事：种类（kind，页面用 Text.resx 的 Waiting.&lt;kind&gt; 显示中文名）、标题、链接、
/// 开始等待的时间（Since，首页按它从早到晚排）、到期时间（有时限时显示倒计时）、所属单位名。
/// </summary>
public sealed record WaitingItem(string Kind, string Title, string Link, DateTime Since, DateTime? DueAt = null, string? Unit = null);

/// <summary>
/// 一种待办：全部件数（Count，与 ListLink 指向的列表件数相同）、带筛选的列表链接、最早的若干件（Items，可为空：只有数字的待办）；
/// Overdue 为其中已超期的件数，OverdueLink 为只列超期的列表；Label 为附加说明（如单位名）；
/// CountCapped：件数只数到 Count 为止、实际更多（与数据表的有上限计数相同，见 PageRequest.CountCap），页面显示"10000+"。
/// </summary>
public sealed record WaitingGroup(string Kind, int Count, string ListLink, IReadOnlyList<WaitingItem> Items, int Overdue = 0,
    string? OverdueLink = null, string? Label = null, bool CountCapped = false);

/// <summary>
/// 待办来源（工作台的扩展点）：每个功能模块在自己的 AddServices 里登记
/// <c>services.AddScoped&lt;IWaitingWorkSource, 某来源&gt;()</c>，只用本模块的公开查询算出这个人的待办；
/// 首页合并各来源、按等待时间从早到晚排列，并按种类显示件数，从不直接查询各模块的数据（docs/architecture.md）。
/// </summary>
public interface IWaitingWorkSource
{
    /// <summary>此人的待办（每种、每个单位一组）；此人的角色与之无关时返回空（首页不显示卡片）。每组最多列出 take 件。</summary>
    Task<IReadOnlyList<WaitingGroup>> ListAsync(UserContext me, int take, CancellationToken ct);
}
