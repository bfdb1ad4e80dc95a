namespace Herald.Domain.Opinion.Cases;

/// <summary>时限的状态。</summary>
public enum ClockState
{
    /// <summary>计时中，未到期</summary>
    Running = 0,
    /// <summary>已超时，仍未满足</summary>
    Overdue = 1,
    /// <summary>按时满足</summary>
    Met = 2,
    /// <summary>超时后才满足</summary>
    MetLate = 3,
    /// <summary>到期前停止计时（等级调整或办结），未计入</summary>
    Stopped = 4,
    /// <summary>到期时未满足，之后停止计时（等级调整或办结）</summary>
    Missed = 5,
}

/// <summary>某一时刻读到的时限：状态、剩余（负数为已超时多久）、已用去的比例。</summary>
public sealed record ClockReading(ClockState State, TimeSpan Remaining, double ElapsedFraction)
{
    /// <summary>是否已有结论（计入按时率）：按时、超时满足、错过、仍超时。</summary>
    public bool Decided => State is ClockState.Met or ClockState.MetLate or ClockState.Missed or ClockState.Overdue;

    public bool OnTime => State == ClockState.Met;
}

/// <summary>读时限：满足时间、停止时间（等级调整或办结）与当前时刻决定状态。</summary>
public static class DeadlineClock
{
    public static ClockReading Read(DateTime startsAt, DateTime dueAt, DateTime? metAt, DateTime? stoppedAt, DateTime nowUtc)
    {
        var window = (dueAt - startsAt).Ticks;
        if (metAt is { } met)
            return new ClockReading(met <= dueAt ? ClockState.Met : ClockState.MetLate, dueAt - met, Fraction(startsAt, met, window));
        var end = stoppedAt is { } stopped && stopped < nowUtc ? stopped : nowUtc;
        var remaining = dueAt - end;
        var fraction = Fraction(startsAt, end, window);
        if (stoppedAt is { } s && s <= nowUtc)
            return new ClockReading(s > dueAt ? ClockState.Missed : ClockState.Stopped, remaining, fraction);
        return new ClockReading(nowUtc > dueAt ? ClockState.Overdue : ClockState.Running, remaining, fraction);
    }

    private static double Fraction(DateTime startsAt, DateTime at, long window) =>
        window <= 0 ? 1 : Math.Max(0, (double)(at - startsAt).Ticks / window);
}
