using Herald.Web.Features.Manuscripts;

namespace Herald.Web.Features.Publishing;

/// <summary>稿件详情页上的"采编与用稿"：发布、不采用、用稿登记与核实（数据由采编台算好传给组件）。</summary>
public sealed class EditorialSection(EditorialDesk desk) : IManuscriptDetailSection
{
    /// <summary>本区块的表单：publish、not-used、adoption、instruction、decide-{登记编号}。</summary>
    private static bool Owns(string form) => form is "publish" or "not-used" or "adoption" or "instruction" || form.StartsWith("decide-", StringComparison.Ordinal);

    public async Task<DetailSection?> BuildAsync(DetailContext context, CancellationToken ct)
    {
        var failed = context.Failed is { } f && Owns(f.Form) ? f : null;
        var parameters = new Dictionary<string, object>
        {
            [nameof(EditorialPanel.View)] = context.View,
            [nameof(EditorialPanel.Model)] = await desk.ForManuscriptAsync(context.View.Detail, ct),
            [nameof(EditorialPanel.MaxProofBytes)] = desk.MaxProofBytes,
        };
        if (context.Notice is { } notice) parameters[nameof(EditorialPanel.Notice)] = notice;
        if (failed is not null) parameters[nameof(EditorialPanel.State)] = new EditorialFormState(failed.Form, failed.Message, failed.Values);
        return DetailSection.Of<EditorialPanel>(DetailSlot.Records, parameters, showsFailure: failed is not null);
    }
}
