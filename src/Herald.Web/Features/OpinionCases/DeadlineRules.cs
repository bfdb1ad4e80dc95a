using System.Globalization;
using Herald.Domain.Opinion.Cases;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionCases;

/// <summary>时限规则表的一格：某等级某种时限的分钟数（空为不设此项）与依据。</summary>
public sealed record DeadlineRuleDto(OpinionSeverity Severity, DeadlineKind Kind, int? Minutes, string? Basis, DateTime? UpdatedAt);

/// <summary>编辑时提交的一格：hours 可带小数（如 0.5）。</summary>
public sealed record DeadlineRuleInput(string? Severity, string? Kind,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(Infrastructure.Web.NumberOrStringConverter))] string? Hours, string? Basis);

/// <summary>
/// 时限规则（宣传办在页面上维护）：按等级与种类的表格。修改只影响此后立案或调整等级的舆情；
/// 已在计时的时限在立案时抄录，不随之改变。
/// </summary>
public sealed class DeadlineRules(HeraldDbContext db, CurrentUser current, AuditLog audit, Clock clock)
{
    public async Task<IReadOnlyList<DeadlineRuleDto>> ListAsync(CancellationToken ct = default)
    {
        await current.GetAsync(ct);
        var rules = await db.OpinionDeadlineRules.AsNoTracking().ToListAsync(ct);
        return Grid(rules);
    }

    public async Task<IReadOnlyList<DeadlineRuleDto>> SaveAsync(IReadOnlyList<DeadlineRuleInput> cells, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.IsOffice);
        var rules = await db.OpinionDeadlineRules.ToListAsync(ct);
        var now = clock.UtcNow;
        var changes = new List<string>();
        foreach (var cell in cells)
        {
            var severity = Wire.RequiredCode<OpinionSeverity>(cell.Severity, "severity");
            var kind = Wire.RequiredCode<DeadlineKind>(cell.Kind, "kind");
            var field = $"{OpinionCodes.Code(severity)}.{OpinionCodes.Code(kind)}";
            if (!kind.IsPolicyKind()) throw AppException.Invalid(field, "OpinionPolicy.KindNotConfigurable");
            var existing = rules.FirstOrDefault(r => r.Severity == severity && r.Kind == kind);
            if (string.IsNullOrWhiteSpace(cell.Hours))
            {
                if (existing is null) continue;
                db.OpinionDeadlineRules.Remove(existing);
                changes.Add($"{field}=none");
                continue;
            }
            if (!decimal.TryParse(cell.Hours.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var hours))
                throw AppException.Invalid(field, "Form.NotANumber");
            var minutes = (int)Math.Round(hours * 60m);
            try
            {
                if (existing is null)
                {
                    db.OpinionDeadlineRules.Add(OpinionDeadlineRule.Create(severity, kind, minutes, cell.Basis, me.Id, now));
                }
                else if (existing.Minutes != minutes || existing.Basis != (string.IsNullOrWhiteSpace(cell.Basis) ? null : cell.Basis.Trim()))
                {
                    existing.Update(minutes, cell.Basis, me.Id, now);
                }
                else
                {
                    continue;
                }
            }
            catch (Domain.Common.DomainValidationException ex)
            {
                throw AppException.Invalid(field, ex.Code, ex.Args);
            }
            changes.Add($"{field}={minutes}");
        }
        if (changes.Count > 0)
        {
            audit.Add("opinion_policy.update", "OpinionDeadlineRule", null, string.Join("; ", changes));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                throw AppException.Conflict("OpinionCase.Stale");
            }
        }
        return Grid(await db.OpinionDeadlineRules.AsNoTracking().ToListAsync(ct));
    }

    private static List<DeadlineRuleDto> Grid(List<OpinionDeadlineRule> rules) =>
        Enum.GetValues<OpinionSeverity>().Reverse()
            .SelectMany(s => DeadlineKinds.PolicyKinds.Select(k =>
            {
                var r = rules.FirstOrDefault(x => x.Severity == s && x.Kind == k);
                return new DeadlineRuleDto(s, k, r?.Minutes, r?.Basis, r?.UpdatedAt);
            }))
            .ToList();
}
