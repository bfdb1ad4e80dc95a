using Herald.Domain.Organization;
using Herald.Web.Features.Common;
using Herald.Web.Features.Reviews;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Demo;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Shell;

/// <summary>页面框架需要的信息：谁登录了、能看到哪些菜单、未读通知与待审数量。</summary>
public sealed record ShellInfo(
    bool SignedIn,
    string DisplayName,
    string UnitName,
    bool IsDemo,
    int UnreadNotifications,
    int InboxCount,
    bool CanSubmit,
    bool CanSeeManuscripts,
    bool CanReview,
    bool CanSeePool,
    bool CanManageOrganization,
    bool CanManageCorrespondents,
    bool CanManageCategories,
    bool CanAudit,
    bool CanManagePublishing = false,
    bool CanSeeReports = false,
    bool CanSeeOpinion = false);

public sealed class GetShellInfo(CurrentUser current, HeraldDbContext db, DemoFlag demo)
{
    public async Task<ShellInfo> HandleAsync(CancellationToken ct = default)
    {
        var isDemo = await demo.IsDemoAsync(db, ct);
        if (!current.IsAuthenticated)
            return new ShellInfo(false, "", "", isDemo, 0, 0, false, false, false, false, false, false, false, false);

        var me = await current.GetAsync(ct);
        var unread = await db.Notifications.CountAsync(n => n.UserId == me.Id && n.ReadAt == null, ct);
        var inbox = me.CanReview ? await db.Manuscripts.AwaitingReviewBy(me).CountAsync(ct) : 0;
        var unitId = await db.Users.Where(u => u.Id == me.Id).Select(u => u.UnitId).FirstOrDefaultAsync(ct);
        var unitName = unitId is { } id ? me.Tree.Find(id)?.Name ?? "" : "";
        return new ShellInfo(
            SignedIn: true,
            DisplayName: me.DisplayName,
            UnitName: unitName,
            IsDemo: isDemo,
            UnreadNotifications: unread,
            InboxCount: inbox,
            CanSubmit: me.SubmitUnits.Count > 0,
            CanSeeManuscripts: UnitScope.Manuscripts(me).Count > 0,
            CanReview: me.CanReview,
            CanSeePool: me.HasAny(Role.Office, Role.Principal, Role.Viewer),
            CanManageOrganization: me.CanManageOrganization,
            CanManageCorrespondents: Correspondents.CorrespondentScope.CanManage(me),
            CanManageCategories: me.IsOffice || me.Has(Role.SysAdmin),
            CanAudit: me.CanAudit,
            CanManagePublishing: me.IsOffice,
            CanSeeReports: UnitScope.Manuscripts(me).Count > 0,
            CanSeeOpinion: UnitScope.Manuscripts(me).Count > 0 || me.SubmitUnits.Count > 0 || me.Has(Role.OpinionOfficer));
    }
}

/// <summary>本次请求的页面框架数据：整页渲染前由 <see cref="ShellInfoLoader"/> 填好，Shell 组件只读。</summary>
public sealed class ShellContext
{
    public ShellInfo? Info { get; set; }
}

public sealed class ShellInfoLoader(GetShellInfo get, ShellContext context) : IPageChromeLoader
{
    public async Task LoadAsync(HttpContext http) => context.Info ??= await get.HandleAsync(http.RequestAborted);
}
