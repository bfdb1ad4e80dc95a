using Herald.Domain.Common;
using Herald.Domain.Identity;
using Herald.Domain.Notifications;
using Herald.Domain.Opinion;
using Herald.Domain.Opinion.Cases;
using Herald.Domain.Organization;
using Herald.Web.Features.OpinionCases;
using Herald.Web.Features.OpinionIntake;
using Herald.Web.Infrastructure.Data;

namespace Herald.Web.Features.Demo;

/// <summary>
/// 演示组织的舆情数据（首次启动、启用演示时）：近三天的 8 条舆情信息，经真实的收录过程标出命中、归并近似重复；
/// 两个应急预案模板；三件舆情——较大的工地讨薪（交办平安建设办公室、已处置、启动预案）、已办结的一般舆情（幸福社区停车难）、
/// 上级交办待反馈的夜市油烟扰民（交办综合行政执法中队）。时间都相对首次启动的时刻。
/// </summary>
public sealed class DemoOpinionSeeder(HeraldDbContext db, OpinionIngest ingest)
{
    public const string SafetyOffice = "示例街道平安建设办公室";
    public const string EnforcementSquad = "示例街道综合行政执法中队";

    /// <summary>演示组织里用到的单位与账号（由 DemoSeeder 传入，免得再查一遍）。</summary>
    public sealed record Org(long Street, long SafetyOffice, long EnforcementSquad, long Community,
        UserAccount Office, UserAccount Opinion, UserAccount Officer2, UserAccount Head2);

    /// <summary>在自己的作用域（自己的数据库上下文）里运行：收录要开自己的写事务，不能在 DemoSeeder 的上下文里。</summary>
    public static async Task RunAsync(IServiceScopeFactory scopes, Org org, DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoOpinionSeeder>().SeedAsync(org, now, ct);
    }

    /// <summary>共保存三次：预案（任务要用预案编号）、立案与交办、此后的处置与办结（要用任务与舆情的编号）。</summary>
    public async Task SeedAsync(Org org, DateTime now, CancellationToken ct = default)
    {
        var items = await IngestItemsAsync(org, now, ct);
        var plan = await AddPlansAsync(org, now, ct);
        var policy = await db.PolicyAsync(ct);

        var wage = OpenWageCase(items, plan, policy, org, now);
        var parking = OpenParkingCase(items, policy, org, now);
        db.OpinionCases.AddRange(wage, parking, OpenNightMarketCase(items, policy, org, now));
        await db.SaveChangesAsync(ct);

        HandleWageCase(wage, org);
        CloseParkingCase(parking, org, now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>一批收录（按收到时间先后，组首先于转发稿），与厂商推送、人工上报走同一个收录过程。</summary>
    private async Task<IReadOnlyList<OpinionItem>> IngestItemsAsync(Org org, DateTime now, CancellationToken ct)
    {
        var items = DemoOpinionItems.All.OrderByDescending(t => t.HoursAgo).Select(t =>
        {
            var received = now.AddHours(-t.HoursAgo);
            var input = new OpinionItemInput(t.Source, t.Platform, t.Url, t.Title, t.Content, t.Author, received.AddMinutes(-30));
            return t.ManualReport
                ? OpinionItem.Report(input, org.Opinion.Id, org.SafetyOffice, [], received)
                : OpinionItem.Push(input, null, received);
        }).ToList();
        await ingest.IngestAsync(items, ct);
        return items;
    }

    /// <summary>两个预案模板（宣传办一个月前建立）；返回工地讨薪一案启动的群体性事件预案。</summary>
    private async Task<EmergencyPlan> AddPlansAsync(Org org, DateTime now, CancellationToken ct)
    {
        var created = now.AddDays(-30);
        var accident = EmergencyPlan.Create("安全生产事故舆情应急预案", "安全生产", OpinionSeverity.Major,
            "适用于辖区内企业、工地、人员密集场所发生安全生产事故并引发网上关注的情形。按国办发〔2016〕80号要求，5小时内发布权威信息、24小时内举行新闻发布会。",
            [
                new PlanStepInput("核实事故时间、地点、伤亡和原因，30分钟内电话报告、1小时内书面报告宣传办", TaskOwnerKind.ResponsibleUnit, null, null, 60),
                new PlanStepInput("成立舆情处置专班，研判舆情走势，拟定回应口径报主要负责人审定", TaskOwnerKind.Office, null, null, 120),
                new PlanStepInput("通过官方平台发布权威信息（事故简要情况、已采取的措施）", TaskOwnerKind.Office, null, null, 300),
                new PlanStepInput("举行新闻发布会或新闻通气会，通报救援和处置进展", TaskOwnerKind.Office, null, null, 1440),
                new PlanStepInput("加强网上舆情监测，每4小时报告一次", TaskOwnerKind.User, null, org.Opinion.Id, 1440),
                new PlanStepInput("处置结束后反馈处置结果，总结经验教训", TaskOwnerKind.ResponsibleUnit, null, null, 4320),
            ], org.Office.Id, created);
        var group = EmergencyPlan.Create("群体性事件舆情应急预案", "社会治安", OpinionSeverity.Significant,
            "适用于欠薪讨薪、征地拆迁、邻避等引发人员聚集、拉横幅并在网上传播的情形。先处置、后回应，对外口径由宣传办统一把关。",
            [
                new PlanStepInput("第一时间到现场核实人数、诉求和现场秩序，报告宣传办", TaskOwnerKind.ResponsibleUnit, null, null, 60),
                new PlanStepInput("研判舆情风险，拟定对外回应口径", TaskOwnerKind.Office, null, null, 180),
                new PlanStepInput("协调有关部门和涉事企业当面回应群众诉求，做好疏导劝离", TaskOwnerKind.ResponsibleUnit, null, null, 360),
                new PlanStepInput("视情在官方平台发布情况通报", TaskOwnerKind.Office, null, null, 1440),
                new PlanStepInput("持续监测网上舆情，每日报告一次", TaskOwnerKind.User, null, org.Opinion.Id, 2880),
                new PlanStepInput("处置完毕后反馈结果，总结经验", TaskOwnerKind.ResponsibleUnit, null, null, 4320),
            ], org.Office.Id, created);
        db.EmergencyPlans.AddRange(accident, group);
        await db.SaveChangesAsync(ct);
        return group;
    }

    /// <summary>(a) 较大：工地讨薪，立案后交办平安建设办公室，启动群体性事件预案。</summary>
    private static OpinionCase OpenWageCase(IReadOnlyList<OpinionItem> items, EmergencyPlan plan, DeadlinePolicy policy, Org org, DateTime now)
    {
        var wage = items.Where(i => i.Title == DemoOpinionItems.WageTitle || i.ReporterId == org.Opinion.Id).ToList();
        var opened = now.AddHours(-21);
        var c = OpinionCase.Open(new OpinionCaseDraft("幸福路安置房项目工人聚集讨薪",
                "抖音、微博、微信多个平台传播幸福路安置房项目工地约25名工人聚集讨薪的视频，反映劳务分包方欠发工资约110万元，" +
                "评论区负面情绪较多，有进一步发酵的风险。平安建设办公室舆情信息员已到现场核实。",
                "劳动保障", OpinionSeverity.Significant, OpinionSentiment.Negative, org.Street,
                wage.Where(i => i.DuplicateOfId is null).Select(i => i.Id).ToList()),
            Suggest(wage, opened), policy, org.Office.Id, opened);
        c.Assign(org.SafetyOffice,
            "请平安建设办公室牵头，会同综合行政执法中队、劳动保障所今天到工地现场核实，督促施工总包方和劳务公司拿出欠薪支付方案，" +
            "做好工人情绪疏导，防止事态扩大；处置进展及时报宣传办，对外口径由宣传办统一把关。",
            ChinaAt(now, 1, 18), org.Office.Id, opened.AddMinutes(30));
        c.ActivatePlan(plan, org.Office.Id, opened.AddMinutes(40));
        return c;
    }

    /// <summary>(a) 续：完成前三项任务，记一次处置（满足内部首次响应），通知舆情信息员已交办；回应与反馈尚未做。</summary>
    private void HandleWageCase(OpinionCase c, Org org)
    {
        var opened = c.OpenedAt;
        var tasks = c.Tasks.OrderBy(t => t.SortOrder).ToList();
        c.CompleteTask(tasks[0].Id, "已到现场：约25人，诉求为结清欠薪，现场秩序平稳，已电话报告宣传办。", org.Opinion.Id, opened.AddMinutes(90));
        c.CompleteTask(tasks[1].Id, "口径：街道高度重视，已督促企业限期支付，依法保障工人合法权益。", org.Office.Id, opened.AddHours(2.5));
        c.RecordDisposal("会同综合行政执法中队、劳动保障所到幸福路安置房项目工地，召集施工总包方、劳务分包公司负责人和工人代表三方协商：" +
                         "总包方承诺先行垫付欠发工资的50%（约55万元），余款在本月底前结清；现场工人已有序散去。",
            opened.AddHours(2.75), [], org.Opinion.Id, opened.AddHours(3));
        c.CompleteTask(tasks[2].Id, "三方协商达成垫付方案，工人已散去。", org.Opinion.Id, opened.AddHours(3));
        db.Notifications.Add(Notification.ForOpinionCase(org.Opinion.Id, NotificationKind.OpinionAssigned, c.Id, c.Title,
            org.Office.DisplayName, c.Instructions, c.AssignedAt!.Value));
    }

    /// <summary>(b) 一般：幸福社区停车难，交办幸福社区。</summary>
    private static OpinionCase OpenParkingCase(IReadOnlyList<OpinionItem> items, DeadlinePolicy policy, Org org, DateTime now)
    {
        var item = items.Single(i => i.Content.StartsWith("幸福社区晚上八点", StringComparison.Ordinal));
        var opened = now.AddHours(-50);
        var c = OpinionCase.Open(new OpinionCaseDraft("幸福社区夜间停车难、消防通道被占",
                "微博网民反映幸福社区夜间车位紧张，消防通道、楼道口被占，多次投诉物业未果，指责社区不作为；转发评论不多。",
                "公共服务", OpinionSeverity.General, OpinionSentiment.Negative, org.Street, [item.Id]),
            Suggest([item], opened), policy, org.Office.Id, opened);
        c.Assign(org.Community, "请幸福社区会同物业核实情况，清理消防通道违停车辆，在社区公众号作出回应，处理结果及时反馈。",
            null, org.Office.Id, opened.AddMinutes(30));
        return c;
    }

    /// <summary>(b) 续：社区回应、反馈，宣传办办结。</summary>
    private static void CloseParkingCase(OpinionCase c, Org org, DateTime now)
    {
        // 一般舆情的回应登记即发布，不走审核路线，也就用不到审核人。
        c.RecordResponse(ResponseKind.Statement,
            "幸福社区关于小区夜间停车问题的情况说明：经核实，小区现有车位312个，登记车辆420余辆，夜间停车确实紧张。社区已会同物业清理消防通道" +
            "违停车辆17辆，施划禁停标线；并协调相邻的示例县实验小学在夜间和周末向居民开放操场停车位80个，本周起试行。欢迎居民继续监督。",
            "https://street.example.invalid/notice/xingfu-parking", [], null, _ => new ReviewerResolution(null, []),
            org.Officer2.Id, now.AddHours(-32));
        c.SubmitFeedback("已清理消防通道违停车辆17辆并施划禁停标线，协调学校错时开放车位80个，情况说明已在社区公众号发布；发帖网民已留言表示认可。",
            org.Head2.Id, now.AddHours(-30));
        c.Close("社区当天核实、清理消防通道并错时共享车位，情况说明发布后网民表示认可，舆情平息。",
            "停车难是老旧小区的共性问题，应建立物业、社区与周边单位共享车位的常态机制；网民提到消防通道被占的，要当天响应。",
            org.Office.Id, now.AddHours(-28));
    }

    /// <summary>(c) 上级交办：县委网信办交办的夜市油烟扰民，交办综合行政执法中队，等待反馈。</summary>
    private static OpinionCase OpenNightMarketCase(IReadOnlyList<OpinionItem> items, DeadlinePolicy policy, Org org, DateTime now)
    {
        var item = items.Single(i => i.Title?.StartsWith("和平路夜市", StringComparison.Ordinal) == true);
        var opened = now.AddHours(-6);
        var unitDue = ChinaAt(now, 1, 16);
        var c = OpinionCase.Open(new OpinionCaseDraft("和平路夜市油烟噪音扰民",
                "公众号“示例生活圈”反映和平路夜市烧烤油烟、噪音扰民至凌晨，居民已拨打12345。县委网信办交办，要求核查处置并按期反馈。",
                "生态环境", OpinionSeverity.General, OpinionSentiment.Negative, org.Street, [item.Id],
                new SuperiorAssignment("示例县委网信办", "示网信交〔2026〕37号", ChinaAt(now, 1, 18))),
            Suggest([item], opened), policy, org.Office.Id, opened);
        c.Assign(org.EnforcementSquad,
            $"请综合行政执法中队核查和平路夜市烧烤摊油烟净化设施和经营时间，依法处理占道经营、油烟直排问题，处置情况于{ChinaTime.FormatDateTime(unitDue)}前" +
            "报宣传办，由宣传办汇总反馈县委网信办。",
            unitDue, org.Office.Id, opened.AddMinutes(20));
        return c;
    }

    /// <summary>与立案时相同的建议等级算法：所选信息及其近似重复组员。</summary>
    private static SeveritySuggestion Suggest(IEnumerable<OpinionItem> items, DateTime at) =>
        SeverityAdvisor.Suggest(items.Select(i => new ItemSignal(string.IsNullOrWhiteSpace(i.Source) ? i.Platform : i.Source!,
            i.PublishedAt is { } p && p < i.ReceivedAt ? p : i.ReceivedAt, i.HitWeight)).ToList(), at);

    /// <summary>北京时间 days 天后的 hour 点整（UTC）。</summary>
    private static DateTime ChinaAt(DateTime now, int days, int hour) =>
        ChinaTime.StartOfDayUtc(ChinaTime.DateOf(now).AddDays(days)).AddHours(hour);
}
