using System.Text.Json.Serialization;
using Herald.Domain.Common;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Common.Batches;

/// <summary>
/// 批量操作中一项的结果：成功时 status（对象的新状态代码），失败时 error（中文说明，与单个操作的 ProblemDetails 的 detail 相同）
/// 和旁边的 code（稳定的代码）。JSON 为 {id, status} 或 {id, error, code}（issue 8 的约定），
/// 另带 title（稿件标题等，页面上显示用；看不到的对象没有）。
/// </summary>
public sealed record BatchItemResult(
    long Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title = null)
{
    [JsonIgnore]
    public bool Done => Error is null;
}

/// <summary>批量操作的结果页：标题、逐项结果、成功项的新状态代码 → 中文、返回列表的地址（保留筛选）。</summary>
public sealed record BatchResultModel(string Title, IReadOnlyList<BatchItemResult> Results, Func<string, string> StatusText, string ReturnUrl)
    : IPageModel<BatchResultPage>;

/// <summary>批量请求：对象编号（去重后最多 <see cref="Batch.MaxItems"/> 个）。</summary>
public sealed record BatchRequest(IReadOnlyList<long>? Ids);

/// <summary>
/// 批量操作：逐项独立执行（各自的依赖注入作用域、各自的事务），每一项照常检查状态、范围和版本；
/// 一项失败不影响其他项，结果逐项报告（做了 / 为什么没做），从不整体成败、也不悄悄跳过。
/// 同一批里重复的编号只做一次；重复提交整批时，已做过的项按单个操作的规则报告（如 409 已处理），不会做两次。
/// </summary>
public sealed class Batch(IServiceScopeFactory scopes, Messages messages)
{
    public const int MaxItems = 100;

    /// <summary>表单里勾选的编号（name=ids，可多个；不是数字的 400）。</summary>
    public static async Task<IReadOnlyList<long>> FormIdsAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        return form["ids"].Select(v => Wire.OptionalId(v, "ids")).OfType<long>().ToList();
    }

    /// <summary>检查编号（至少一个，最多 <see cref="MaxItems"/> 个），去重保持原顺序。</summary>
    public static IReadOnlyList<long> Ids(IReadOnlyList<long>? ids)
    {
        var distinct = (ids ?? []).Distinct().ToList();
        if (distinct.Count == 0) throw AppException.Invalid("ids", "Batch.Empty");
        if (distinct.Count > MaxItems) throw AppException.Invalid("ids", "Batch.TooMany", MaxItems);
        return distinct;
    }

    /// <summary>
    /// 对每个编号在自己的作用域里执行 <paramref name="action"/>（返回新状态代码和标题）。
    /// 用户能理解的错误（找不到、无权、冲突、输入不合规）记为该项的错误；其他异常照常抛出（是程序错误）。
    /// </summary>
    public async Task<IReadOnlyList<BatchItemResult>> RunAsync<THandler>(IReadOnlyList<long>? ids,
        Func<THandler, long, CancellationToken, Task<(string Status, string? Title)>> action, CancellationToken ct) where THandler : notnull
    {
        var results = new List<BatchItemResult>();
        foreach (var id in Ids(ids))
        {
            ct.ThrowIfCancellationRequested();
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                var (status, title) = await action(scope.ServiceProvider.GetRequiredService<THandler>(), id, ct);
                results.Add(new BatchItemResult(id, status, Title: title));
            }
            catch (Exception ex) when (ex is AppException or DomainException)
            {
                results.Add(new BatchItemResult(id, null, messages.Describe(ex), CodeOf(ex)));
            }
        }
        return results;
    }

    private static string CodeOf(Exception ex) => ex switch
    {
        AppException app => app.Code,
        DomainException domain => domain.Code,
        _ => "Unknown",
    };
}
