using System.Globalization;

namespace Herald.Web.Features.OptionLists;

/// <summary>选项表页的表单：每行一项（code 隐藏、名称、序号、停用），另有几行空白供新增。出错时原样填回。</summary>
public sealed class OptionListForm
{
    public const int BlankRows = 3;

    public List<Row> Rows { get; init; } = [];
    public string? Revision { get; init; }

    public sealed record Row(string? Code, string Name, string Order, bool Disabled);

    public static OptionListForm From(OptionListView view) => new()
    {
        Rows = view.Entries.Select((e, i) => new Row(e.Code, e.Name, (i + 1).ToString(CultureInfo.InvariantCulture), e.Disabled)).ToList(),
        Revision = view.Revision,
    };

    public static async Task<OptionListForm> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var codes = form["Code"];
        var names = form["Name"];
        var orders = form["Order"];
        var disabled = form["Disabled"].Select(v => v ?? "").ToHashSet(StringComparer.Ordinal);
        var rows = names.Select((name, i) => new Row(At(codes, i), name ?? "", At(orders, i) ?? "", disabled.Contains(i.ToString(CultureInfo.InvariantCulture))))
            .Where(r => !string.IsNullOrWhiteSpace(r.Code) || !string.IsNullOrWhiteSpace(r.Name))
            .ToList();
        return new OptionListForm { Rows = rows, Revision = form["Revision"] };
    }

    /// <summary>按填的序号排（没填或填错的保持原位），同号按原来的先后。</summary>
    public OptionListRequest ToRequest() => new()
    {
        Entries = Rows.Select((r, i) => (Row: r, Key: decimal.TryParse(r.Order, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : i + 1, Index: i))
            .OrderBy(x => x.Key).ThenBy(x => x.Index)
            .Select(x => new OptionEntryDto(string.IsNullOrWhiteSpace(x.Row.Code) ? null : x.Row.Code, x.Row.Name, x.Row.Disabled))
            .ToList(),
        Revision = Revision,
    };

    private static string? At(Microsoft.Extensions.Primitives.StringValues values, int i) => i < values.Count ? values[i] : null;
}
