namespace Herald.Domain.Publishing;

/// <summary>本单位自有的发布平台（[000][003]）。</summary>
public enum ChannelType
{
    /// <summary>门户网站</summary>
    Website = 0,
    /// <summary>微信公众号</summary>
    WeChat = 1,
    /// <summary>微博</summary>
    Weibo = 2,
    /// <summary>抖音/视频号等短视频账号</summary>
    ShortVideo = 3,
    /// <summary>学习强国号</summary>
    Xuexi = 4,
    /// <summary>LED 显示屏</summary>
    LedScreen = 5,
    /// <summary>宣传栏</summary>
    BulletinBoard = 6,
    /// <summary>内部简报/刊物</summary>
    InternalBulletin = 7,
}
