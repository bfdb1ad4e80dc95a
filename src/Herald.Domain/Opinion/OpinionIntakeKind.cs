namespace Herald.Domain.Opinion;

/// <summary>舆情信息的来路。</summary>
public enum OpinionIntakeKind
{
    /// <summary>舆情信息员人工上报</summary>
    Manual = 0,
    /// <summary>监测厂商通过 API 推送</summary>
    Api = 1,
    /// <summary>订阅源（RSS/Atom）轮询</summary>
    Feed = 2,
}

/// <summary>命中所在的字段。</summary>
public enum OpinionTextField
{
    Title = 0,
    Content = 1,
}
