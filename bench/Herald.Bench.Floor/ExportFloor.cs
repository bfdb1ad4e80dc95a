using System.Globalization;
using DocumentFormat.OpenXml;
using System.IO.Compression;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;

/// <summary>
/// The floor for a list export (issue 8): the same rows of Herald's database read with a bare SqliteDataReader and written
/// with a bare OpenXmlWriter loop into a zip entry (13 cells a row, inline strings, no names looked up, no styles, no other
/// workbook parts) written synchronously straight into the response.
///   GET /export.xlsx?db=/tmp/herald-province/herald.db&amp;from=2026-01-01&amp;to=2026-02-01
/// </summary>
internal static class ExportFloor
{
    private const string Sql = """
        SELECT id, title, standard_name, unit_id, author_id, category_id, status, importance, emergency, is_late, event_date, submitted_at, updated_at
        FROM manuscripts WHERE submitted_at >= $from AND submitted_at < $to ORDER BY updated_at DESC, id DESC
        """;

    public static async Task WriteAsync(HttpContext http, string db, string from, string to)
    {
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        // The floor may write synchronously into the socket (Herald spools and drains asynchronously instead).
        http.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        using var zip = new ZipArchive(http.Response.Body, ZipArchiveMode.Create, leaveOpen: true);
        using (var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            command.Parameters.AddWithValue("$from", from);
            command.Parameters.AddWithValue("$to", to);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                writer.WriteStartElement(new Row());
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    if (reader.IsDBNull(c)) continue;
                    var value = reader.GetValue(c);
                    if (value is long number)
                    {
                        writer.WriteStartElement(new Cell());
                        writer.WriteElement(new CellValue(number.ToString(CultureInfo.InvariantCulture)));
                        writer.WriteEndElement();
                    }
                    else
                    {
                        writer.WriteStartElement(new Cell { DataType = CellValues.InlineString });
                        writer.WriteElement(new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")));
                        writer.WriteEndElement();
                    }
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }
}
