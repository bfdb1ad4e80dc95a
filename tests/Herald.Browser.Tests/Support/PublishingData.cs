namespace Herald.Browser.Tests.Support;

/// <summary>
/// 经 API 准备的一组采编与用稿数据（截图和手机版式检查用）：两个单位的稿件已发布，有省、市、中央各级已核实的用稿，
/// 两条带截图的申报待核实，另有一篇留在采编池里待采编。
/// </summary>
public static class PublishingData
{
    public const string Published = "示例街道举办冬季消防安全培训";
    public const string CommunityPublished = "幸福社区开展“邻里守望”志愿服务活动";
    public const string CommunityAdopted = "幸福社区“四点半课堂”开课 解决双职工家庭后顾之忧";
    public const string Pending = "党政办组织开展“清廉机关”建设专题学习";

    /// <summary>待核实的两条申报的媒体。</summary>
    public static readonly string[] ClaimedOutlets = ["示例县广播电视台", "学习强国山东学习平台"];

    public static async Task SeedAsync(HeraldServer server)
    {
        using var office = await server.ApiClientAsync("office");
        using var officer = await server.ApiClientAsync("officer");
        using var head = await server.ApiClientAsync("head");
        using var officer2 = await server.ApiClientAsync("officer2");
        using var head2 = await server.ApiClientAsync("head2");
        const string today = "2026-11-20";

        var fire = await HeraldApi.SubmitApprovedAsync(officer, head, Published,
            "11月19日，示例街道邀请消防救援站教员为机关干部、社区网格员和辖区企业负责人开展冬季消防安全培训。\n培训结合典型火灾案例，讲解了电动自行车充电、燃气使用等方面的防火要点。");
        await HeraldApi.PublishAsync(office, fire, "幸福示例街道", null);
        await HeraldApi.RecordAdoptionAsync(office, fire, "大众日报", today, "第3版 综合新闻", frontPage: true, TestImages.Png(640, 400, hue: 1));
        await HeraldApi.RecordAdoptionAsync(officer, fire, ClaimedOutlets[0], today, "示例新闻", frontPage: false, TestImages.Png(480, 270, hue: 2));

        var watch = await HeraldApi.SubmitApprovedAsync(officer2, head2, CommunityPublished,
            "幸福社区组织党员志愿者与独居老人结对，开展“邻里守望”志愿服务，每周上门问候、帮办代办。\n目前已结对62户，帮助老人解决生活难题40余件。");
        await HeraldApi.PublishAsync(office, watch, "示例街道门户网站", "https://street.example.invalid/news/20261120-linli.html");
        await HeraldApi.RecordAdoptionAsync(office, watch, "济宁日报", today, "城区新闻", frontPage: false);
        await HeraldApi.RecordAdoptionAsync(officer2, watch, ClaimedOutlets[1], today, "基层动态", frontPage: false, TestImages.Png(390, 700, hue: 3));

        var classroom = await HeraldApi.SubmitApprovedAsync(officer2, head2, CommunityAdopted,
            "幸福社区联合辖区学校开设“四点半课堂”，由退休教师和大学生志愿者为放学后的孩子辅导作业。\n课堂开课两周，已有38名学生报名参加。");
        await HeraldApi.RecordAdoptionAsync(office, classroom, "人民网", today, "地方频道", frontPage: false);

        await HeraldApi.SubmitApprovedAsync(officer, head, Pending,
            "党政办公室近日组织开展“清廉机关”建设专题学习，全体党员干部集中学习廉洁自律有关规定。\n学习中观看了警示教育片，结合岗位实际查找廉政风险点12个。");
    }
}
