using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Components;

namespace Herald.Web.Features.Manuscripts;

/// <summary>详情页上的位置：Actions 在审核路线之后（审核面板），Records 在正文与图片之后（采编与用稿）。</summary>
public enum DetailSlot
{
    Actions,
    Records,
}

/// <summary>
/// 其他模块放在稿件详情页上的一块：组件与参数都由端点算好（组件不查库，ADR 0001）。
/// ShowsFailure：这一块显示了出错表单的说明（否则说明显示在页面顶部）。
/// </summary>
public sealed record DetailSection(DetailSlot Slot, Type Component, IDictionary<string, object> Parameters, bool ShowsFailure = false)
{
    public static DetailSection Of<T>(DetailSlot slot, IDictionary<string, object> parameters, bool showsFailure = false) where T : IComponent =>
        new(slot, typeof(T), parameters, showsFailure);
}

/// <summary>某张表单提交失败后重新显示详情页：哪张表单（如 review、publish、decide-12）、中文说明、用户填的值。</summary>
public sealed record FailedForm(string Form, string Message, IReadOnlyDictionary<string, string?> Values)
{
    public string? Value(string key) => Values.TryGetValue(key, out var value) ? value : null;
}

public sealed record DetailContext(ManuscriptView View, string? Notice, FailedForm? Failed);

/// <summary>
/// 详情页的扩展点：审核（Reviews）、采编与用稿（Publishing）各实现一个，在自己的模块里登记。
/// 这样稿件模块不依赖它们，依赖只朝一个方向（docs/architecture.md）。
/// </summary>
public interface IManuscriptDetailSection
{
    Task<DetailSection?> BuildAsync(DetailContext context, CancellationToken ct);
}

/// <summary>详情页的数据：稿件、提示、没有哪一块显示的错误说明，以及各模块的区块。</summary>
public sealed record ManuscriptDetailModel(ManuscriptView View, string? Notice, string? Error, IReadOnlyList<DetailSection> Sections)
    : IPageModel<ManuscriptDetailPage>
{
    public IEnumerable<DetailSection> In(DetailSlot slot) => Sections.Where(s => s.Slot == slot);
}

/// <summary>渲染稿件详情页：正常显示，或某张表单出错后带说明重新显示（各模块的 POST 端点共用）。</summary>
public sealed class ManuscriptDetailPages(GetManuscript get, IEnumerable<IManuscriptDetailSection> sections)
{
    public async Task<IResult> RenderAsync(long id, string? notice, FailedForm? failed = null, int status = StatusCodes.Status200OK,
        CancellationToken ct = default)
    {
        var context = new DetailContext(await get.HandleAsync(id, ct), notice, failed);
        var built = new List<DetailSection>();
        foreach (var section in sections)
            if (await section.BuildAsync(context, ct) is { } part) built.Add(part);
        var error = failed is not null && !built.Any(s => s.ShowsFailure) ? failed.Message : null;
        return Pages.Render(new ManuscriptDetailModel(context.View, notice, error, built), status);
    }
}
