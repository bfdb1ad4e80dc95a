using Herald.Domain.Opinion.Cases;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionCases;

/// <summary>超时清单的一行：一项超时（或已督办）的时限及其舆情、责任单位、约谈问责记录。</summary>
public sealed record OverdueRow(long CaseId, string Title, OpinionSeverity Severity, OpinionCaseStatus Status, long? UnitId, string? Unit,
    ClockDto Clock, IReadOnlyList<InterviewDto> Interviews, bool CanInterview);

/// <summary>
/// 超时清单（约谈问责用）：调用者可见的舆情中，仍超时未满足的时限（未办结的舆情），以及已督办过的时限；
/// 仍超时的在前，按到期时间。附各舆情的约谈问责记录。
/// </summary>
public sealed class ListOverdue(HeraldDbContext db, CurrentUser current, Clock clock)
{
    public async Task<IReadOnlyList<OverdueRow>> HandleAsync(CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var scope = CaseScope.Of(me);
        if (!scope.SeesAnything) return [];
        var now = clock.UtcNow;
        var cases = await db.OpinionCases.AsNoTracking().Where(scope.Filter())
            .Where(c => c.Deadlines.Any(d => d.EscalatedAt != null
                                            || (c.Status != OpinionCaseStatus.Closed && d.MetAt == null && d.SupersededAt == null && d.DueAt < now)))
            .Include(c => c.Deadlines).Include(c => c.Interviews)
            .AsSplitQuery().ToListAsync(ct);
        var recorders = cases.SelectMany(c => c.Interviews).Select(i => i.RecordedById).Distinct().ToArray();
        var names = await db.Users.AsNoTracking().Where(u => recorders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var rows = new List<OverdueRow>();
        foreach (var c in cases)
        {
            var interviews = c.Interviews.OrderBy(i => i.InterviewedAt).Select(i => new InterviewDto(i.Id, CaseViews.UnitName(me.Tree, i.UnitId),
                i.Interviewee, i.InterviewedAt, i.Interviewer, i.Outcome, CaseViews.Name(names, i.RecordedById), i.RecordedAt)).ToList();
            foreach (var d in c.Deadlines)
            {
                var clockDto = CaseViews.Clock(d, c.ClosedAt, now);
                var late = clockDto.State == ClockState.Overdue || d.EscalatedAt is not null;
                if (!late) continue;
                rows.Add(new OverdueRow(c.Id, c.Title, c.Severity, c.Status, c.UnitId, c.UnitId is null ? null : CaseViews.UnitName(me.Tree, c.UnitId),
                    clockDto, interviews, scope.Manages(c) && c.UnitId is not null));
            }
        }
        return rows.OrderBy(r => r.Clock.State == ClockState.Overdue ? 0 : 1).ThenBy(r => r.Clock.DueAt).ToList();
    }
}
