using Herald.Domain.Auditing;
using Herald.Domain.Common;
using Herald.Domain.Identity;
using Herald.Domain.Organization;
using Herald.Domain.Publishing;
using Herald.Domain.Review;
using Herald.Domain.Submission;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Demo;
using Herald.Web.Infrastructure.Html;
using Herald.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Demo;

/// <summary>
/// 首次启动（空库）时的初始数据：稿件类别；启用演示时创建"示例街道""示例县科学技术局"两套单位、
/// 各角色演示账号、几篇示例稿件和舆情示例数据（<see cref="DemoOpinionSeeder"/>），否则只创建三员账号
/// admin（系统管理员）、secadmin（安全管理员）、auditor（审计管理员），首次登录须改口令。
/// </summary>
public sealed class DemoSeeder(HeraldDbContext db, PasswordHashing hashing, ReferenceData reference, IServiceScopeFactory scopes,
    ILogger<DemoSeeder> logger)
{
    public static readonly string[] DefaultCategories = ["经济发展", "品牌建设", "创新工作", "亮点特色", "工作动态"];

    /// <summary>三员：三个互斥的管理员账号（演示组织与不建演示数据时都一样）。</summary>
    public static readonly (string UserName, string DisplayName, Role Role)[] Administrators =
    [
        ("admin", "系统管理员", Role.SysAdmin),
        ("secadmin", "安全管理员", Role.SecAdmin),
        ("auditor", "审计管理员", Role.Auditor),
    ];

    /// <summary>返回需要打印一次的初始口令说明；库非空时返回 null。</summary>
    public async Task<string?> SeedAsync(HeraldOptions options, DateTime nowUtc, CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct)) return null;

        var order = 0;
        foreach (var name in DefaultCategories) db.Categories.Add(Category.Create(name, order++));
        await db.SaveChangesAsync(ct);

        string notice;
        if (options.Demo.Enabled)
        {
            var password = string.IsNullOrWhiteSpace(options.Demo.Password) ? PasswordHashing.Generate() : options.Demo.Password!;
            await SeedDemoAsync(password, nowUtc, ct);
            notice = string.IsNullOrWhiteSpace(options.Demo.Password)
                ? $"演示账号 admin / secadmin / auditor / office / officer / officer2 / head / head2 / leader / principal / viewer / opinion 的口令：{password}（只显示这一次）"
                : "演示账号已创建，口令为配置项 Herald:Demo:Password 的值。";
        }
        else
        {
            // 三员分立：三个管理员账号各自的口令（未配置时各自随机），首次登录都须修改。
            var configured = options.Admin.InitialPassword;
            var issued = new List<string>();
            foreach (var (userName, displayName, role) in Administrators)
            {
                var password = string.IsNullOrWhiteSpace(configured) ? PasswordHashing.Generate() : configured!;
                var account = UserAccount.Create(userName, displayName, null, hashing.Hash(password), mustChangePassword: true, nowUtc);
                db.Users.Add(account);
                await db.SaveChangesAsync(ct);
                db.RoleAssignments.Add(RoleAssignment.Create(account.Id, role, null, nowUtc));
                issued.Add($"{userName}（{displayName}）：{password}");
            }
            db.AuditEntries.Add(AuditEntry.Create(nowUtc, null, "system", "system.seed", detail: "administrators only"));
            await db.SaveChangesAsync(ct);
            notice = string.IsNullOrWhiteSpace(configured)
                ? $"管理员账号的初始口令（只显示这一次，首次登录须修改）：{string.Join("；", issued)}"
                : "管理员账号 admin、secadmin、auditor 已创建，口令为配置项 Herald:Admin:InitialPassword 的值，首次登录须修改。";
        }
        logger.LogInformation("Initial data created (demo: {Demo})", options.Demo.Enabled);
        return notice;
    }

    private async Task SeedDemoAsync(string password, DateTime now, CancellationToken ct)
    {
        db.Settings.Add(new AppSetting { Key = AppSetting.DemoOrganization, Value = "true" });

        var street = await AddUnitAsync("示例街道", UnitType.Street, null, 0, now, ct);
        var partyOffice = await AddUnitAsync("示例街道党政办公室", UnitType.Department, street.Id, 1, now, ct);
        var economy = await AddUnitAsync("示例街道经济发展办公室", UnitType.Department, street.Id, 2, now, ct);
        await AddUnitAsync("示例街道社会事务办公室", UnitType.Department, street.Id, 3, now, ct);
        var safety = await AddUnitAsync(DemoOpinionSeeder.SafetyOffice, UnitType.Department, street.Id, 4, now, ct);
        var squad = await AddUnitAsync(DemoOpinionSeeder.EnforcementSquad, UnitType.Department, street.Id, 5, now, ct);
        var xingfu = await AddUnitAsync("幸福社区", UnitType.Community, street.Id, 6, now, ct);
        var heping = await AddUnitAsync("和平社区", UnitType.Community, street.Id, 7, now, ct);
        await AddUnitAsync("李家村", UnitType.Community, street.Id, 8, now, ct);
        await AddUnitAsync("王庄村", UnitType.Community, street.Id, 9, now, ct);

        var bureau = await AddUnitAsync("示例县科学技术局", UnitType.Agency, null, 1, now, ct);
        await AddUnitAsync("示例县科学技术局办公室", UnitType.Department, bureau.Id, 1, now, ct);
        var hightech = await AddUnitAsync("示例县科学技术局高新技术科", UnitType.Department, bureau.Id, 2, now, ct);
        await AddUnitAsync("示例县科学技术局农村科技科", UnitType.Department, bureau.Id, 3, now, ct);
        await AddUnitAsync("示例县科学技术局政策法规科", UnitType.Department, bureau.Id, 4, now, ct);
        await AddUnitAsync("示例县科技创新服务中心", UnitType.Affiliate, bureau.Id, 5, now, ct);

        // 演示账号共用一个口令，只算一次散列（PBKDF2 较慢，影响冷启动）。
        var hash = hashing.Hash(password);
        // 账号顺序（即 id）与早先的演示数据一致，secadmin 排在最后。
        Assign(await AddUserAsync("admin", "系统管理员", null, hash, now, ct), Role.SysAdmin, null, now);
        var office = await AddUserAsync("office", "周敏", street.Id, hash, now, ct);
        var officer = await AddUserAsync("officer", "李文静", partyOffice.Id, hash, now, ct);
        var officer2 = await AddUserAsync("officer2", "王海涛", xingfu.Id, hash, now, ct);
        var head = await AddUserAsync("head", "张建国", partyOffice.Id, hash, now, ct);
        var head2 = await AddUserAsync("head2", "刘红梅", xingfu.Id, hash, now, ct);
        var head3 = await AddUserAsync("head3", "郑国华", safety.Id, hash, now, ct);
        var leader = await AddUserAsync("leader", "陈志强", street.Id, hash, now, ct);
        var principal = await AddUserAsync("principal", "赵立新", street.Id, hash, now, ct);
        var viewer = await AddUserAsync("viewer", "孙伟", street.Id, hash, now, ct);
        Assign(await AddUserAsync("auditor", "审计管理员", null, hash, now, ct), Role.Auditor, null, now);
        var opinion = await AddUserAsync("opinion", "吴晓燕", safety.Id, hash, now, ct);
        Assign(await AddUserAsync("secadmin", "安全管理员", null, hash, now, ct), Role.SecAdmin, null, now);

        Assign(office, Role.Office, street.Id, now);
        Assign(office, Role.Office, bureau.Id, now);
        Assign(officer, Role.Correspondent, partyOffice.Id, now);
        Assign(officer2, Role.Correspondent, xingfu.Id, now);
        Assign(head, Role.UnitHead, partyOffice.Id, now);
        Assign(head2, Role.UnitHead, xingfu.Id, now);
        // 平安建设办公室有负责人、有分管领导：舆情信息员所在单位的重大舆情回应能逐级审核到主要负责人。
        Assign(head3, Role.UnitHead, safety.Id, now);
        foreach (var unit in new[] { partyOffice, economy, xingfu, heping, safety })
            Assign(leader, Role.SupervisingLeader, unit.Id, now);
        Assign(principal, Role.Principal, street.Id, now);
        Assign(viewer, Role.Viewer, street.Id, now);
        Assign(viewer, Role.Viewer, bureau.Id, now);
        Assign(opinion, Role.OpinionOfficer, safety.Id, now);

        var today = ChinaTime.DateOf(now);
        db.Correspondents.Add(CorrespondentRecord.Register(partyOffice.Id, officer.Id, "李文静", "13805370101", "liwenjing@example.invalid", "党政办干事", today.AddMonths(-8), now));
        db.Correspondents.Add(CorrespondentRecord.Register(xingfu.Id, officer2.Id, "王海涛", "13805370202", null, "社区网格员", today.AddMonths(-5), now));
        db.Correspondents.Add(CorrespondentRecord.Register(hightech.Id, null, "马丽", "13805370303", null, "科员", today.AddMonths(-14), now));
        db.AuditEntries.Add(AuditEntry.Create(now, null, "system", "system.seed", detail: "demo organisation"));
        await db.SaveChangesAsync(ct);

        await reference.AddDemoOutletsAsync(now, ct);
        db.Channels.Add(Channel.Create(street.Id, "幸福示例街道", ChannelType.WeChat, null, "周敏", "05376210001", office.Id, now));
        db.Channels.Add(Channel.Create(street.Id, "示例街道门户网站", ChannelType.Website, "https://street.example.invalid/", "周敏", "05376210001", office.Id, now));
        db.Channels.Add(Channel.Create(street.Id, "街道便民服务中心宣传栏", ChannelType.BulletinBoard, null, "李文静", "13805370101", officer.Id, now));
        db.Channels.Add(Channel.Create(bureau.Id, "示例县科技", ChannelType.WeChat, null, "马丽", "13805370303", null, now));
        await db.SaveChangesAsync(ct);
        await SeedManuscriptsAsync(now, partyOffice, xingfu, officer, officer2, head, head2, office, ct);
        // 舆情示例数据走真实的收录流程（命中、近似重复），另用一个数据库上下文。
        await DemoOpinionSeeder.RunAsync(scopes,
            new DemoOpinionSeeder.Org(street.Id, safety.Id, squad.Id, xingfu.Id, office, opinion, officer2, head2), now, ct);
    }

    private async Task SeedManuscriptsAsync(DateTime now, Unit partyOffice, Unit xingfu, UserAccount officer,
        UserAccount officer2, UserAccount head, UserAccount head2, UserAccount office, CancellationToken ct)
    {
        var tree = new OrgTree(
            await db.Units.Select(u => new UnitNode(u.Id, u.ParentId, u.Name, u.Type, u.Disabled, u.SortOrder)).ToListAsync(ct),
            await db.RoleAssignments.Select(r => new Assignment(r.UserId, r.Role, r.UnitId)).ToListAsync(ct));
        var categories = await db.Categories.OrderBy(c => c.SortOrder).ToListAsync(ct);
        var today = ChinaTime.DateOf(now);

        var approved = Manuscript.CreateDraft(partyOffice.Id, officer.Id, Content(
            "示例街道开展“我为群众办实事”集中服务活动",
            "11月18日上午，示例街道党政办公室联合辖区各社区在街道便民服务中心广场开展“我为群众办实事”集中服务活动。\n" +
            "活动现场设置政策咨询、医疗义诊、法律援助、家电维修等8个服务摊位，街道机关干部和社区志愿者40余人参与服务，共接待群众300余人次，发放宣传资料1200余份。\n" +
            "下一步，街道将把集中服务活动常态化，每月确定一个主题，持续推动服务资源下沉到社区、延伸到群众家门口。",
            categories[4].Id, Importance.Routine, today.AddDays(-4)), now.AddDays(-4));
        db.Manuscripts.Add(approved);
        approved.Submit(officer.Id, RoutePolicy.Default.RouteFor(Importance.Routine, UnitType.Department),
            r => tree.ResolveReviewers(r, partyOffice.Id), TimelinessPolicy.Default, now.AddDays(-4).AddHours(2));
        approved.Approve(head.Id, "内容属实，同意报送。", r => tree.ResolveReviewers(r, partyOffice.Id), now.AddDays(-3));
        approved.AssignStandardName(partyOffice.Name, ChinaTime.DateOf(now.AddDays(-4).AddHours(2)), 1);
        // 已审定的示例稿件：在公众号发布，被县融媒体中心采用（宣传办登记即核实）。
        var wechat = await db.Channels.FirstAsync(c => c.Name == "幸福示例街道", ct);
        var countyMedia = await db.Outlets.FirstAsync(o => o.Name == "示例县融媒体中心", ct);
        approved.Publish(wechat, null, now.AddDays(-3).AddHours(2), office.Id, now.AddDays(-3).AddHours(2));
        approved.RecordAdoption(countyMedia, ChinaTime.DateOf(now.AddDays(-2)), "基层动态", null, false, null, office.Id, true, now.AddDays(-2));

        var inReview = Manuscript.CreateDraft(xingfu.Id, officer2.Id, Content(
            "幸福社区“垃圾分类进万家”宣传活动取得实效",
            "为进一步提高居民垃圾分类意识，幸福社区近日组织网格员、志愿者深入小区开展“垃圾分类进万家”入户宣传活动。\n" +
            "志愿者通过发放宣传册、现场演示、有奖问答等方式，向居民讲解可回收物、有害垃圾、厨余垃圾和其他垃圾的分类标准。活动覆盖居民800余户，小区垃圾分类准确率由62%提升到85%。\n" +
            "社区将建立垃圾分类“红黑榜”，每月公示各楼栋分类情况，推动垃圾分类从“要我分”向“我要分”转变。",
            categories[1].Id, Importance.Important, today.AddDays(-2)), now.AddDays(-2));
        db.Manuscripts.Add(inReview);
        inReview.Submit(officer2.Id, RoutePolicy.Default.RouteFor(Importance.Important, UnitType.Community),
            r => tree.ResolveReviewers(r, xingfu.Id), TimelinessPolicy.Default, now.AddDays(-2).AddHours(1));
        inReview.Approve(head2.Id, null, r => tree.ResolveReviewers(r, xingfu.Id), now.AddDays(-1));
        inReview.AssignStandardName(xingfu.Name, ChinaTime.DateOf(now.AddDays(-2).AddHours(1)), 1);

        db.Manuscripts.Add(Manuscript.CreateDraft(partyOffice.Id, officer.Id, Content(
            "街道召开第四季度宣传信息工作例会",
            "（草稿）街道召开第四季度宣传信息工作例会，通报前三季度各部门、村社区投稿用稿情况，部署下一阶段重点宣传任务。",
            categories[4].Id, Importance.Routine, today), now));
        await db.SaveChangesAsync(ct);
    }

    private static ManuscriptContent Content(string title, string body, long categoryId, Importance importance, DateOnly eventDate)
    {
        var html = BodyHtml.FromPlainText(body);
        return new ManuscriptContent(title, html.Html, html.Text, categoryId, importance, eventDate, false, null);
    }

    private async Task<Unit> AddUnitAsync(string name, UnitType type, long? parentId, int sort, DateTime now, CancellationToken ct)
    {
        var unit = Unit.Create(name, type, parentId, sort, now);
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        return unit;
    }

    private async Task<UserAccount> AddUserAsync(string userName, string displayName, long? unitId, string hash, DateTime now, CancellationToken ct)
    {
        var user = UserAccount.Create(userName, displayName, unitId, hash, mustChangePassword: false, now);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user;
    }

    private void Assign(UserAccount user, Role role, long? unitId, DateTime now) =>
        db.RoleAssignments.Add(RoleAssignment.Create(user.Id, role, unitId, now));
}
