using System.Globalization;
using Herald.Domain.Common;
using Herald.Domain.Publishing;
using Herald.Domain.Scoring;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Scoring;

/// <summary>
/// 新增规则版本（宣传办）。生效日期不能早于今天（北京时间）：已发布的通报冻结，过去的时期按当时的规则计分，
/// 改规则只影响今后。所有字段一次校验，逐项给出中文错误。
/// </summary>
public sealed class CreateRuleVersion(HeraldDbContext db, CurrentUser current, AuditLog audit, Clock clock)
{
    public const decimal MaxValue = 1000m;

    public async Task<RuleSetDto> HandleAsync(RuleVersionInput input, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(ScoringAccess.CanEdit(me));
        var now = clock.UtcNow;
        var today = ChinaTime.DateOf(now);
        var errors = new List<FieldError>();

        DateOnly effectiveFrom = default;
        if (string.IsNullOrWhiteSpace(input.EffectiveFrom)) errors.Add(new("effectiveFrom", "Required"));
        else if (!DateOnly.TryParseExact(input.EffectiveFrom.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out effectiveFrom)
                 || effectiveFrom.Year > 2100)
            errors.Add(new("effectiveFrom", "Form.BadDate"));
        else if (effectiveFrom < today) errors.Add(new("effectiveFrom", "Scoring.EffectiveInPast", ChinaTime.FormatDate(today)));

        var points = new Dictionary<(MediaLevel, OutletType), decimal>();
        foreach (var level in ScoringCodes.Levels)
            foreach (var type in ScoringCodes.Types)
            {
                var key = Wire.Code(level) + "." + Wire.Code(type);
                if (Amount(input.Points.GetValueOrDefault(key), "points." + key, errors, required: true) is { } value)
                    points[(level, type)] = value;
            }
        var bonus = new Dictionary<MediaLevel, decimal>();
        foreach (var level in ScoringCodes.Levels)
        {
            var key = Wire.Code(level);
            if (Amount(input.InstructionBonus.GetValueOrDefault(key), "instructionBonus." + key, errors, required: true) is { } value)
                bonus[level] = value;
        }

        var multiplier = Number(input.FrontPageMultiplier, "frontPageMultiplier", errors, required: true);
        if (multiplier is < 1m or > 10m) errors.Add(new("frontPageMultiplier", "Scoring.MultiplierRange"));
        if (!Wire.TryParseCode<MultiAdoptionMode>(input.MultiAdoption, out var mode)) errors.Add(new("multiAdoption", "Scoring.ModeInvalid"));
        var cap = Number(input.CapPoints, "capPoints", errors, required: false);
        if (cap is <= 0m) errors.Add(new("capPoints", "Scoring.CapPositive"));
        else if (cap > 100_000m) errors.Add(new("capPoints", "Scoring.CapRange"));
        var capPeriod = CapPeriod.Month;
        if (!string.IsNullOrWhiteSpace(input.CapPeriod) && !Wire.TryParseCode(input.CapPeriod, out capPeriod))
            errors.Add(new("capPeriod", "Scoring.CapPeriodInvalid"));
        var quota = 0;
        if (string.IsNullOrWhiteSpace(input.MonthlyQuota)) errors.Add(new("monthlyQuota", "Required"));
        else if (!int.TryParse(input.MonthlyQuota.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out quota) || quota is < 0 or > 100)
            errors.Add(new("monthlyQuota", "Scoring.QuotaRange"));
        var missing = Amount(input.MissingPenalty, "missingPenalty", errors, required: true);
        var late = Amount(input.LatePenalty, "latePenalty", errors, required: true);
        var note = input.Note?.Trim();
        if (note is { Length: > 500 }) errors.Add(new("note", "TooLong", 500));
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        // 事务取得写锁后再比较最新版本：重复点击的第二次、或他人刚改过，都回答 409 而不重复新增。
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (input.BasedOn is { } basedOn)
        {
            var latest = await db.ScoringRuleSets.MaxAsync(r => (long?)r.Id, ct);
            if (latest != basedOn) throw AppException.Conflict("Scoring.Stale");
        }
        var rule = ScoringRuleSet.Create(effectiveFrom, points, multiplier!.Value, bonus, mode, cap, capPeriod, quota, missing!.Value,
            late!.Value, note, me.Id, now);
        db.ScoringRuleSets.Add(rule);
        await db.SaveChangesAsync(ct);
        audit.Add("scoring.rules.create", "ScoringRuleSet", rule.Id,
            $"生效日期 {rule.EffectiveFrom:yyyy-MM-dd}" + (rule.Note is null ? "" : "；" + rule.Note));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return rule.AsDto(me.DisplayName, current: rule.EffectiveFrom <= today);
    }

    /// <summary>0 到 1000 的分值。</summary>
    private static decimal? Amount(string? text, string field, List<FieldError> errors, bool required)
    {
        var value = Number(text, field, errors, required);
        if (value is < 0m or > MaxValue)
        {
            errors.Add(new(field, "Scoring.ValueRange"));
            return null;
        }
        return value;
    }

    private static decimal? Number(string? text, string field, List<FieldError> errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Add(new(field, "Required"));
            return null;
        }
        if (!decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || decimal.Round(value, 2) != value)
        {
            errors.Add(new(field, "Scoring.NotANumber"));
            return null;
        }
        return value;
    }
}
