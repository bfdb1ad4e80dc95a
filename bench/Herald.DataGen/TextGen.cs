using System.Text;
using System.Text.RegularExpressions;

namespace Herald.DataGen;

/// <summary>
/// Titles and bodies that read like county-level work reports (工作信息): a dated lead naming the unit and the
/// activity, figures, then sentences taken from the seed documents (real publicity-work prose), then a closing
/// "next step" sentence. Bodies are 300–1,100 characters, split into 2–6 paragraphs.
/// </summary>
public sealed partial class TextGen
{
    private static readonly string[] Topics =
    [
        "垃圾分类", "安全生产", "乡村振兴", "文明城市创建", "疫情防控", "防汛抗旱", "森林防火", "扫黑除恶", "营商环境优化", "科技创新",
        "科普宣传", "党史学习教育", "志愿服务", "网格化管理", "老旧小区改造", "人居环境整治", "河长制", "平安建设", "法治宣传", "反诈宣传",
        "就业帮扶", "养老服务", "托育服务", "农技推广", "高标准农田建设", "招商引资", "项目建设", "企业服务", "消防安全", "食品安全",
        "全民阅读", "移风易俗", "新时代文明实践", "基层治理", "信访维稳", "禁毒宣传", "国家安全教育", "双拥共建", "爱国卫生运动", "校园安全",
        "数字政府建设", "政务服务", "12345热线办理", "减税降费", "人才引进", "非遗保护", "文旅融合", "全民健身", "医保政策宣传", "生态环境保护",
    ];

    private static readonly string[] TitleTemplates =
    [
        "{u}扎实开展{t}工作", "{u}召开{t}工作推进会", "{u}多措并举推进{t}", "{u}：{t}取得阶段性成效", "{u}举办{t}专题培训班",
        "{u}开展{t}集中宣传活动", "{u}深入推进{t}走深走实", "{u}“三个聚焦”抓实{t}", "{u}召开{t}专题会议", "{u}{t}工作获上级肯定",
        "{u}组织开展{t}督导检查", "{u}创新机制助力{t}", "{u}部署{t}重点任务", "{u}以{t}为抓手提升群众满意度", "{u}{t}亮点纷呈",
    ];

    private static readonly string[] Activities =
    [
        "召开专题会议", "开展集中宣传活动", "组织专题培训", "开展督导检查", "召开推进会", "开展入户走访", "举办主题活动", "开展专项整治",
    ];

    private static readonly string[] Closings =
    [
        "下一步，{u}将持续巩固工作成果，健全长效机制，推动{t}工作常态化、制度化。",
        "下一步，{u}将进一步压实责任、细化措施，确保{t}各项任务落到实处。",
        "{u}表示，将以此次活动为契机，持续加大{t}宣传力度，不断提升群众的获得感和满意度。",
        "据悉，{u}还将建立{t}工作台账，定期调度、跟踪问效，推动工作再上新台阶。",
    ];

    private readonly Random _random;
    private readonly string[] _sentences;

    public TextGen(Random random, string seedsDir)
    {
        _random = random;
        _sentences = LoadSentences(seedsDir);
        if (_sentences.Length < 50) throw new InvalidOperationException($"Too few usable sentences in {seedsDir}.");
    }

    public int SentenceCount => _sentences.Length;

    public string Topic() => Topics[_random.Next(Topics.Length)];

    public string Title(string unitShortName, string topic)
    {
        var title = TitleTemplates[_random.Next(TitleTemplates.Length)].Replace("{u}", unitShortName).Replace("{t}", topic);
        return title.Length > 100 ? title[..100] : title;
    }

    /// <summary>Plain text body, paragraphs separated by a newline.</summary>
    public string Body(string unitName, string topic, DateOnly eventDate)
    {
        var target = 300 + _random.Next(800);
        var sb = new StringBuilder(target + 200);
        sb.Append(eventDate.Month).Append('月').Append(eventDate.Day).Append("日，").Append(unitName)
            .Append(Activities[_random.Next(Activities.Length)]).Append("，围绕").Append(topic)
            .Append("工作进行安排部署。活动共有").Append(20 + _random.Next(300)).Append("余人参加，发放宣传资料")
            .Append(100 + _random.Next(3000)).Append("余份，解答群众咨询").Append(10 + _random.Next(500)).Append("人次。");
        var paragraphs = 2 + _random.Next(5);
        var perParagraph = Math.Max(1, (target - sb.Length) / Math.Max(1, paragraphs - 1));
        for (var p = 1; p < paragraphs && sb.Length < target; p++)
        {
            sb.Append('\n');
            var start = sb.Length;
            while (sb.Length - start < perParagraph && sb.Length < target)
                sb.Append(_sentences[_random.Next(_sentences.Length)]);
        }
        sb.Append('\n').Append(Closings[_random.Next(Closings.Length)].Replace("{u}", unitName).Replace("{t}", topic));
        return sb.ToString();
    }

    public string ReturnReason() => _random.Next(4) switch
    {
        0 => "标题不够精炼，请突出工作成效后重新报送。",
        1 => "数据需要核实，请补充活动参与人数和具体成效。",
        2 => "内容偏长，请压缩到800字以内并补充现场图片说明。",
        _ => "请按报送要求补充时间、地点、人物等要素。",
    };

    public string RejectReason() => _random.Next(3) switch
    {
        0 => "内容与前期报送信息重复，不予采用。",
        1 => "属于一般性事务工作，不具备宣传价值。",
        _ => "时效性已过，不予采用。",
    };

    /// <summary>Sentences of 12–90 characters from the seed documents, without page furniture, numbering or placeholders.</summary>
    private static string[] LoadSentences(string seedsDir)
    {
        var result = new List<string>();
        foreach (var file in Directory.GetFiles(seedsDir, "*.txt").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.Contains("页") && line.Contains(".docx")) continue;
                if (line.Contains("http") || line.Contains("上传人") || line.Contains("文档编号")) continue;
                foreach (Match m in SentencePattern().Matches(line))
                {
                    var s = Numbering().Replace(m.Value.Trim(), "").Replace("XX", "我").Replace(",", "，").Replace(":", "：").Replace(";", "；");
                    if (s.Length is < 12 or > 90) continue;
                    var cjk = s.Count(c => c is >= '\u4e00' and <= '\u9fff');
                    if (cjk < s.Length * 0.75) continue;
                    if (s.Contains('《') != s.Contains('》') || s.Contains('“') != s.Contains('”')) continue;
                    result.Add(s);
                }
            }
        }
        return result.Distinct(StringComparer.Ordinal).ToArray();
    }

    [GeneratedRegex("[^。！？；;]+[。！？；;]")]
    private static partial Regex SentencePattern();

    [GeneratedRegex(@"^(\d+、|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+\.)")]
    private static partial Regex Numbering();
}
