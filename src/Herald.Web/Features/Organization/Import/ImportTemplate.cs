using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Spreadsheets;

namespace Herald.Web.Features.Organization.Import;

/// <summary>
/// 导入模板：说明页（规则、可用的单位类型和角色、灰色的示例）、"单位"和"账号"两张只有表头的表
/// （单位类型、角色有下拉选项）。示例只放在说明页，免得忘了删而被导入。
/// </summary>
public sealed class ImportTemplate(ImportVocabulary words, CurrentUser current)
{
    /// <summary>下载的文件名（与模板内容同一语言）。</summary>
    public string FileName => words.Template("Import.TemplateFileName");
    private const int GuideLines = 9;
    private const int ExampleRows = 3;
    /// <summary>下拉校验覆盖的行（表头下面的 2000 行）。</summary>
    private const int ValidationLastRow = 2000;

    /// <summary>只有管理员能下载（网页与 API 同一检查）。</summary>
    public async Task<byte[]> HandleAsync(CancellationToken ct = default)
    {
        await current.ManagerTreeAsync(ct);
        return Build();
    }

    public byte[] Build()
    {
        var guide = new XlsxSheet(words.Template("Import.Sheet.Guide"));
        guide.ColumnWidths.AddRange([16, 14, 22, 14, 18, 14, 26]);
        guide.Row(XlsxStyle.Title, words.Template("Import.Guide.Title"));
        for (var i = 1; i <= GuideLines; i++)
            guide.Row(XlsxStyle.Normal, string.Format(System.Globalization.CultureInfo.InvariantCulture, words.Template("Import.Guide." + i),
                string.Join(words.Template("Import.ListSeparator"), words.UnitTypeNames),
                string.Join(words.Template("Import.ListSeparator"), words.RoleNames)));
        guide.Row(XlsxStyle.Normal);
        guide.Row(XlsxStyle.Title, words.Template("Import.Example.UnitsTitle"));
        guide.Row(XlsxStyle.Header, Headers(ImportVocabulary.UnitColumns));
        for (var i = 1; i <= ExampleRows; i++) guide.Row(XlsxStyle.Muted, Example("Import.Example.Unit." + i));
        guide.Row(XlsxStyle.Normal);
        guide.Row(XlsxStyle.Title, words.Template("Import.Example.UsersTitle"));
        guide.Row(XlsxStyle.Header, Headers(ImportVocabulary.UserColumns));
        for (var i = 1; i <= ExampleRows; i++) guide.Row(XlsxStyle.Muted, Example("Import.Example.User." + i));

        var units = new XlsxSheet(words.UnitsSheet) { FrozenRows = 1 };
        units.ColumnWidths.AddRange([28, 36, 16]);
        units.Row(XlsxStyle.Header, Headers(ImportVocabulary.UnitColumns));
        units.Validations.Add(new XlsxListValidation(Range("C"), words.UnitTypeNames,
            words.Template("Import.Col.UnitType"), words.Template("Import.Validation.UnitType")));

        var users = new XlsxSheet(words.UsersSheet) { FrozenRows = 1 };
        users.ColumnWidths.AddRange([16, 12, 30, 20, 30, 16, 26]);
        users.Row(XlsxStyle.Header, Headers(ImportVocabulary.UserColumns));
        // 一格可写多个角色，所以角色的下拉只作提示、不拦截。
        users.Validations.Add(new XlsxListValidation(Range("D"), words.RoleNames,
            words.Template("Import.Col.Role"), words.Template("Import.Validation.Role"), Strict: false));

        return XlsxWriter.Write([guide, units, users]);
    }

    private string[] Headers(IEnumerable<ImportColumn> columns) => columns.Select(c => words.Template("Import.Col." + c)).ToArray();

    private string?[] Example(string key) => words.Template(key).Split('|');

    private static string Range(string column) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{column}2:{column}{ValidationLastRow}");
}
