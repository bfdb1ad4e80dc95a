using Herald.Domain.Common;

namespace Herald.Domain.Scoring;

/// <summary>全部规则版本：按日期取当日有效的版本（生效日期不晚于该日的最新版本；同日多个版本取最后创建的）。</summary>
public sealed class RuleBook
{
    private readonly List<ScoringRuleSet> _versions;

    public RuleBook(IEnumerable<ScoringRuleSet> versions)
    {
        _versions = versions.OrderBy(v => v.EffectiveFrom).ThenBy(v => v.CreatedAt).ThenBy(v => v.Id).ToList();
        if (_versions.Count == 0) throw new DomainException("Scoring.NoRules");
    }

    public IReadOnlyList<ScoringRuleSet> Versions => _versions;

    /// <summary>某日有效的规则；早于最早版本的日期按最早版本计。</summary>
    public ScoringRuleSet RuleFor(DateOnly date)
    {
        ScoringRuleSet? found = null;
        foreach (var version in _versions)
        {
            if (version.EffectiveFrom > date) break;
            found = version;
        }
        return found ?? _versions[0];
    }
}
