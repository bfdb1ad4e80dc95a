namespace Herald.Domain.Publishing;

/// <summary>媒体（或批示领导、政务信息刊物）的级别。</summary>
public enum MediaLevel
{
    /// <summary>中央</summary>
    Central = 0,
    /// <summary>省级</summary>
    Provincial = 1,
    /// <summary>市级</summary>
    Municipal = 2,
    /// <summary>县级</summary>
    County = 3,
    /// <summary>内部（本系统内部刊物、简报）</summary>
    Internal = 4,
}
