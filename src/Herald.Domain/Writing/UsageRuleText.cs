using System.Text;
using Herald.Domain.Keywords;

namespace Herald.Domain.Writing;

/// <summary>
/// 规范表述表的文本格式（批量粘贴、导入、导出共用）：每行一条，“错误写法 | 正确写法 | 说明 | 分类”，
/// 以竖线（| 或 ｜）或制表符分隔，说明和分类可省略；空行和以 # 开头的行忽略。
/// 例：“十九届四中全会 | 党的十九届四中全会 | 首次出现须写全称 | 会议名称”。
/// </summary>
public static class UsageRuleText
{
    private static readonly char[] Separators = ['|', '｜', '\t'];

    /// <summary>解析粘贴的文本。出错的行记入 problems（行号从 1 开始），其余照常返回；lineNumbers 收到每条所在的行号。</summary>
    public static List<UsageEntry> Parse(string? text, List<KeywordListProblem> problems, List<int> lineNumbers)
    {
        var entries = new List<UsageEntry>();
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(Separators, StringSplitOptions.TrimEntries);
            if (parts.Length is < 2 or > 4)
            {
                problems.Add(new("rules", "Usage.BadLine", i + 1, line));
                continue;
            }
            entries.Add(new UsageEntry(parts[0], parts[1], parts.Length > 2 ? parts[2] : "", parts.Length > 3 ? parts[3] : ""));
            lineNumbers.Add(i + 1);
        }
        return entries;
    }

    /// <summary>规范文本：每行“错误写法 | 正确写法 | 说明 | 分类”，可再导入。</summary>
    public static string Format(IEnumerable<UsageEntry> entries)
    {
        var sb = new StringBuilder();
        foreach (var e in entries)
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(e.Wrong).Append(" | ").Append(e.Correct);
            if (e.Note.Length > 0 || e.Category.Length > 0) sb.Append(" | ").Append(e.Note);
            if (e.Category.Length > 0) sb.Append(" | ").Append(e.Category);
        }
        return sb.ToString();
    }
}
