
namespace Herald.Web.Features.Demo;

/// <summary>
/// 演示舆情信息的文本（虚构，地名人名均为示例）。HoursAgo：收到时间距首次启动多少小时；原帖发布时间再早半小时。
/// 工地讨薪一条有两条转发稿（改动很少，收录时归入同一组）；上报的一条由平安建设办公室的舆情信息员 opinion 人工上报。
/// </summary>
internal static class DemoOpinionItems
{
    public sealed record Text(double HoursAgo, string Platform, string? Source, string? Author, string? Url, string? Title, string Content,
        bool ManualReport = false);

    public const string WageTitle = "幸福路安置房工地二十多名工人聚集讨薪";

    private const string WageContent =
        "今天上午，幸福路安置房项目工地门口聚集了二十多名工人，拉着横幅讨薪。工人们说，他们从今年5月进场干活，包工头一直拖欠工资，" +
        "半年来只发过两次生活费，总共欠了一百多万元。工人老刘说，家里孩子要交学费，老人还在住院，年底前再拿不到钱就只能回老家了。" +
        "施工方表示工程款还没有结算，让工人去找劳务公司。视频发出后很多网友留言，希望有关部门尽快介入。";

    public static readonly Text[] All =
    [
        new(70, "新闻网站", "示例县融媒体中心", "融媒体记者 李青", "https://news.example.invalid/local/2026/elevator-retrofit.html",
            "示例街道老旧小区加装电梯按下“快进键”",
            "今年以来，示例街道把老旧小区加装电梯列为民生实事，采取“社区协调、居民自治、财政补贴”的方式推进。目前辖区已有12部电梯完工投用，" +
            "和平社区、幸福社区另有9部正在施工，预计年底前全部完工。街道还在便民服务中心设立加装电梯咨询窗口，为居民提供政策解读、" +
            "方案设计和补贴申请一站式服务。"),
        new(52, "微博", "新浪微博", "幸福里的老张", "https://weibo.example.invalid/u/5823100417/status/4981", null,
            "幸福社区晚上八点以后根本找不到车位，小区里消防通道、楼道口全停满了车，救护车上周都开不进来。找物业投诉了好几次，" +
            "每次都说“正在协调”，社区也不管，这不是不作为吗？希望有关部门重视一下幸福社区停车难的问题！#示例街道#"),
        new(30, "微信", "示例生活圈（公众号）", "示例生活圈", "https://mp.weixin.example.invalid/s/heping-night-market",
            "和平路夜市油烟扰民，居民：窗户都不敢开",
            "近日，不少读者给小编留言，反映和平路夜市每天傍晚开始营业，十几家烧烤摊露天经营，油烟顺着风直往居民楼里飘，一直持续到凌晨一两点。" +
            "住在和平社区5号楼的王阿姨说，家里晾的衣服全是烧烤味，孩子晚上咳嗽，窗户根本不敢开。有居民表示已经打过12345举报电话，" +
            "但夜市依旧照常营业。油烟污染和噪音扰民问题何时能解决？"),
        new(26, "抖音", "抖音", "示例县百事通", "https://douyin.example.invalid/video/7311864402", WageTitle, WageContent),
        new(25, "微博", "新浪微博", "示例县生活圈", "https://weibo.example.invalid/u/6012275531/status/4990", WageTitle,
            "【扩散】" + WageContent + "#示例县#"),
        new(23, "微信", "示例县本地宝（公众号）", "示例县本地宝", "https://mp.weixin.example.invalid/s/xingfu-road-wages", WageTitle,
            WageContent.Replace("二十多名工人", "20多名工人", StringComparison.Ordinal).Replace("老刘", "刘师傅", StringComparison.Ordinal)),
        new(22, "微信", "幸福路安置房业主群", null, null, "幸福路安置房工地工人聚集讨薪现场情况",
            "今天上午9时许，在幸福路安置房业主微信群看到工人聚集讨薪的视频后，本人随即赶到现场核实：项目工地东门约25名工人聚集，" +
            "打出“还我血汗钱”横幅，情绪比较激动，未发生冲突，派出所民警在现场维持秩序。据工人反映，劳务分包方自5月以来欠发工资约110万元。" +
            "视频已在抖音、微博等平台传播，评论区负面言论较多，建议尽快协调施工方、劳务公司研究解决。",
            ManualReport: true),
        new(5, "微博", "新浪微博", "和平社区居民小周", "https://weibo.example.invalid/u/7420093318/status/5003", null,
            "和平社区3号楼加装电梯说好9月完工，结果停工两个多月了，井道挖好就没人管了，楼下围挡占着路，老人进出很不方便。" +
            "打电话给社区说在等施工队，问施工队说在等补贴款。到底谁来管？已经向12345投诉了。"),
    ];
}
