namespace Herald.Domain.Scoring;

/// <summary>一篇稿件被多家媒体采用时怎样计分。</summary>
public enum MultiAdoptionMode
{
    /// <summary>只计最高的一次（"多方采用执行最高奖励，不作累计"）</summary>
    HighestOnly = 0,
    /// <summary>各次采用累计</summary>
    Sum = 1,
}

/// <summary>每单位积分上限的计算周期。</summary>
public enum CapPeriod
{
    Month = 0,
    Quarter = 1,
    Year = 2,
}

public enum ScoreLineKind
{
    /// <summary>媒体/政务信息采用</summary>
    Adoption = 0,
    /// <summary>领导批示加分</summary>
    Instruction = 1,
    /// <summary>超过单位积分上限的部分</summary>
    CapReduction = 2,
    /// <summary>未完成每月报送任务（漏报）</summary>
    MissedQuota = 3,
    /// <summary>迟报扣分</summary>
    Late = 4,
}
