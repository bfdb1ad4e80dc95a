using Herald.Domain.Opinion.Cases;
using Herald.Web.Features.Common;
using Herald.Web.Features.Publishing;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionCases;

public sealed record PlanStepDto(int SortOrder, string Title, TaskOwnerKind OwnerKind, long? UnitId, string? UnitName, long? UserId,
    string? UserName, int OffsetMinutes);

public sealed record PlanDto(long Id, string Name, string Category, OpinionSeverity Severity, string? Description, bool Disabled,
    int Revision, IReadOnlyList<PlanStepDto> Steps);

/// <summary>预案清单的一项（页面与 API）：owner 为 responsible_unit|office|unit|user，hours 为启动后多少小时内完成。</summary>
public sealed record PlanStepRequest(string? Title, string? Owner, long? UnitId, long? UserId,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(Infrastructure.Web.NumberOrStringConverter))] string? Hours);

public sealed record PlanRequest(string? Name, string? Category, string? Severity, string? Description, IReadOnlyList<PlanStepRequest>? Steps,
    int? Revision = null);

/// <summary>应急预案模板（宣传办维护）：按类别与等级，带处置清单；停用的不能再启动，已生成的任务不受影响。</summary>
public sealed class Plans(HeraldDbContext db, CurrentUser current, AuditLog audit, Clock clock)
{
    public async Task<IReadOnlyList<PlanDto>> ListAsync(CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var plans = await db.EmergencyPlans.AsNoTracking().Include(p => p.Steps)
            .OrderBy(p => p.Disabled).ThenBy(p => p.Category).ThenByDescending(p => p.Severity).ThenBy(p => p.Name).ToListAsync(ct);
        var userIds = plans.SelectMany(p => p.Steps).Where(s => s.OwnerUserId is not null).Select(s => s.OwnerUserId!.Value).Distinct().ToArray();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return plans.Select(p => ToDto(p, me, names)).ToList();
    }

    public async Task<PlanDto> SaveAsync(long? id, PlanRequest request, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.IsOffice);
        var severity = Wire.RequiredCode<OpinionSeverity>(request.Severity, "severity");
        var steps = (request.Steps ?? []).Select((s, i) => Step(s, i + 1, me)).ToList();
        var now = clock.UtcNow;
        EmergencyPlan plan;
        if (id is { } planId)
        {
            plan = await db.EmergencyPlans.Include(p => p.Steps).FirstOrDefaultAsync(p => p.Id == planId, ct) ?? throw AppException.NotFound();
            if (request.Revision is { } revision && revision != plan.Revision) throw AppException.Conflict("OpinionCase.Stale");
            plan.Update(request.Name, request.Category, severity, request.Description, steps, now);
        }
        else
        {
            plan = EmergencyPlan.Create(request.Name, request.Category, severity, request.Description, steps, me.Id, now);
            db.EmergencyPlans.Add(plan);
        }
        if (await db.EmergencyPlans.AnyAsync(p => p.Name == plan.Name && p.Id != plan.Id, ct))
            throw AppException.Invalid("name", "EmergencyPlan.DuplicateName", plan.Name);
        await db.SaveNewAsync(() => audit.Add(id is null ? "emergency_plan.create" : "emergency_plan.update", "EmergencyPlan", plan.Id, plan.Name),
            () => AppException.Invalid("name", "EmergencyPlan.DuplicateName", plan.Name), () => AppException.Conflict("OpinionCase.Stale"), ct);
        return ToDto(plan, me, new Dictionary<long, string>());
    }

    public async Task SetDisabledAsync(long id, bool disabled, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.IsOffice);
        var plan = await db.EmergencyPlans.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw AppException.NotFound();
        plan.SetDisabled(disabled, clock.UtcNow);
        audit.Add(disabled ? "emergency_plan.disable" : "emergency_plan.enable", "EmergencyPlan", plan.Id, plan.Name);
        await db.SaveChangesAsync(ct);
    }

    private static PlanStepInput Step(PlanStepRequest s, int index, UserContext me)
    {
        var field = $"steps[{index}]";
        var owner = Wire.OptionalCode<TaskOwnerKind>(s.Owner, field) ?? TaskOwnerKind.ResponsibleUnit;
        var minutes = 0;
        if (!string.IsNullOrWhiteSpace(s.Title))
        {
            if (!decimal.TryParse(s.Hours?.Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var hours))
                throw AppException.Invalid(field, "OpinionPlan.HoursRequired", index);
            minutes = (int)Math.Round(hours * 60m);
            if (owner == TaskOwnerKind.Unit && s.UnitId is { } unit && me.Tree.Find(unit) is null)
                throw AppException.Invalid(field, "OpinionCase.UnitOutOfScope");
        }
        return new PlanStepInput(s.Title, owner, s.UnitId, s.UserId, minutes);
    }

    private static PlanDto ToDto(EmergencyPlan p, UserContext me, IReadOnlyDictionary<long, string> names) =>
        new(p.Id, p.Name, p.Category, p.Severity, p.Description, p.Disabled, p.Revision,
            p.Steps.OrderBy(s => s.SortOrder).Select(s => new PlanStepDto(s.SortOrder, s.Title, s.OwnerKind, s.OwnerUnitId,
                s.OwnerUnitId is null ? null : CaseViews.UnitName(me.Tree, s.OwnerUnitId), s.OwnerUserId,
                s.OwnerUserId is { } u && names.TryGetValue(u, out var n) ? n : null, s.OffsetMinutes)).ToList());
}
