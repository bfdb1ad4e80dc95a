using Herald.Domain.Opinion.Cases;
using Herald.Domain.Tests.Support;
using static Herald.Domain.Tests.OpinionCases.CaseFixtures;

namespace Herald.Domain.Tests.OpinionCases;

public class CaseStatisticsTests
{
    [Theory]
    [InlineData(new double[0], null)]
    [InlineData(new[] { 30.0 }, 30.0)]
    [InlineData(new[] { 120.0, 30.0 }, 75.0)]
    [InlineData(new[] { 5.0, 90.0, 10.0 }, 10.0)]
    public void Median(double[] values, double? expected) => CaseStatistics.Median(values).ShouldBe(expected);

    [Fact]
    public void Compute_TwoCases_CountsMediansOnTimeAndLateUnits()
    {
        // Major case: first response recorded after 30 min (on time), nothing released: at T0+6h the 5-hour rule is overdue.
        var major = InStatus(OpinionCaseStatus.Assigned, severity: OpinionSeverity.Major);   // assigned at T0+1min
        major.RecordDisposal("现场核查", null, [], UnitMember, T0.AddMinutes(30));
        // General case assigned to the community, handled after 3 h and closed; its 48-hour answer stops unmet before it is due.
        var general = Open().Saved(2);
        general.Assign(TestOrg.Community, "核实", null, Office, T0);
        general.RecordDisposal("入户解释", null, [], TestOrg.CommunityAuthor, T0.AddHours(3));
        general.Close("已解决", "无", Office, T0.AddHours(4));

        var s = CaseStatistics.Compute([major, general], T0.AddHours(6));

        (s.Cases, s.Closed, s.MedianFirstResponseMinutes).ShouldBe((2, 1, 105.0));   // (30 + 180) / 2
        s.BySeverity.Select(x => (x.Severity, x.Cases, x.Closed)).ShouldBe(
        [
            (OpinionSeverity.Critical, 0, 0), (OpinionSeverity.Major, 1, 0), (OpinionSeverity.Significant, 0, 0), (OpinionSeverity.General, 1, 1),
        ]);
        s.OnTime.Select(r => (r.Severity, r.Kind, r.OnTime, r.Decided)).ShouldBe(
        [
            (OpinionSeverity.Major, DeadlineKind.FirstResponse, 1, 1),
            (OpinionSeverity.Major, DeadlineKind.AuthoritativeInfo, 0, 1),
            (OpinionSeverity.General, DeadlineKind.FirstResponse, 1, 1),
        ]);
        s.OnTime[1].Rate.ShouldBe(0);
        s.ByUnit.Select(u => (u.UnitId, u.Cases, u.Closed, u.LateDeadlines)).ShouldBe([(AssignedUnit, 1, 0, 1), (TestOrg.Community, 1, 1, 0)]);
        s.LateUnits.ShouldBe([new LateUnit(AssignedUnit, 1, 1, 0)]);
    }
}
