namespace Herald.Web.Features.Reports;

/// <summary>报表表格的排序与筛选（页面和导出共用）。</summary>
public static class ReportTable
{
    public static readonly string[] UnitFilters = ["below_quota", "no_adoption", "adopted"];
    public static readonly string[] PeopleFilters = ["no_adoption", "adopted"];

    /// <summary>名称按中文习惯（拼音）排序。</summary>
    private static readonly StringComparer NameOrder = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: false);

    public static IReadOnlyList<UnitReportRow> Units(IEnumerable<UnitReportRow> rows, string? sort, bool desc, string? filter)
    {
        var filtered = filter switch
        {
            "below_quota" => rows.Where(r => r.QuotaMet == false),
            "no_adoption" => rows.Where(r => r.Adopted == 0),
            "adopted" => rows.Where(r => r.Adopted > 0),
            _ => rows,
        };
        Func<UnitReportRow, object> key = sort switch
        {
            "name" => r => r.UnitPath,
            "submitted" => r => r.Submitted,
            "approved" => r => r.Approved,
            "published" => r => r.Published,
            "adopted" => r => r.Adopted,
            "central" => r => r.AdoptedCentral,
            "provincial" => r => r.AdoptedProvincial,
            "municipal" => r => r.AdoptedMunicipal,
            "county" => r => r.AdoptedCounty,
            "internal" => r => r.AdoptedInternal,
            "instructions" => r => r.Instructions,
            "rate" => r => r.AdoptionRate,
            "points" => r => r.Points,
            "quota" => r => r.QuotaMet switch { true => 2, false => 0, null => 1 },
            "late" => r => r.Late,
            "missed" => r => r.Missed,
            _ => r => r.Rank,
        };
        return Order(filtered, key, desc, r => r.Rank, r => r.UnitPath);
    }

    public static IReadOnlyList<CorrespondentReportRow> People(IEnumerable<CorrespondentReportRow> rows, string? sort, bool desc, string? filter)
    {
        var filtered = filter switch
        {
            "no_adoption" => rows.Where(r => r.Adopted == 0),
            "adopted" => rows.Where(r => r.Adopted > 0),
            _ => rows,
        };
        Func<CorrespondentReportRow, object> key = sort switch
        {
            "name" => r => r.DisplayName,
            "unit" => r => r.UnitName,
            "submitted" => r => r.Submitted,
            "approved" => r => r.Approved,
            "published" => r => r.Published,
            "adopted" => r => r.Adopted,
            "central" => r => r.AdoptedCentral,
            "provincial" => r => r.AdoptedProvincial,
            "municipal" => r => r.AdoptedMunicipal,
            "county" => r => r.AdoptedCounty,
            "internal" => r => r.AdoptedInternal,
            "instructions" => r => r.Instructions,
            "rate" => r => r.AdoptionRate,
            "points" => r => r.Points,
            "late" => r => r.Late,
            _ => r => r.Rank,
        };
        return Order(filtered, key, desc, r => r.Rank, r => r.DisplayName);
    }

    private static List<T> Order<T>(IEnumerable<T> rows, Func<T, object> key, bool desc, Func<T, int> rank, Func<T, string> name)
    {
        var comparer = Comparer<object>.Create((a, b) => a is string x && b is string y
            ? NameOrder.Compare(x, y)
            : Comparer<object>.Default.Compare(a, b));
        var ordered = desc ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);
        return ordered.ThenBy(rank).ThenBy(name, StringComparer.Ordinal).ToList();
    }
}
