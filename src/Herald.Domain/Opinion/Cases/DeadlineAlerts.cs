namespace Herald.Domain.Opinion.Cases;

/// <summary>时限提醒的阶段：用去一半时提醒，用去八成时再提醒，超时后督办（通知分管领导和宣传办）。</summary>
public enum AlertStage
{
    None = 0,
    /// <summary>已用去 50%</summary>
    FirstReminder = 1,
    /// <summary>已用去 80%</summary>
    SecondReminder = 2,
    /// <summary>已超时：督办</summary>
    Escalation = 3,
}

/// <summary>
/// 该发哪一阶段的提醒。只发已到的最高阶段，比它低而没发的不再补发（例如服务停了一阵，恢复时已过 80%，
/// 只发 80% 的提醒）；已发阶段只增不减，所以每个时限的每个阶段至多一次。
/// </summary>
public static class DeadlineAlerts
{
    public const double FirstFraction = 0.5;
    public const double SecondFraction = 0.8;

    public static AlertStage Reached(DateTime startsAt, DateTime dueAt, DateTime nowUtc)
    {
        if (nowUtc > dueAt) return AlertStage.Escalation;
        var window = (dueAt - startsAt).Ticks;
        if (window <= 0) return AlertStage.None;
        var fraction = (double)(nowUtc - startsAt).Ticks / window;
        return fraction >= SecondFraction ? AlertStage.SecondReminder
            : fraction >= FirstFraction ? AlertStage.FirstReminder
            : AlertStage.None;
    }

    /// <summary>现在应发的阶段；没有要发的返回 None。</summary>
    public static AlertStage Due(DateTime startsAt, DateTime dueAt, AlertStage alreadySent, DateTime nowUtc)
    {
        var reached = Reached(startsAt, dueAt, nowUtc);
        return reached > alreadySent ? reached : AlertStage.None;
    }

    /// <summary>提醒时刻（用于显示"将于何时提醒"）。</summary>
    public static DateTime At(DateTime startsAt, DateTime dueAt, AlertStage stage) => stage switch
    {
        AlertStage.FirstReminder => startsAt + (dueAt - startsAt) * FirstFraction,
        AlertStage.SecondReminder => startsAt + (dueAt - startsAt) * SecondFraction,
        AlertStage.Escalation => dueAt,
        _ => startsAt,
    };
}
