namespace Herald.Domain.Opinion.Cases;

/// <summary>舆情处置的状态：研判（待交办）→ 已交办 → 处置中 → 已反馈 → 已办结。</summary>
public enum OpinionCaseStatus
{
    /// <summary>已立案研判，待交办</summary>
    Open = 0,
    /// <summary>已交办责任单位，尚未回应或处置</summary>
    Assigned = 1,
    /// <summary>责任单位已开始回应或处置</summary>
    Handling = 2,
    /// <summary>责任单位已反馈办理情况，待办结</summary>
    FedBack = 3,
    /// <summary>已办结</summary>
    Closed = 4,
}

/// <summary>舆情倾向。</summary>
public enum OpinionSentiment
{
    /// <summary>负面</summary>
    Negative = 0,
    /// <summary>中性</summary>
    Neutral = 1,
    /// <summary>正面</summary>
    Positive = 2,
}

/// <summary>回应的形式。</summary>
public enum ResponseKind
{
    /// <summary>发布权威信息、情况通报、回应声明</summary>
    Statement = 0,
    /// <summary>举行新闻发布会或新闻通气会</summary>
    PressConference = 1,
}

/// <summary>回应的状态：重大、特别重大舆情的回应须审核后发布，其余登记即发布。</summary>
public enum ResponseStatus
{
    /// <summary>审核中</summary>
    PendingApproval = 0,
    /// <summary>已发布</summary>
    Released = 1,
    /// <summary>退回（不发布，责任单位另行拟稿）</summary>
    Returned = 2,
}
