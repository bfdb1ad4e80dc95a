namespace Herald.Web.Features.OpinionCases;

/// <summary>舆情类别（立案与应急预案共用，填写时可选也可自填）。</summary>
public static class CaseCategories
{
    public static readonly IReadOnlyList<string> Defaults =
        ["公共服务", "安全生产", "生态环境", "食品药品", "社会治安", "教育医疗", "征地拆迁", "劳动保障", "干部作风", "自然灾害", "涉企营商", "其他"];
}
