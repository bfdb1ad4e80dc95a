using System.Globalization;
using System.Text;

namespace Herald.Domain.Keywords;

/// <summary>
/// 词表的文本格式（批量粘贴、导入、导出共用）：每行一个词，“词 权重 分类”，以空格或制表符分隔；
/// 权重（1–100 的整数）和分类都可省略，顺序不限：整数视为权重，其余视为分类。空行和以 # 开头的行忽略。
/// 例：“塌方 5 安全事故”“欠薪 劳资纠纷”“投诉”。
/// </summary>
public static class KeywordListText
{
    public const int DefaultWeight = 1;

    /// <summary>解析粘贴的文本。出错的行记入 <paramref name="problems"/>（行号从 1 开始），其余照常返回，便于一次报告所有问题。</summary>
    public static List<KeywordEntry> Parse(string? text, string defaultCategory, List<KeywordListProblem> problems) =>
        Parse(text, defaultCategory, problems, []);

    /// <param name="lineNumbers">收到每个词所在的行号（与返回的词一一对应）。</param>
    public static List<KeywordEntry> Parse(string? text, string defaultCategory, List<KeywordListProblem> problems, List<int> lineNumbers)
    {
        var entries = new List<KeywordEntry>();
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
            int? weight = null;
            string? category = null;
            var ok = true;
            foreach (var part in parts.Skip(1))
            {
                if (int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var w))
                {
                    if (weight is not null) { ok = false; break; }
                    weight = w;
                }
                else
                {
                    if (category is not null) { ok = false; break; }
                    category = part;
                }
            }
            if (!ok)
            {
                problems.Add(new("words", "KeywordList.BadLine", i + 1, line));
                continue;
            }
            entries.Add(new KeywordEntry(parts[0], weight ?? DefaultWeight, category ?? defaultCategory));
            lineNumbers.Add(i + 1);
        }
        return entries;
    }

    /// <summary>规范文本，也是导出给人看、可再导入的文本：每行“词 权重 分类”（词和分类不含空白，见 <see cref="KeywordListRules"/>）。</summary>
    public static string Format(IEnumerable<KeywordEntry> entries)
    {
        var sb = new StringBuilder();
        foreach (var e in entries)
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(e.Text).Append(' ').Append(e.Weight.ToString(CultureInfo.InvariantCulture));
            if (e.Category.Length > 0) sb.Append(' ').Append(e.Category);
        }
        return sb.ToString();
    }

    internal static List<KeywordEntry> ParseStored(string stored)
    {
        var entries = new List<KeywordEntry>();
        foreach (var line in stored.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            entries.Add(new KeywordEntry(parts[0],
                parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : DefaultWeight,
                parts.Length > 2 ? parts[2] : ""));
        }
        return entries;
    }
}
