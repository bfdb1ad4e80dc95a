namespace Herald.Domain.Opinion.Cases;

/// <summary>某等级的一项时限：种类、分钟数、依据。</summary>
public sealed record DeadlineTerm(DeadlineKind Kind, int Minutes, string? Basis);

/// <summary>
/// 时限规则（§3.4）：按等级给出各项时限。默认值即种子数据：重大、特别重大 5 小时发布权威信息、24 小时举行新闻发布会
/// （国办发〔2016〕80号、61号），其他 48 小时内回应（61号）；内部首次响应目标重大及以上 1 小时，较大 4 小时，一般 24 小时。
/// </summary>
public sealed class DeadlinePolicy
{
    public const string OfficialMajorBasis = "国办发〔2016〕80号、61号";
    public const string OfficialAnswerBasis = "国办发〔2016〕61号";
    public const string InternalBasis = "内部目标";

    private readonly Dictionary<OpinionSeverity, List<DeadlineTerm>> _terms = new();

    public DeadlinePolicy(IEnumerable<(OpinionSeverity Severity, DeadlineTerm Term)> rows)
    {
        foreach (var severity in Enum.GetValues<OpinionSeverity>()) _terms[severity] = new List<DeadlineTerm>();
        foreach (var (severity, term) in rows) _terms[severity].Add(term);
        foreach (var list in _terms.Values) list.Sort((a, b) => a.Kind.CompareTo(b.Kind));
    }

    public static DeadlinePolicy From(IEnumerable<OpinionDeadlineRule> rules) =>
        new(rules.Select(r => (r.Severity, new DeadlineTerm(r.Kind, r.Minutes, r.Basis))));

    /// <summary>种子数据（迁移脚本插入同样的行）。</summary>
    public static IReadOnlyList<(OpinionSeverity Severity, DeadlineTerm Term)> DefaultRows { get; } =
    [
        (OpinionSeverity.Critical, new DeadlineTerm(DeadlineKind.FirstResponse, 60, InternalBasis)),
        (OpinionSeverity.Critical, new DeadlineTerm(DeadlineKind.AuthoritativeInfo, 5 * 60, OfficialMajorBasis)),
        (OpinionSeverity.Critical, new DeadlineTerm(DeadlineKind.PressConference, 24 * 60, OfficialMajorBasis)),
        (OpinionSeverity.Major, new DeadlineTerm(DeadlineKind.FirstResponse, 60, InternalBasis)),
        (OpinionSeverity.Major, new DeadlineTerm(DeadlineKind.AuthoritativeInfo, 5 * 60, OfficialMajorBasis)),
        (OpinionSeverity.Major, new DeadlineTerm(DeadlineKind.PressConference, 24 * 60, OfficialMajorBasis)),
        (OpinionSeverity.Significant, new DeadlineTerm(DeadlineKind.FirstResponse, 4 * 60, InternalBasis)),
        (OpinionSeverity.Significant, new DeadlineTerm(DeadlineKind.Answer, 48 * 60, OfficialAnswerBasis)),
        (OpinionSeverity.General, new DeadlineTerm(DeadlineKind.FirstResponse, 24 * 60, InternalBasis)),
        (OpinionSeverity.General, new DeadlineTerm(DeadlineKind.Answer, 48 * 60, OfficialAnswerBasis)),
    ];

    public static DeadlinePolicy Default { get; } = new(DefaultRows);

    public IReadOnlyList<DeadlineTerm> For(OpinionSeverity severity) => _terms[severity];
}
