using Herald.Domain.Common;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Publishing;

/// <summary>页面表单出错时重新显示的状态码：冲突（重复、已处理）409，超限 413，其余 400。</summary>
internal static class PublishingForms
{
    public static int StatusOf(Exception exception) => exception switch
    {
        AppException { Kind: ProblemKind.Conflict } => StatusCodes.Status409Conflict,
        AppException { Kind: ProblemKind.TooLarge } => StatusCodes.Status413PayloadTooLarge,
        DomainException { Kind: DomainErrorKind.Conflict } => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>表单里的返回地址（只接受本站路径）。</summary>
    public static string ReturnTo(string? returnUrl, string fallback) => Pages.SafeLocal(returnUrl, fallback);

    /// <summary>在返回地址上加 notice（替换已有的）。</summary>
    public static string WithNotice(string url, string notice)
    {
        var hashAt = url.IndexOf('#');
        var fragment = hashAt >= 0 ? url[hashAt..] : "";
        var path = hashAt >= 0 ? url[..hashAt] : url;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(path.Contains('?') ? path[path.IndexOf('?')..] : "");
        var basePath = path.Contains('?') ? path[..path.IndexOf('?')] : path;
        var pairs = query.Where(kv => !kv.Key.Equals("notice", StringComparison.OrdinalIgnoreCase))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .Append(new KeyValuePair<string, string?>("notice", notice));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(basePath, pairs) + fragment;
    }
}
