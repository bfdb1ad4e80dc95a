using System.Globalization;

namespace Herald.Domain.Submission;

/// <summary>规范命名 "单位-YYYY年M月D日工作信息"（[001] 报送方式）。同一单位同日多篇加序号，续报加"续报N"。</summary>
public static class StandardName
{
    public static string For(string unitName, DateOnly reportDate, int sequence = 1, int followUpNumber = 0)
    {
        var name = string.Create(CultureInfo.InvariantCulture,
            $"{unitName}-{reportDate.Year}年{reportDate.Month}月{reportDate.Day}日工作信息");
        if (sequence > 1) name += string.Create(CultureInfo.InvariantCulture, $"（{sequence}）");
        if (followUpNumber > 0) name += string.Create(CultureInfo.InvariantCulture, $"（续报{followUpNumber}）");
        return name;
    }

    /// <summary>用作下载文件名：去掉文件系统不允许的字符。</summary>
    public static string ToFileName(string standardName, string extension)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var cleaned = new string(standardName.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
        return cleaned + extension;
    }
}
