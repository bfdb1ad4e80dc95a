using System.Reflection;

namespace Herald.Domain.Identity;

/// <summary>
/// 弱口令识别：常见口令表（随程序发布的 3 万余条，见 Data/common-passwords.txt）及其"变形"（大小写、
/// @→a 0→o 这类替换、前后加数字符号），键盘或字母表顺序（Qwerty123、1qaz2wsx、Abcdefg1），
/// 一两个字符的重复（Aa1aaaaa），以及"拼音 + 数字"（Zhangwei2026!、woaini1314）。
/// 满足字符类别要求的口令里，这些是被猜中的主要来源。
/// </summary>
public static class WeakPasswords
{
    /// <summary>不超过这么多个拼音音节、其余只有数字和符号的口令视为弱口令；更长的拼音短语不算。</summary>
    public const int MaxPinyinSyllables = 4;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    private static readonly string[] Sequences =
    [
        "abcdefghijklmnopqrstuvwxyz", "01234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm",
        "1qaz", "2wsx", "3edc", "4rfv", "5tgb", "6yhn", "7ujm", "8ik,", "9ol.", "0p;/",
        "!qaz", "@wsx", "#edc", "$rfv", "%tgb", "^yhn", "&ujm", "*ik<", "(ol>", ")p:?",
        "!@#$%^&*()",
    ];

    private static readonly HashSet<(char, char)> Adjacent = BuildAdjacency();

    private static readonly HashSet<string> Pinyin = new(
        ("a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng " +
         "cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu " +
         "cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo e " +
         "ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan " +
         "guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian " +
         "jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan " +
         "kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu luan lun " +
         "luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei " +
         "nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng pi " +
         "pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re " +
         "ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei " +
         "shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang " +
         "tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian " +
         "xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za " +
         "zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai " +
         "zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo").Split(' '),
        StringComparer.Ordinal);

    /// <summary>常见口令表的条数（测试与文档用）。</summary>
    public static int CommonCount => Common.Value.Count;

    /// <summary>是否为弱口令。</summary>
    public static bool IsWeak(string password)
    {
        if (password.Length == 0) return true;
        var lower = password.ToLowerInvariant();
        return IsCommon(lower) || IsRepetitive(lower) || IsMostlySequences(lower) || IsShortPinyinWithDigits(lower);
    }

    /// <summary>原样、去掉替换字符、去掉前后数字符号后，任一在常见口令表里。</summary>
    internal static bool IsCommon(string lower)
    {
        var common = Common.Value;
        var core = lower.Trim(NonLetters(lower));
        return common.Contains(lower) || common.Contains(Unleet(lower))
            || (core.Length >= 4 && (common.Contains(core) || common.Contains(Unleet(core))));
    }

    /// <summary>不同字符不超过 3 个，或某个字符占一半以上。</summary>
    internal static bool IsRepetitive(string lower)
    {
        var counts = lower.GroupBy(c => c).Select(g => g.Count()).ToList();
        return counts.Count <= 3 || counts.Max() * 2 > lower.Length;
    }

    /// <summary>3 个以上相邻键（或字母、数字顺序、重复）连成的片段覆盖了除至多两个字符外的全部。</summary>
    internal static bool IsMostlySequences(string lower)
    {
        var covered = 0;
        var run = 1;
        for (var i = 1; i <= lower.Length; i++)
        {
            if (i < lower.Length && (lower[i] == lower[i - 1] || Adjacent.Contains((lower[i - 1], lower[i])))) { run++; continue; }
            if (run >= 3) covered += run;
            run = 1;
        }
        return covered >= lower.Length - 2;
    }

    /// <summary>字母部分恰好是不超过 4 个拼音音节（姓名、"woaini"），其余只有数字和符号。</summary>
    internal static bool IsShortPinyinWithDigits(string lower)
    {
        var letters = new string(lower.Where(char.IsAsciiLetterLower).ToArray());
        if (letters.Length < 2) return false;
        if (lower.Any(c => !char.IsAscii(c))) return false;
        var fewest = FewestSyllables(letters);
        return fewest is > 0 and <= MaxPinyinSyllables;
    }

    /// <summary>把字母串切成拼音音节的最少个数；切不开返回 0。</summary>
    private static int FewestSyllables(string letters)
    {
        var best = new int[letters.Length + 1];
        Array.Fill(best, int.MaxValue);
        best[0] = 0;
        for (var end = 1; end <= letters.Length; end++)
            for (var len = 1; len <= Math.Min(6, end); len++)
                if (best[end - len] != int.MaxValue && Pinyin.Contains(letters.Substring(end - len, len)))
                    best[end] = Math.Min(best[end], best[end - len] + 1);
        return best[letters.Length] == int.MaxValue ? 0 : best[letters.Length];
    }

    private static string Unleet(string s) => string.Create(s.Length, s, (span, src) =>
    {
        for (var i = 0; i < src.Length; i++)
            span[i] = src[i] switch { '@' or '4' => 'a', '0' => 'o', '1' or '!' => 'i', '3' => 'e', '$' or '5' => 's', '7' => 't', _ => src[i] };
    });

    private static char[] NonLetters(string s) => s.Where(c => !char.IsAsciiLetter(c)).Distinct().ToArray();

    private static HashSet<(char, char)> BuildAdjacency()
    {
        var pairs = new HashSet<(char, char)>();
        foreach (var seq in Sequences)
            for (var i = 1; i < seq.Length; i++)
            {
                pairs.Add((seq[i - 1], seq[i]));
                pairs.Add((seq[i], seq[i - 1]));
            }
        return pairs;
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(WeakPasswords).Assembly.GetManifestResourceStream("Herald.Domain.Identity.Data.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line.Trim().ToLowerInvariant());
        return set;
    }
}
