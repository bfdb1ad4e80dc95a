using System.Diagnostics;

namespace Herald.Browser.Tests.Support;

/// <summary>
/// 应用使用的时钟：从固定的起点（2026-11-20 10:00 北京时间）按真实时间走，测试可以把它往前拨
/// （例如让登录会话超时）。浏览器测试里页面间的先后顺序依赖时间前进，所以不能停在一个点上。
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _origin = Stopwatch.GetTimestamp();
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() =>
        start + Stopwatch.GetElapsedTime(_origin) + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
