namespace Herald.Web.Features.Publishing;

/// <summary>
/// 采编、用稿表单出错后重新显示稿件详情页时：出错的是哪张表单（publish、not-used、adoption、instruction、decide-{登记编号}），
/// 中文错误说明，以及用户填过的值（原样填回）。
/// </summary>
public sealed record EditorialFormState(string Form, string Error, IReadOnlyDictionary<string, string?> Values)
{
    public string? Value(string key) => Values.TryGetValue(key, out var value) ? value : null;

    public bool Is(string form) => string.Equals(Form, form, StringComparison.Ordinal);
}
