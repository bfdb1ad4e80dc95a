using System.Globalization;
using System.Text;
using Herald.Domain.Common;
using Herald.Domain.Publishing;
using Herald.Domain.Scoring;

namespace Herald.Web.Features.Bulletins.Documents;

/// <summary>
/// 通报正文的措辞。通报是以中文印发的公文，不随界面语言变化，所以这些文字不走界面的本地化资源。
/// 默认的工作要求依 [001]"考核奖惩"：季度汇总通报、列入年终考核、表扬排名靠前的、批评消极应付的。
/// </summary>
public static class BulletinWording
{
    public const string DraftMark = "草稿";

    public static readonly string[] UnitHeaders = ["名次", "单位", "报送", "审定", "采用", "中央", "省级", "市级", "县级", "上稿率", "积分", "任务完成"];

    public static readonly string[] GoodNewsHeaders = ["序号", "稿件标题", "单位", "采用媒体", "采用日期", "积分"];

    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>"2026年第3季度" / "2026年度"</summary>
    public static string PeriodName(BulletinFigures f) => f.IsAnnual
        ? string.Create(CultureInfo.InvariantCulture, $"{f.Year}年度")
        : string.Create(CultureInfo.InvariantCulture, $"{f.Year}年第{f.Quarter}季度");

    /// <summary>"2026年7月1日至2026年9月30日"</summary>
    public static string DateRange(DateOnly from, DateOnly to) => ChinaTime.FormatDate(from) + "至" + ChinaTime.FormatDate(to);

    public static string Salutation => "各有关单位：";

    public static string DefaultOpening(BulletinFigures f) => f.IsAnnual
        ? $"根据宣传信息工作考核奖惩有关规定，宣传办对各单位{f.Year.ToString(CultureInfo.InvariantCulture)}年度投稿、用稿情况进行了汇总考核。" +
          "现将考核情况通报如下："
        : $"为及时掌握各单位宣传信息工作开展情况，推动宣传报道、信息报送工作任务落实，根据宣传信息工作考核奖惩有关规定，" +
          $"现将{PeriodName(f)}宣传信息工作情况通报如下：";

    /// <summary>总体情况：报送、审定、各级媒体采用、上稿率、积分，以及未完成任务和没有采用的单位数。</summary>
    public static string TotalsParagraph(BulletinFigures f)
    {
        var t = f.Totals;
        var sb = new StringBuilder();
        sb.Append(PeriodName(f)).Append('（').Append(DateRange(f.From, f.To)).Append("），");
        if (f.RootName.Length > 0) sb.Append(f.RootName).Append("范围内");
        sb.Append(Count(t.Units)).Append("个单位共报送信息").Append(Count(t.Submitted)).Append("篇，审定")
            .Append(Count(t.Approved)).Append("篇；被各级媒体采用").Append(Count(t.Adopted)).Append("篇，其中中央级媒体采用")
            .Append(Count(t.Central)).Append("篇次、省级媒体").Append(Count(t.Provincial)).Append("篇次、市级媒体")
            .Append(Count(t.Municipal)).Append("篇次、县级媒体").Append(Count(t.County)).Append("篇次");
        if (t.Internal > 0) sb.Append("、内部刊物").Append(Count(t.Internal)).Append("篇次");
        if (t.Instructions > 0) sb.Append("，获领导批示").Append(Count(t.Instructions)).Append("次");
        sb.Append("；上稿率").Append(Rate(t.AdoptionRate)).Append("，共计积分").Append(Points(t.Points)).Append("分。");
        if (t.UnitsBelowQuota > 0) sb.Append("有").Append(Count(t.UnitsBelowQuota)).Append("个单位未完成报送任务，");
        sb.Append(t.UnitsWithoutAdoption > 0 ? Count(t.UnitsWithoutAdoption) + "个单位没有稿件被采用。" : "各单位均有稿件被采用。");
        return sb.ToString();
    }

    public static string RankingLead =>
        "按积分（积分相同比采用篇数）排名，各单位情况如下（上稿率为采用篇数与报送篇数之比；积分按用稿当日有效的计分规则计算）：";

    public static string PraiseUnitsLead(BulletinFigures f) => f.IsAnnual
        ? "全年每月均完成报送任务、积分排名靠前的以下单位，推荐为宣传信息工作先进单位："
        : "对报送及时、上稿率高、排名靠前的以下单位予以通报表扬：";

    public static string PraisePeopleLead(BulletinFigures f) => f.IsAnnual
        ? "以下信息员积分排名靠前，推荐为优秀信息员："
        : "对以下积分排名靠前的信息员予以通报表扬：";

    public static string GoodNewsLead => "以下稿件单次采用分值最高，推荐为好新闻奖：";

    public static string CriticismLead(BulletinFigures f) =>
        $"以下单位{(f.IsAnnual ? "本年度" : "本季度")}未完成报送任务或没有稿件被采用，予以通报批评，请认真查找原因、切实加以改进：";

    public static string NoneText => "无。";

    /// <summary>"示例街道党政办公室（积分17分，采用2篇）"</summary>
    public static string PraisedUnit(BulletinUnitRow u) =>
        $"{u.UnitName}（积分{Points(u.Points)}分，采用{Count(u.Adopted)}篇）";

    /// <summary>"李文静（示例街道党政办公室，积分20分）"</summary>
    public static string PraisedPerson(BulletinPersonRow p) =>
        p.UnitName.Length > 0 ? $"{p.Name}（{p.UnitName}，积分{Points(p.Points)}分）" : $"{p.Name}（积分{Points(p.Points)}分）";

    /// <summary>"幸福社区（未完成报送任务，少报5篇）"</summary>
    public static string Criticized(BulletinCriticism c) => $"{c.UnitName}（{CriticismReason(c)}）";

    public static string CriticismReason(BulletinCriticism c)
    {
        var reasons = new List<string>();
        if (c.BelowQuota) reasons.Add($"未完成报送任务，少报{Count(c.Missed)}篇");
        if (c.NothingAdopted) reasons.Add("没有稿件被采用");
        return string.Join("；", reasons);
    }

    /// <summary>宣传办未填写工作要求时的默认要求（三条，依 [001] 考核奖惩）。</summary>
    public static IReadOnlyList<string> DefaultRequirements(BulletinFigures f) =>
    [
        "（一）提高思想认识，加大报送力度。各单位要高度重视宣传信息工作，把宣传报道、信息报送工作列入重要议事日程，" +
        "选好配强信息员，确保报送稿件的数量和质量，按时完成报送任务，不迟报、不漏报。",
        "（二）突出工作重点，提升稿件质量。报送的信息要言必有据、主题鲜明、言简意赅，做到有情况、有分析、有建议；" +
        "重要会议和大型活动附上清晰的图片和规范的文字说明，主动对接各级媒体，不断提高上稿率。",
        f.IsAnnual
            ? "（三）严格考核奖惩，巩固工作成效。考核结果纳入年度综合考核，对先进单位、优秀信息员和好新闻予以表彰；" +
              "对消极应付、影响总体宣传报道工作的单位予以通报批评，并督促限期整改。"
            : "（三）强化督促检查，严格考核奖惩。宣传办每季度对各单位投稿、用稿情况汇总通报，结果列入年终考核；" +
              "对报送及时、上稿率高、排名靠前的予以表扬，对消极应付、影响总体宣传报道工作的予以通报批评。",
    ];

    /// <summary>宣传办填写的要求按行分段；空行忽略。</summary>
    public static IReadOnlyList<string> Requirements(BulletinFigures f) =>
        string.IsNullOrWhiteSpace(f.Requirements)
            ? DefaultRequirements(f)
            : f.Requirements.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    public static IReadOnlyList<string> OpeningParagraphs(BulletinFigures f) =>
        string.IsNullOrWhiteSpace(f.Opening)
            ? [DefaultOpening(f)]
            : f.Opening.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>一、二、…十、十一…</summary>
    public static string Numeral(int n) => n switch
    {
        <= 0 => n.ToString(CultureInfo.InvariantCulture),
        <= 10 => Numerals[n - 1],
        < 20 => "十" + Numerals[n - 11],
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>0.6667 → "66.7%"</summary>
    public static string Rate(decimal rate) => (rate * 100m).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Points(decimal points) => points.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Quota(bool? met) => met switch { true => "完成", false => "未完成", null => "—" };

    public static string Status(BulletinFigures f) => f.Draft
        ? $"{DraftMark}（第{Count(f.Version)}版，数字随数据变化，以正式发布的版本为准）"
        : $"已发布（第{Count(f.Version)}版）";

    /// <summary>页眉的草稿标记。</summary>
    public static string DraftHeader(BulletinFigures f) =>
        $"{DraftMark} · 生成于{ChinaTime.FormatDateTime(f.GeneratedAt)} · 数字随数据变化，以正式发布的版本为准";

    /// <summary>规则要点："中央10分、省级5分、市级3分、县级1分（报纸）；头版/头条×2；多方采用只计最高；每月报送任务2篇，每少1篇扣1分"。</summary>
    public static string RuleSummary(ScoringRuleSet rule)
    {
        var sb = new StringBuilder();
        sb.Append("中央").Append(Points(rule.PointsFor(MediaLevel.Central, OutletType.Newspaper))).Append("分、省级")
            .Append(Points(rule.PointsFor(MediaLevel.Provincial, OutletType.Newspaper))).Append("分、市级")
            .Append(Points(rule.PointsFor(MediaLevel.Municipal, OutletType.Newspaper))).Append("分、县级")
            .Append(Points(rule.PointsFor(MediaLevel.County, OutletType.Newspaper))).Append("分（报纸）；头版/头条×")
            .Append(Points(rule.FrontPageMultiplier)).Append('；')
            .Append(rule.MultiAdoption == MultiAdoptionMode.HighestOnly ? "多方采用只计最高" : "多方采用累计计分");
        sb.Append(rule.MonthlyQuota > 0
            ? $"；每月报送任务{Count(rule.MonthlyQuota)}篇，每少1篇扣{Points(rule.MissingPenalty)}分"
            : "；不考核报送任务");
        if (rule.CapPoints is { } cap)
            sb.Append("；每单位每").Append(rule.CapPeriod switch { CapPeriod.Month => "月", CapPeriod.Quarter => "季度", _ => "年" })
                .Append("积分上限").Append(Points(cap)).Append('分');
        if (rule.LatePenalty > 0m) sb.Append("；迟报每篇扣").Append(Points(rule.LatePenalty)).Append('分');
        if (!string.IsNullOrWhiteSpace(rule.Note)) sb.Append("（").Append(rule.Note).Append('）');
        return sb.ToString();
    }

    /// <summary>下载文件名：标题；第 2 版起加"（第N版）"，草稿加"（草稿）"。</summary>
    public static string FileName(string title, int version, bool draft, string extension)
    {
        var name = title;
        if (version > 1) name += $"（第{Count(version)}版）";
        if (draft) name += "（草稿）";
        return name + extension;
    }
}
