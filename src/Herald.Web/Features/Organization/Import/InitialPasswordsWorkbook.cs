using Herald.Web.Infrastructure.Spreadsheets;

namespace Herald.Web.Features.Organization.Import;

/// <summary>导入结果页上可下载一次的初始口令表（只在该页的响应里，服务器不保存明文口令）。</summary>
public static class InitialPasswordsWorkbook
{
    public static byte[] Build(ImportResult result, Func<string, string> text)
    {
        var sheet = new XlsxSheet(text("Import.Passwords.Sheet")) { FrozenRows = 1 };
        sheet.ColumnWidths.AddRange([16, 12, 36, 30, 20]);
        sheet.Row(XlsxStyle.Header, text("Import.Col.UserName"), text("Import.Col.DisplayName"), text("Import.Col.HomeUnit"),
            text("Import.Col.Role"), text("Users.InitialPassword"));
        foreach (var u in result.Users)
            sheet.Row(XlsxStyle.Normal, u.UserName, u.DisplayName, u.UnitPath ?? "", string.Join(text("Import.ListSeparator"), u.Roles), u.Password);
        return XlsxWriter.Write([sheet]);
    }
}
