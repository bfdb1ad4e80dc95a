using Herald.Web.Features.Keywords;
using Herald.Web.Features.Manuscripts;

namespace Herald.Web.Features.Reviews;

/// <summary>稿件详情页上的审核面板：轮到当前用户审核时显示，附标题与正文的敏感词检查。</summary>
public sealed class ReviewSection(SensitiveCheck sensitive) : IManuscriptDetailSection
{
    public const string Form = "review";

    public async Task<DetailSection?> BuildAsync(DetailContext context, CancellationToken ct)
    {
        if (!context.View.Permissions.CanReview) return null;
        var d = context.View.Detail;
        var failed = context.Failed is { Form: Form } f ? f : null;
        var parameters = new Dictionary<string, object>
        {
            [nameof(ReviewPanel.Detail)] = d,
            [nameof(ReviewPanel.Sensitive)] = await sensitive.CheckAsync(d.Title, d.Body, ct),
        };
        if (failed is not null) parameters[nameof(ReviewPanel.Failed)] = failed;
        return DetailSection.Of<ReviewPanel>(DetailSlot.Actions, parameters, showsFailure: failed is not null);
    }
}
