namespace Herald.Web.Infrastructure.Spreadsheets;

/// <summary>写进单元格的文字：两个写出器共用。</summary>
public static class XlsxText
{
    /// <summary>XML 不允许的控制字符（粘贴进标题的）去掉，否则整个文件写不出或 Excel 打不开；单元格上限 32767 个字符。</summary>
    public static string Clean(string text)
    {
        var clean = text.Any(ch => ch < 0x20 && ch is not ('\t' or '\n' or '\r'))
            ? new string(text.Where(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r').ToArray())
            : text;
        return clean.Length > 32767 ? clean[..32767] : clean;
    }
}
