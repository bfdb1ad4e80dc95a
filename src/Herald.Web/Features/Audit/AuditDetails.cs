using System.Globalization;
using System.Text.RegularExpressions;
using Herald.Domain.Common;
using Herald.Domain.Organization;
using Herald.Domain.Submission;
using Herald.Web.Infrastructure.Localization;

namespace Herald.Web.Features.Audit;

/// <summary>
/// 审计说明的读法：记录里的说明是为存档写的（"route UnitHead,SupervisingLeader; status InReview"），
/// 显示和导出时换成中文（"审核路线：单位负责人→分管领导；状态：审核中"）。旧记录同样适用；认不出的部分原样保留。
/// </summary>
public static partial class AuditDetails
{
    public static string Readable(string? detail, Messages t, OrgTree tree)
    {
        if (string.IsNullOrWhiteSpace(detail)) return "";
        var parts = detail.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(p => Part(p.Trim(), t, tree));
        return string.Join("；", parts);
    }

    private static string Part(string part, Messages t, OrgTree tree)
    {
        if (Keyed().Match(part) is { Success: true } keyed)
        {
            var value = keyed.Groups["value"].Value;
            switch (keyed.Groups["key"].Value)
            {
                case "route":
                    return Label(t, "Route", string.Join("→", value.Split(',').Select(r => Enum.TryParse<Role>(r.Trim(), out var role) ? t.Role(role) : r)));
                case "status":
                    return Label(t, "Status", Enum.TryParse<ManuscriptStatus>(value, out var status) ? t.Status(status) : Code(t, value));
                case "step":
                    return string.Format(CultureInfo.InvariantCulture, t["Audit.Detail.Step"], value);
                case "response":
                    return string.Format(CultureInfo.InvariantCulture, t["Audit.Detail.Response"], value);
                case "manuscript":
                    return Label(t, "Manuscript", value);
                case "task":
                    return Label(t, "Task", value);
                case "plan":
                    return Label(t, "Plan", value);
                case "disposal":
                    return string.Format(CultureInfo.InvariantCulture, t["Audit.Detail.Disposal"], value);
                case "items":
                    return Label(t, "Items", value.Replace(",", "、", StringComparison.Ordinal));
                case "unit":
                    return Label(t, "Unit", long.TryParse(value, out var unitId) && tree.Find(unitId) is not null ? tree.PathName(unitId) : value);
                case "due":
                    return Label(t, "Due", DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture,
                        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var due) ? ChinaTime.FormatDateTime(due) : value);
                case "suggested":
                    return Label(t, "Suggested", Suggested().Replace(value, m => Code(t, m.Groups["code"].Value) +
                        string.Format(CultureInfo.InvariantCulture, t["Audit.Detail.Score"], m.Groups["score"].Value)));
                case "to superior":
                    return Label(t, "Superior", value);
            }
        }
        return Words(part, t);
    }

    /// <summary>句中的代码和英文套话（"wrong password"、"(Department)"、"->"、"[import]"、"unit_head @ 单位"）。</summary>
    private static string Words(string text, Messages t)
    {
        if (Deadline().Match(text) is { Success: true } rule)
            return $"{Code(t, rule.Groups["severity"].Value)}·{Code(t, rule.Groups["kind"].Value)}：" +
                   string.Format(CultureInfo.InvariantCulture, t["Audit.Detail.Minutes"], rule.Groups["minutes"].Value);
        text = Moved().Replace(text, m => string.Format(CultureInfo.InvariantCulture, t["Audit.Detail.Moved" + (m.Groups["dir"].Value == "up" ? "Up" : "Down")],
            m.Groups["n"].Value));
        text = Arrow().Replace(text, " → ");
        text = Counted().Replace(text, m => string.Format(CultureInfo.InvariantCulture, t["Audit.Detail.Count." + Pascal(m.Groups["what"].Value)], m.Groups["n"].Value));
        text = Phrase().Replace(text, m => t["Audit.Detail.Phrase." + Pascal(m.Value.Trim().Trim('[', ']', '(', ')').Replace(' ', '_'))]);
        text = Parenthesised().Replace(text, m => Enum.TryParse<UnitType>(m.Groups["type"].Value, out var type) ? $"（{t.UnitType(type)}）" : m.Value);
        text = Channel().Replace(text, m => Code(t, m.Groups["channel"].Value) + "：");
        text = RoleAt().Replace(text, m => Code(t, m.Groups["role"].Value) + (m.Groups["at"].Value.Length > 0 ? "，" : ""));
        text = Version().Replace(text, m => string.Format(CultureInfo.InvariantCulture, t["Audit.Detail.Version"], m.Groups["n"].Value));
        text = FileHash().Replace(text, m => $"{t["Audit.Detail.Hash." + m.Groups["kind"].Value]} {m.Groups["hash"].Value[..Math.Min(12, m.Groups["hash"].Value.Length)]}");
        text = UnitLabel().Replace(text, "，" + t["Audit.Detail.Unit"] + "：");
        text = SeverityChange().Replace(text, m => $"{Code(t, m.Groups["from"].Value)} → {Code(t, m.Groups["to"].Value)}");
        if (Bare().IsMatch(text)) text = Code(t, text);
        return text;
    }

    /// <summary>舆情等级、回应状态等 snake_case 代码的中文名称；认不出时原样。</summary>
    private static string Code(Messages t, string code)
    {
        var pascal = Pascal(code);
        foreach (var prefix in CodeResources)
            if (t.L[prefix + pascal] is { ResourceNotFound: false } text) return text.Value;
        return code;
    }

    private static readonly string[] CodeResources = ["OpinionSeverity.", "OpinionResponseStatus.", "OpinionDeadline.", "Role.", "Audit.Detail.Word."];

    private static string Pascal(string code) => string.Concat(code.Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    private static string Label(Messages t, string key, string value) => t["Audit.Detail." + key] + "：" + value;

    [GeneratedRegex(@"^(?<key>route|status|step|response|manuscript|task|plan|disposal|items|unit|due|suggested|to superior) (?<value>.+)$")]
    private static partial Regex Keyed();

    [GeneratedRegex(@"(?<code>[a-z_]+) \((?<score>\d+)\)")]
    private static partial Regex Suggested();

    [GeneratedRegex(@"^(?<severity>[a-z_]+)\.(?<kind>[a-z_]+)=(?<minutes>\d+)$")]
    private static partial Regex Deadline();

    [GeneratedRegex(@" (?<dir>up|down) -> (?<n>\d+)$")]
    private static partial Regex Moved();

    [GeneratedRegex(@"\s*->\s*")]
    private static partial Regex Arrow();

    [GeneratedRegex(@"\b(?<what>units|users|roles) (?<n>\d+)\b|\b(?<n>\d+) (?<what>tasks|failures)\b|\b(?<what>tokens) revoked: (?<n>\d+)")]
    private static partial Regex Counted();

    [GeneratedRegex(@" ?\[import\]| ?\(registry\)|\bunknown user$|\bwrong password$|(?<=: )disabled$|^admin only$|^demo organisation$")]
    private static partial Regex Phrase();

    [GeneratedRegex(@"\((?<type>[A-Z][a-z]+)\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"^(?<channel>web|api): ")]
    private static partial Regex Channel();

    [GeneratedRegex(@"(?<=: )(?<role>[a-z]+(?:_[a-z]+)*)(?<at> @ |$)")]
    private static partial Regex RoleAt();

    [GeneratedRegex(@"(?<= |^)v(?<n>\d+)(?= |$)")]
    private static partial Regex Version();

    [GeneratedRegex(@"\b(?<kind>docx|xlsx) (?<hash>[0-9a-f]{16,})")]
    private static partial Regex FileHash();

    [GeneratedRegex(@", unit ")]
    private static partial Regex UnitLabel();

    [GeneratedRegex(@"^(?<from>[a-z_]+) → (?<to>[a-z_]+)$")]
    private static partial Regex SeverityChange();

    [GeneratedRegex(@"^(?:[a-z]+_)*[a-z]+$")]
    private static partial Regex Bare();
}
