using Herald.Domain.Common;

namespace Herald.Domain.Opinion.Cases;

/// <summary>预案清单中的一项（填写用）。OffsetMinutes：启动后多少分钟内完成。</summary>
public sealed record PlanStepInput(string? Title, TaskOwnerKind OwnerKind, long? UnitId, long? UserId, int OffsetMinutes);

/// <summary>
/// 应急预案模板：适用的类别与等级，以及处置清单。在舆情上启动时，清单逐项生成任务（负责人、期限）。
/// 修改预案不影响已启动生成的任务。
/// </summary>
public sealed class EmergencyPlan
{
    public const int NameMaxLength = 64;
    public const int DescriptionMaxLength = 1000;
    public const int MaxSteps = 30;

    private readonly List<EmergencyPlanStep> _steps = new();

    private EmergencyPlan() { Name = ""; Category = ""; }

    public long Id { get; private set; }
    public string Name { get; private set; }
    public string Category { get; private set; }
    public OpinionSeverity Severity { get; private set; }
    public string? Description { get; private set; }
    public bool Disabled { get; private set; }
    public long CreatedById { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Revision { get; private set; }

    public IReadOnlyList<EmergencyPlanStep> Steps => _steps;

    public static EmergencyPlan Create(string? name, string? category, OpinionSeverity severity, string? description,
        IReadOnlyList<PlanStepInput> steps, long actorId, DateTime nowUtc)
    {
        var plan = new EmergencyPlan { CreatedById = actorId, CreatedAt = nowUtc };
        plan.Update(name, category, severity, description, steps, nowUtc);
        return plan;
    }

    public void Update(string? name, string? category, OpinionSeverity severity, string? description,
        IReadOnlyList<PlanStepInput> steps, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Name = Guard.Required(name, "name", NameMaxLength);
        Category = Guard.Required(category, "category", OpinionCase.CategoryMaxLength);
        Severity = severity;
        Description = Guard.Optional(description, "description", DescriptionMaxLength);
        var filled = steps.Where(s => !string.IsNullOrWhiteSpace(s.Title)).ToList();
        if (filled.Count == 0) throw new DomainValidationException("steps", "EmergencyPlan.StepsRequired");
        if (filled.Count > MaxSteps) throw new DomainValidationException("steps", "EmergencyPlan.TooManySteps", MaxSteps);
        _steps.Clear();
        for (var i = 0; i < filled.Count; i++) _steps.Add(EmergencyPlanStep.Create(filled[i], i + 1));
        UpdatedAt = nowUtc;
        Revision++;
    }

    public void SetDisabled(bool disabled, DateTime nowUtc)
    {
        Disabled = disabled;
        UpdatedAt = nowUtc;
        Revision++;
    }
}

public sealed class EmergencyPlanStep
{
    public const int TitleMaxLength = 200;
    public const int MaxOffsetMinutes = 30 * 24 * 60;

    private EmergencyPlanStep() { Title = ""; }

    public long Id { get; private set; }
    public long PlanId { get; private set; }
    public int SortOrder { get; private set; }
    public string Title { get; private set; }
    public TaskOwnerKind OwnerKind { get; private set; }
    public long? OwnerUnitId { get; private set; }
    public long? OwnerUserId { get; private set; }
    public int OffsetMinutes { get; private set; }

    internal static EmergencyPlanStep Create(PlanStepInput input, int sortOrder)
    {
        var field = $"steps[{sortOrder}]";
        var title = Guard.Required(input.Title, field, TitleMaxLength);
        if (input.OffsetMinutes < 1 || input.OffsetMinutes > MaxOffsetMinutes)
            throw new DomainValidationException(field, "EmergencyPlan.OffsetOutOfRange", sortOrder, MaxOffsetMinutes / 60);
        if (input.OwnerKind == TaskOwnerKind.Unit && input.UnitId is null)
            throw new DomainValidationException(field, "EmergencyPlan.UnitRequired", sortOrder);
        if (input.OwnerKind == TaskOwnerKind.User && input.UserId is null)
            throw new DomainValidationException(field, "EmergencyPlan.UserRequired", sortOrder);
        return new EmergencyPlanStep
        {
            SortOrder = sortOrder,
            Title = title,
            OwnerKind = input.OwnerKind,
            OwnerUnitId = input.OwnerKind == TaskOwnerKind.Unit ? input.UnitId : null,
            OwnerUserId = input.OwnerKind == TaskOwnerKind.User ? input.UserId : null,
            OffsetMinutes = input.OffsetMinutes,
        };
    }
}
