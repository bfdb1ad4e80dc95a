namespace Herald.Web.Features.OpinionIntake;

/// <summary>上报页可选的平台（推送和订阅源可以给出别的名称）。</summary>
public static class OpinionPlatforms
{
    public static readonly IReadOnlyList<string> Common =
        ["微博", "微信", "抖音", "快手", "今日头条", "新闻网站", "论坛", "小红书", "视频号", "问答平台", "政务留言板", "其他"];
}
