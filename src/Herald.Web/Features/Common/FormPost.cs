using Herald.Domain.Common;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.WebUtilities;

namespace Herald.Web.Features.Common;

/// <summary>表单出错：异常、带字段名的中文说明、重新显示页面用的状态码（冲突 409，超限 413，其余 400）。</summary>
public sealed record FormFailure(Exception Exception, string Message, int Status);

/// <summary>
/// 页面表单的提交（ADR 0001）：读表单 → 调处理器 → 成功则重定向（PRG）；用户能改正的错误（输入不合规、状态冲突、超限）
/// 则用用户刚填的内容重新渲染页面并显示中文说明。找不到、无权照旧抛给统一错误页。
/// </summary>
public static class FormPost
{
    /// <summary>成功时跳到 <paramref name="handle"/> 返回的本站地址。</summary>
    public static Task<IResult> RunAsync(HttpContext http, Func<Task<string>> handle, Func<FormFailure, Task<IResult>> rerender) =>
        RunAsync(http, async () => (IResult)Results.LocalRedirect(await handle()), rerender);

    public static Task<IResult> RunAsync(HttpContext http, Func<Task<string>> handle, Func<FormFailure, IResult> rerender) =>
        RunAsync(http, handle, failure => Task.FromResult(rerender(failure)));

    public static Task<IResult> RunAsync(HttpContext http, Func<Task<IResult>> handle, Func<FormFailure, IResult> rerender) =>
        RunAsync(http, handle, failure => Task.FromResult(rerender(failure)));

    /// <summary>成功时返回 <paramref name="handle"/> 给出的结果（如只显示一次的口令页）。</summary>
    public static async Task<IResult> RunAsync(HttpContext http, Func<Task<IResult>> handle, Func<FormFailure, Task<IResult>> rerender)
    {
        try
        {
            return await handle();
        }
        catch (Exception ex) when (FormErrors.IsUserError(ex))
        {
            var messages = http.RequestServices.GetRequiredService<Messages>();
            return await rerender(new FormFailure(ex, messages.DescribeWithField(ex), StatusOf(ex)));
        }
    }

    public static int StatusOf(Exception exception) => exception switch
    {
        AppException { Kind: ProblemKind.Conflict } => StatusCodes.Status409Conflict,
        AppException { Kind: ProblemKind.TooLarge } => StatusCodes.Status413PayloadTooLarge,
        DomainException { Kind: DomainErrorKind.Conflict } => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>表单的全部字段（防伪令牌除外），出错重新显示时填回；同名字段取最后一个。</summary>
    public static async Task<Dictionary<string, string?>> ValuesAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in form)
            if (!key.StartsWith("__", StringComparison.Ordinal)) values[key] = value.Count > 0 ? value[^1] : null;
        return values;
    }

    public static string? Get(IReadOnlyDictionary<string, string?> values, string key) => values.TryGetValue(key, out var value) ? value : null;

    /// <summary>表单里的返回地址 returnUrl（只接受本站路径），带上提示 notice。</summary>
    public static string ReturnTo(IReadOnlyDictionary<string, string?> values, string fallback, string notice) =>
        WithNotice(Pages.SafeLocal(Get(values, "returnUrl"), fallback), notice);

    /// <summary>在地址上加 notice（替换已有的）。</summary>
    public static string WithNotice(string url, string notice)
    {
        var hashAt = url.IndexOf('#');
        var fragment = hashAt >= 0 ? url[hashAt..] : "";
        var path = hashAt >= 0 ? url[..hashAt] : url;
        var query = QueryHelpers.ParseQuery(path.Contains('?') ? path[path.IndexOf('?')..] : "");
        var basePath = path.Contains('?') ? path[..path.IndexOf('?')] : path;
        var pairs = query.Where(kv => !kv.Key.Equals("notice", StringComparison.OrdinalIgnoreCase))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .Append(new KeyValuePair<string, string?>("notice", notice));
        return QueryHelpers.AddQueryString(basePath, pairs) + fragment;
    }
}
