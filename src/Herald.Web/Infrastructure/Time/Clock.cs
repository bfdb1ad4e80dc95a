namespace Herald.Web.Infrastructure.Time;

/// <summary>当前 UTC 时间。所有业务代码通过它取时间，测试可注入可控时钟。</summary>
public sealed class Clock(TimeProvider time)
{
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}
