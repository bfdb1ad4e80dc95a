using Herald.Domain.Common;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Time;

namespace Herald.Web.Features.Audit;

/// <summary>
/// 待办来源（审计管理员、安全管理员）：近 7 天因口令连续错误而锁定的记录（kind security_event），
/// 件数与 /audit?action=signin.lockout&amp;from=… 同一查询；每件链接到此人这几天的审计记录。
/// </summary>
public sealed class SecurityEventsWaiting(SearchAudit search, Clock clock) : IWaitingWorkSource
{
    public const int Days = 7;

    public async Task<IReadOnlyList<WaitingGroup>> ListAsync(UserContext me, int take, CancellationToken ct)
    {
        if (!me.CanAudit) return [];
        var from = ChinaTime.DateOf(clock.UtcNow).AddDays(1 - Days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var page = await search.HandleAsync(new AuditQuery(Action: "signin.lockout", From: from, PageSize: take), ct);
        var items = page.Items.Select(a => new WaitingItem("security_event", $"{a.ActionName}：{a.UserDisplayName ?? a.UserName}",
            $"/audit?userId={a.UserId}&from={from}", a.At)).ToList();
        return [new WaitingGroup("security_event", page.Total, $"/audit?action=signin.lockout&from={from}", items)];
    }
}
