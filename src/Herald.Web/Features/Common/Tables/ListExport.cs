using System.Runtime.CompilerServices;
using Herald.Domain.Common;
using Herald.Web.Infrastructure.Spreadsheets;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Herald.Web.Features.Common.Tables;

/// <summary>导出的列：中文表头、宽度、取值（时间换成北京时间，状态等由调用方给出中文名称，不出现代码）。</summary>
public sealed class ExportColumns<T>
{
    private readonly List<(XlsxColumn Column, Func<T, object?> Value)> _columns = [];

    public IReadOnlyList<XlsxColumn> Columns => _columns.Select(c => c.Column).ToList();

    public ExportColumns<T> Text(string header, Func<T, string?> value, double width = 16) => Add(header, width, XlsxCellKind.Text, value);

    public ExportColumns<T> Number(string header, Func<T, long?> value, double width = 10) =>
        Add(header, width, XlsxCellKind.Number, r => value(r));

    /// <summary>UTC 时间，写成北京时间的日期时间。</summary>
    public ExportColumns<T> Time(string header, Func<T, DateTime?> utc, double width = 19) =>
        Add(header, width, XlsxCellKind.DateTime, r => utc(r) is { } t ? ChinaTime.ToChina(t) : null);

    public ExportColumns<T> Date(string header, Func<T, DateOnly?> value, double width = 15) =>
        Add(header, width, XlsxCellKind.Date, r => value(r));

    public object?[] Values(T row)
    {
        var values = new object?[_columns.Count];
        for (var i = 0; i < values.Length; i++) values[i] = _columns[i].Value(row);
        return values;
    }

    private ExportColumns<T> Add(string header, double width, XlsxCellKind kind, Func<T, object?> value)
    {
        _columns.Add((new XlsxColumn(header, width, kind), value));
        return this;
    }
}

/// <summary>
/// 列表导出为 Excel（docs/adr/0014）：与列表同一个查询（同样的范围、筛选、排序），不分页，边读边写进响应；
/// 行数超过 <see cref="MaxRows"/> 时先回答 400（请缩小筛选范围），不开始写文件。
/// </summary>
public static class ListExport
{
    /// <summary>一次导出最多的行数（Excel 一张表最多 1,048,576 行；再多的也没人能用）。</summary>
    public const int MaxRows = 500_000;

    /// <summary>每写这么多行把缓冲送出一次。</summary>
    private const int DrainEvery = 500;

    /// <summary>检查行数（数到上限为止），返回逐行读出的序列；映射在读出后进行（如单位名称取自组织树）。</summary>
    public static async Task<IAsyncEnumerable<TItem>> RowsAsync<TRow, TItem>(IQueryable<TRow> ordered, Func<TRow, TItem> map, CancellationToken ct,
        int maxRows = MaxRows)
    {
        if (await ordered.Take(maxRows + 1).CountAsync(ct) > maxRows)
            throw AppException.Invalid("export", "Export.TooManyRows", maxRows);
        return Map(ordered.AsAsyncEnumerable(), map);
    }

    /// <summary>已在内存中的行（小列表，如备案名册）。</summary>
    public static IAsyncEnumerable<T> Rows<T>(IEnumerable<T> rows) => Map(rows, r => r);

    /// <summary>文件名：{标题}-2026年12月7日.xlsx（北京时间的今天）。</summary>
    public static string FileName(string title, DateTime nowUtc) => $"{title}-{ChinaTime.FormatDate(ChinaTime.DateOf(nowUtc))}.xlsx";

    public static IResult Xlsx<T>(string title, DateTime nowUtc, ExportColumns<T> columns, IAsyncEnumerable<T> rows) =>
        new XlsxExportResult<T>(title, FileName(title, nowUtc),
            "export-" + ChinaTime.DateOf(nowUtc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ".xlsx", columns, rows);

    private static async IAsyncEnumerable<TItem> Map<TRow, TItem>(IAsyncEnumerable<TRow> rows, Func<TRow, TItem> map,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var row in rows.WithCancellation(ct)) yield return map(row);
    }

    private static async IAsyncEnumerable<TItem> Map<TRow, TItem>(IEnumerable<TRow> rows, Func<TRow, TItem> map)
    {
        await Task.CompletedTask;
        foreach (var row in rows) yield return map(row);
    }

    private sealed class XlsxExportResult<T>(string sheet, string fileName, string asciiName, ExportColumns<T> columns, IAsyncEnumerable<T> rows)
        : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var ct = http.RequestAborted;
            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            http.Response.ContentType = XlsxWriter.ContentType;
            http.Response.Headers.CacheControl = "no-store";
            // 中文文件名按 RFC 5987 写在 filename*，旧客户端看 filename（ASCII）。
            http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
            {
                FileName = asciiName,
                FileNameStar = fileName,
            }.ToString();
            await using var writer = XlsxStreamWriter.Create(http.Response.Body, sheet, columns.Columns);
            await foreach (var row in rows.WithCancellation(ct))
            {
                writer.WriteRow(columns.Values(row));
                if (writer.Rows % DrainEvery == 0) await writer.DrainAsync(ct);
            }
            await writer.CompleteAsync(ct);
        }
    }
}
