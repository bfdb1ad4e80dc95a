using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Herald.Web.Infrastructure.Documents;

/// <summary>
/// Word 自动编号：按编号定义计数，生成段落前的编号文字（"一、"、"（二）"、"3."），项目符号只报告为列表。
/// 公文常用的中文编号若丢失，各层次的"一、（一）1.（1）"就看不出来了。
/// </summary>
internal sealed class DocxNumbering
{
    public enum Kind { None, Bullet, Numbered }

    private const int Levels = 9;
    private static readonly string[] ChineseDigits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    private static readonly string[] LegalDigits = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
    private const string HeavenlyStems = "甲乙丙丁戊己庚辛壬癸";
    private const string EarthlyBranches = "子丑寅卯辰巳午未申酉戌亥";

    private readonly Dictionary<int, NumberingInstance> _instances = [];
    private readonly Dictionary<int, AbstractNum> _abstracts = [];
    private readonly Dictionary<int, int?[]> _counters = [];
    private readonly HashSet<(int NumId, int Level)> _overridesApplied = [];

    public DocxNumbering(Numbering? numbering)
    {
        if (numbering is null) return;
        foreach (var instance in numbering.Elements<NumberingInstance>())
            if (DocxValues.Of(instance.NumberID) is { } id) _instances.TryAdd(id, instance);
        foreach (var abstractNum in numbering.Elements<AbstractNum>())
            if (DocxValues.Of(abstractNum.AbstractNumberId) is { } id) _abstracts.TryAdd(id, abstractNum);
    }

    /// <summary>Advances the counter of the paragraph's list level and returns its number text.</summary>
    public (Kind Kind, string? Text) Next(int? numId, int level)
    {
        if (numId is null or 0 || level is < 0 or >= Levels || !_instances.TryGetValue(numId.Value, out var instance)
            || DocxValues.Of(instance.AbstractNumId?.Val) is not { } abstractId || !_abstracts.TryGetValue(abstractId, out var abstractNum))
            return (Kind.None, null);

        var definition = LevelOf(abstractNum, level);
        if (DocxValues.Of(definition?.NumberingFormat?.Val) == NumberFormatValues.Bullet) return (Kind.Bullet, null);

        // Counters belong to the abstract definition: lists that share it continue each other's numbering, as in Word.
        if (!_counters.TryGetValue(abstractId, out var counters)) _counters[abstractId] = counters = new int?[Levels];
        var start = DocxValues.Of(definition?.StartNumberingValue?.Val) ?? 1;
        counters[level] = counters[level] is { } current ? current + 1 : start;
        for (var deeper = level + 1; deeper < Levels; deeper++) counters[deeper] = null;
        if (_overridesApplied.Add((numId.Value, level))
            && DocxValues.Of(instance.Elements<LevelOverride>().FirstOrDefault(o => DocxValues.Of(o.LevelIndex) == level)?.StartOverrideNumberingValue?.Val) is { } restart)
            counters[level] = restart;

        var pattern = definition?.LevelText?.Val?.Value;
        if (pattern is null) return (Kind.Numbered, null);
        var text = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '%' && i + 1 < pattern.Length && pattern[i + 1] is >= '1' and <= '9')
            {
                var referenced = pattern[i + 1] - '1';
                var referencedLevel = LevelOf(abstractNum, referenced);
                var value = counters[referenced] ?? DocxValues.Of(referencedLevel?.StartNumberingValue?.Val) ?? 1;
                text.Append(Format(value, DocxValues.Of(referencedLevel?.NumberingFormat?.Val) ?? NumberFormatValues.Decimal));
                i++;
            }
            else
            {
                text.Append(pattern[i]);
            }
        }
        // Word puts a tab after the number; in running text a space does, except after Chinese punctuation such as "、".
        if (DocxValues.Of(definition?.LevelSuffix?.Val) != LevelSuffixValues.Nothing && text.Length > 0 && text[^1] < 0x2E80) text.Append(' ');
        return (Kind.Numbered, text.ToString());
    }

    private static Level? LevelOf(AbstractNum abstractNum, int level) =>
        abstractNum.Elements<Level>().FirstOrDefault(l => DocxValues.Of(l.LevelIndex) == level);

    public static string Format(int value, NumberFormatValues format) => format switch
    {
        NumberFormatValues.ChineseCounting or NumberFormatValues.ChineseCountingThousand or NumberFormatValues.TaiwaneseCounting
            or NumberFormatValues.TaiwaneseCountingThousand => Chinese(value, ChineseDigits, "十", "百", "千"),
        NumberFormatValues.ChineseLegalSimplified => Chinese(value, LegalDigits, "拾", "佰", "仟"),
        NumberFormatValues.IdeographTraditional when value is >= 1 and <= 10 => HeavenlyStems[value - 1].ToString(),
        NumberFormatValues.IdeographZodiac when value is >= 1 and <= 12 => EarthlyBranches[value - 1].ToString(),
        NumberFormatValues.DecimalEnclosedCircle or NumberFormatValues.DecimalEnclosedCircleChinese when value is >= 1 and <= 20 =>
            ((char)(0x2460 + value - 1)).ToString(),
        NumberFormatValues.DecimalEnclosedParen when value is >= 1 and <= 20 => ((char)(0x2474 + value - 1)).ToString(),
        NumberFormatValues.DecimalEnclosedFullstop when value is >= 1 and <= 20 => ((char)(0x2488 + value - 1)).ToString(),
        NumberFormatValues.DecimalFullWidth or NumberFormatValues.DecimalFullWidth2 =>
            string.Concat(value.ToString(CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０'))),
        NumberFormatValues.DecimalZero => value.ToString("00", CultureInfo.InvariantCulture),
        NumberFormatValues.UpperRoman => Roman(value),
        NumberFormatValues.LowerRoman => Roman(value).ToLowerInvariant(),
        NumberFormatValues.UpperLetter => Letter(value, 'A'),
        NumberFormatValues.LowerLetter => Letter(value, 'a'),
        NumberFormatValues.None => "",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>1–9999 in Chinese counting: 十一, 二十, 一百零五.</summary>
    private static string Chinese(int value, string[] digits, string ten, string hundred, string thousand)
    {
        if (value is <= 0 or > 9999) return value.ToString(CultureInfo.InvariantCulture);
        var units = new[] { "", ten, hundred, thousand };
        var sb = new StringBuilder();
        var zero = false;
        for (var position = 3; position >= 0; position--)
        {
            var digit = value / (int)Math.Pow(10, position) % 10;
            if (digit == 0)
            {
                zero = sb.Length > 0;
                continue;
            }
            if (zero) sb.Append(digits[0]);
            zero = false;
            // 10–19 read 十、十一 rather than 一十、一十一.
            if (!(position == 1 && digit == 1 && sb.Length == 0)) sb.Append(digits[digit]);
            sb.Append(units[position]);
        }
        return sb.ToString();
    }

    private static string Roman(int value)
    {
        if (value is <= 0 or >= 4000) return value.ToString(CultureInfo.InvariantCulture);
        (int, string)[] table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var sb = new StringBuilder();
        foreach (var (amount, symbol) in table)
            while (value >= amount) { sb.Append(symbol); value -= amount; }
        return sb.ToString();
    }

    /// <summary>Word's letter numbering repeats the letter: A … Z, AA … ZZ.</summary>
    private static string Letter(int value, char first) =>
        value <= 0 ? value.ToString(CultureInfo.InvariantCulture) : new string((char)(first + (value - 1) % 26), (value - 1) / 26 + 1);
}
