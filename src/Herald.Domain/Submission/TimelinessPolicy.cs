using Herald.Domain.Common;

namespace Herald.Domain.Submission;

/// <summary>
/// 时效（[001] 不迟报、漏报）：事件日期后超过 LateAfterDays 天（按北京时间日期）报送即为迟报；
/// 突发事件若填写了获知时间，超过 EmergencyDueHours 小时报送即为迟报。
/// </summary>
public sealed record TimelinessPolicy(int LateAfterDays, double EmergencyDueHours)
{
    public static readonly TimelinessPolicy Default = new(3, 1);

    public bool IsLate(DateOnly eventDate, bool emergency, DateTime? knownAtUtc, DateTime submittedAtUtc)
    {
        if (emergency && knownAtUtc is { } known)
            return submittedAtUtc - ChinaTime.EnsureUtc(known) > TimeSpan.FromHours(EmergencyDueHours);
        return ChinaTime.DateOf(submittedAtUtc) > eventDate.AddDays(LateAfterDays);
    }
}
