using Herald.Domain.Submission;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Submission;

public class TimelinessPolicyTests
{
    private static readonly DateOnly EventDate = new(2026, 3, 1);
    private readonly TimelinessPolicy _policy = TimelinessPolicy.Default;

    [Fact]
    public void Default_ThreeDaysAndOneHour()
    {
        TimelinessPolicy.Default.LateAfterDays.ShouldBe(3);
        TimelinessPolicy.Default.EmergencyDueHours.ShouldBe(1);
    }

    [Fact]
    public void IsLate_LastMinuteOfThirdDayInChina_OnTime()
    {
        // 2026-03-04 23:59 Beijing = 2026-03-04 15:59 UTC
        var submitted = new DateTime(2026, 3, 4, 15, 59, 0, DateTimeKind.Utc);
        TestClock.Cst(2026, 3, 4, 23, 59).ShouldBe(submitted);

        _policy.IsLate(EventDate, false, null, submitted).ShouldBeFalse();
    }

    [Fact]
    public void IsLate_MidnightStartingFourthDayInChina_Late()
    {
        // 2026-03-05 00:00 Beijing = 2026-03-04 16:00 UTC (still the 4th in UTC)
        var submitted = new DateTime(2026, 3, 4, 16, 0, 0, DateTimeKind.Utc);
        TestClock.Cst(2026, 3, 5).ShouldBe(submitted);

        _policy.IsLate(EventDate, false, null, submitted).ShouldBeTrue();
    }

    [Fact]
    public void IsLate_UtcDateOnTimeButChinaDateLate_Late()
    {
        // 2026-03-04 20:00 UTC is 2026-03-05 04:00 in Beijing: judged by the Beijing date.
        _policy.IsLate(EventDate, false, null, new DateTime(2026, 3, 4, 20, 0, 0, DateTimeKind.Utc)).ShouldBeTrue();
    }

    [Fact]
    public void IsLate_ChinaMorningOfEventDayWhileUtcPreviousDay_OnTime()
    {
        // 2026-03-01 07:00 Beijing = 2026-02-28 23:00 UTC
        _policy.IsLate(EventDate, false, null, TestClock.Cst(2026, 3, 1, 7)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void IsLate_WithinDays_OnTime(int daysAfter)
    {
        _policy.IsLate(EventDate, false, null, TestClock.Cst(2026, 3, 1 + daysAfter, 12)).ShouldBeFalse();
    }

    [Fact]
    public void IsLate_EmergencyExactlyOneHourAfterKnown_OnTime()
    {
        var known = TestClock.Now;

        _policy.IsLate(TestClock.Today, true, known, known.AddHours(1)).ShouldBeFalse();
    }

    [Fact]
    public void IsLate_EmergencyOneSecondPastOneHour_Late()
    {
        var known = TestClock.Now;

        _policy.IsLate(TestClock.Today, true, known, known.AddHours(1).AddSeconds(1)).ShouldBeTrue();
    }

    [Fact]
    public void IsLate_EmergencyWithinHourEvenIfEventDateOld_OnTime()
    {
        // The 1-hour rule replaces the day rule when the known-at time is given.
        _policy.IsLate(EventDate, true, TestClock.Now, TestClock.Now.AddMinutes(30)).ShouldBeFalse();
    }

    [Fact]
    public void IsLate_EmergencyWithoutKnownAt_FallsBackToDayRule()
    {
        _policy.IsLate(EventDate, true, null, TestClock.Cst(2026, 3, 4, 23, 59)).ShouldBeFalse();
        _policy.IsLate(EventDate, true, null, TestClock.Cst(2026, 3, 5)).ShouldBeTrue();
    }

    [Fact]
    public void IsLate_NotEmergencyWithKnownAt_KnownAtIgnored()
    {
        _policy.IsLate(TestClock.Today, false, TestClock.Now, TestClock.Now.AddHours(5)).ShouldBeFalse();
    }

    [Fact]
    public void IsLate_CustomPolicy_UsesConfiguredLimits()
    {
        var policy = new TimelinessPolicy(1, 0.5);

        policy.IsLate(EventDate, false, null, TestClock.Cst(2026, 3, 2, 23, 59)).ShouldBeFalse();
        policy.IsLate(EventDate, false, null, TestClock.Cst(2026, 3, 3)).ShouldBeTrue();
        policy.IsLate(TestClock.Today, true, TestClock.Now, TestClock.Now.AddMinutes(30)).ShouldBeFalse();
        policy.IsLate(TestClock.Today, true, TestClock.Now, TestClock.Now.AddMinutes(31)).ShouldBeTrue();
    }

    [Fact]
    public void Submit_EmergencyMoreThanOneHourAfterKnown_ManuscriptMarkedLate()
    {
        var desk = new TestDesk();
        var m = desk.Draft(content: TestDesk.Content(emergency: true, knownAtUtc: TestClock.Now.AddMinutes(-61),
            eventDate: TestClock.Today));

        desk.Submit(m);

        m.IsLate.ShouldBeTrue();
    }
}
