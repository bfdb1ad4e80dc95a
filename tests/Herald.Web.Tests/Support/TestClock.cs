namespace Herald.Web.Tests.Support;

/// <summary>可拨动的时钟：应用（含 Cookie 过期、锁定）都从它取时间。</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset now) => _now = now;

    /// <summary>设为北京时间的某一时刻。</summary>
    public void SetChina(int year, int month, int day, int hour, int minute = 0) =>
        _now = new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
