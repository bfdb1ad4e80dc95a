using Herald.Domain.Common;

namespace Herald.Domain.Opinion.Cases;

/// <summary>应急预案任务、时限提醒与督办、约谈问责。</summary>
public sealed partial class OpinionCase
{
    /// <summary>
    /// 启动应急预案：清单逐项生成任务，期限为现在加各项时长；负责"责任单位"的项要求舆情已交办。
    /// 已办结的不能启动，同一预案不能启动两次，停用的预案不能启动。
    /// </summary>
    public IReadOnlyList<OpinionCaseTask> ActivatePlan(EmergencyPlan plan, long actorId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(plan);
        EnsureNotClosed();
        if (plan.Disabled) throw new DomainException("EmergencyPlan.Disabled", plan.Name);
        if (_tasks.Any(t => t.PlanId == plan.Id)) throw new DomainException("OpinionCase.PlanAlreadyActive", plan.Name);
        if (plan.Steps.Any(s => s.OwnerKind == TaskOwnerKind.ResponsibleUnit) && UnitId is null)
            throw new DomainException("OpinionCase.PlanNeedsUnit");
        var created = new List<OpinionCaseTask>();
        foreach (var step in plan.Steps.OrderBy(s => s.SortOrder))
        {
            var unit = step.OwnerKind switch
            {
                TaskOwnerKind.ResponsibleUnit => UnitId,
                TaskOwnerKind.Office => OwnerUnitId,
                TaskOwnerKind.Unit => step.OwnerUnitId,
                _ => null,
            };
            var task = OpinionCaseTask.Create(plan.Id, plan.Name, step.SortOrder, step.Title, step.OwnerKind, unit, step.OwnerUserId,
                nowUtc, nowUtc.AddMinutes(step.OffsetMinutes));
            _tasks.Add(task);
            created.Add(task);
        }
        Record(nowUtc, actorId, OpinionCaseAction.PlanActivated, Status, refId: plan.Id, detail: plan.Name);
        Touch(nowUtc);
        return created;
    }

    /// <summary>完成任务（谁能完成由调用方按负责人判断）。已完成的再完成 409。</summary>
    public void CompleteTask(long taskId, string? note, long actorId, DateTime nowUtc)
    {
        EnsureNotClosed();
        var task = _tasks.FirstOrDefault(t => t.Id == taskId) ?? throw new DomainValidationException("taskId", "OpinionCase.TaskNotFound");
        if (task.IsDone) throw new DomainException("OpinionCase.TaskAlreadyDone");
        task.Complete(actorId, Guard.Optional(note, "note", OpinionCaseTask.NoteMaxLength), nowUtc);
        Record(nowUtc, actorId, OpinionCaseAction.TaskCompleted, Status, refId: task.Id, detail: task.Title);
        Touch(nowUtc);
    }

    /// <summary>
    /// 该时限现在应发的提醒阶段（已办结、已停止、已满足的不提醒）。
    /// </summary>
    public AlertStage AlertDue(OpinionCaseDeadline deadline, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        if (Status == OpinionCaseStatus.Closed || !deadline.IsActive || deadline.MetAt is not null) return AlertStage.None;
        return DeadlineAlerts.Due(deadline.StartsAt, deadline.DueAt, deadline.AlertStage, nowUtc);
    }

    /// <summary>记下已发出的提醒或督办（系统操作，不改变舆情的修改序号，免得与用户操作冲突）。</summary>
    public void RecordAlert(long deadlineId, AlertStage stage, DateTime nowUtc)
    {
        var deadline = _deadlines.FirstOrDefault(d => d.Id == deadlineId) ?? throw new DomainValidationException("deadlineId", "OpinionCase.DeadlineNotFound");
        if (stage <= deadline.AlertStage) throw new DomainException("OpinionCase.AlertAlreadySent");
        deadline.Alert(stage, nowUtc);
        Record(nowUtc, null, stage == AlertStage.Escalation ? OpinionCaseAction.Escalated : OpinionCaseAction.Reminded, Status,
            refId: deadline.Id, tag: OpinionCodes.Code(deadline.Kind), detail: OpinionCodes.Code(stage));
    }

    /// <summary>有超时（仍未满足或错过）的时限。</summary>
    public bool HasOverdue(DateTime nowUtc) =>
        Clocks(nowUtc).Any(c => c.Reading.State is ClockState.Overdue or ClockState.Missed or ClockState.MetLate);

    /// <summary>登记约谈问责：只对有超时时限、已交办的舆情登记；约谈时间不能晚于现在。</summary>
    public OpinionInterview RecordInterview(string? interviewee, DateTime interviewedAt, string? interviewer, string? outcome,
        long actorId, DateTime nowUtc)
    {
        if (UnitId is not { } unitId) throw new DomainException("OpinionCase.NotAssigned");
        if (!HasOverdue(nowUtc)) throw new DomainException("OpinionCase.NotOverdue");
        var at = ChinaTime.EnsureUtc(interviewedAt);
        if (at > nowUtc.AddMinutes(5)) throw new DomainValidationException("interviewedAt", "OpinionCase.InterviewInFuture");
        var interview = OpinionInterview.Create(unitId,
            Guard.Required(interviewee, "interviewee", OpinionInterview.NameMaxLength), at,
            Guard.Required(interviewer, "interviewer", OpinionInterview.NameMaxLength),
            Guard.Required(outcome, "outcome", OpinionInterview.OutcomeMaxLength), actorId, nowUtc);
        _interviews.Add(interview);
        Record(nowUtc, actorId, OpinionCaseAction.InterviewRecorded, Status, detail: $"{interview.Interviewee}：{interview.Outcome}");
        Touch(nowUtc);
        return interview;
    }
}
