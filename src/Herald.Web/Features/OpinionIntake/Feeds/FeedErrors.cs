using System.Globalization;
using Herald.Web.Infrastructure.Localization;

namespace Herald.Web.Features.OpinionIntake.Feeds;

/// <summary>订阅源的最近错误以“代码|参数…”保存，显示时按当前语言翻译。</summary>
public static class FeedErrors
{
    private const char Separator = '|';

    public static string Encode(FeedException ex) =>
        string.Join(Separator, new[] { ex.Code }.Concat(ex.Args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "")));

    public static string? Describe(Messages messages, string? stored)
    {
        if (string.IsNullOrEmpty(stored)) return null;
        var parts = stored.Split(Separator);
        return messages.Error(parts[0], parts.Skip(1).Cast<object>().ToArray());
    }
}
