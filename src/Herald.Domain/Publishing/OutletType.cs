namespace Herald.Domain.Publishing;

/// <summary>媒体类型。成员名按 API 代码（snake_case 小写）取：newspaper、tv、radio、web、newmedia、xuexi、gov_bulletin。</summary>
public enum OutletType
{
    /// <summary>报纸</summary>
    Newspaper = 0,
    /// <summary>电视</summary>
    Tv = 1,
    /// <summary>广播</summary>
    Radio = 2,
    /// <summary>网站</summary>
    Web = 3,
    /// <summary>新媒体（客户端、公众号等）</summary>
    Newmedia = 4,
    /// <summary>学习强国</summary>
    Xuexi = 5,
    /// <summary>政务信息刊物（上级办公室的信息专报、简报），即"政务信息"采用</summary>
    GovBulletin = 6,
}
