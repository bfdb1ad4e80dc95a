using System.Collections;
using Herald.Domain.Opinion.Cases;
using Herald.Domain.Organization;
using Herald.Domain.Review;
using Herald.Domain.Submission;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.OpinionCases;

/// <summary>
/// Cases opened by the publicity office of 示例街道 at <see cref="TestClock.Now"/> (2026-03-05 10:00 Beijing),
/// assigned to 党政办公室 whose correspondent records responses; the major route is head → leader → principal.
/// </summary>
internal static class CaseFixtures
{
    public const long Office = TestOrg.PublicityOffice;
    public const long AssignedUnit = TestOrg.PartyOffice;
    public const long UnitMember = TestOrg.Author;
    public static readonly DateTime T0 = TestClock.Now;

    public static readonly OrgTree Tree = TestOrg.StreetTree().Build();
    public static readonly Func<Role, ReviewerResolution> Reviewers = Tree.ReviewersFor(AssignedUnit);
    public static readonly ReviewRoute MajorRoute = RoutePolicy.Default.RouteFor(Importance.Major, UnitType.Department);

    public static OpinionCaseDraft Draft(OpinionSeverity severity = OpinionSeverity.General, SuperiorAssignment? superior = null,
        params long[] items) =>
        new("网传某小区停水三天无人管", "多名网民反映幸福小区停水三天，物业与社区互相推诿。", "公共服务", severity,
            OpinionSentiment.Negative, TestOrg.Street, items.Length == 0 ? [11, 12] : items, superior);

    public static SuperiorAssignment Superior(DateTime? due = null) =>
        new("县委网信办", "县网信〔2026〕7号", due ?? T0.AddHours(30));

    public static OpinionCase Open(OpinionSeverity severity = OpinionSeverity.General, SuperiorAssignment? superior = null,
        DeadlinePolicy? policy = null)
    {
        var c = OpinionCase.Open(Draft(severity, superior), SeveritySuggestion.None, policy ?? DeadlinePolicy.Default, Office, T0);
        return c.Saved(1);
    }

    /// <summary>A case brought into the given status by the normal path (each step one minute after the previous).</summary>
    public static OpinionCase InStatus(OpinionCaseStatus status, bool superior = false, OpinionSeverity severity = OpinionSeverity.General)
    {
        var c = Open(severity, superior ? Superior() : null);
        if (status == OpinionCaseStatus.Open) return c;
        c.Assign(AssignedUnit, "请于今日内核实并回应。", null, Office, T0.AddMinutes(1));
        if (status == OpinionCaseStatus.Assigned) return c.Saved();
        c.RecordDisposal("已派人到现场核实，供水管道抢修中。", null, [], UnitMember, T0.AddMinutes(2));
        if (status == OpinionCaseStatus.Handling) return c.Saved();
        c.SubmitFeedback("已恢复供水，并向居民说明情况。", UnitMember, T0.AddMinutes(3));
        if (status == OpinionCaseStatus.FedBack) return c.Saved();
        c.Close("问题已解决，居民表示满意。", "停水须提前公告。", Office, T0.AddMinutes(4));
        return c.Saved();
    }

    public static StoredFileRef File(string name = "现场.jpg") => new(new string('c', 64), name, "image/jpeg", 2048, 800, 600);

    /// <summary>Gives ids to the case and every child that has none yet, as saving would.</summary>
    public static OpinionCase Saved(this OpinionCase c, long id = 0)
    {
        if (id != 0) SetId(c, id);
        long next = 1000;
        foreach (var property in typeof(OpinionCase).GetProperties())
        {
            if (property.GetValue(c) is not IEnumerable children || property.PropertyType == typeof(string)) continue;
            foreach (var child in children)
            {
                var idProperty = child.GetType().GetProperty("Id");
                if (idProperty is null || idProperty.PropertyType != typeof(long)) continue;
                if ((long)idProperty.GetValue(child)! == 0) idProperty.SetValue(child, NextId(ref next, c));
            }
        }
        return c;
    }

    public static OpinionCaseDeadline Deadline(this OpinionCase c, DeadlineKind kind) =>
        c.ActiveDeadlines.Single(d => d.Kind == kind);

    public static T WithId<T>(this T entity, long id) where T : class
    {
        SetId(entity, id);
        return entity;
    }

    private static long NextId(ref long next, OpinionCase c)
    {
        var used = c.Deadlines.Select(d => d.Id).Concat(c.Responses.Select(r => r.Id)).Concat(c.Tasks.Select(t => t.Id)).ToHashSet();
        while (used.Contains(next)) next++;
        return next++;
    }

    private static void SetId(object entity, long id) => entity.GetType().GetProperty("Id")!.SetValue(entity, id);
}
