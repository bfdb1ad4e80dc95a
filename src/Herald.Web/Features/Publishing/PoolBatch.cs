using Herald.Domain.Publishing;
using Herald.Web.Features.Common;
using Herald.Web.Features.Common.Batches;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Publishing;

/// <summary>批量发布：ids 中的每篇发布到同一渠道；url、publishedAt 同单篇发布（可省略）。</summary>
public sealed record PublishBatchRequest(IReadOnlyList<long>? Ids, long? ChannelId, string? Url = null, string? PublishedAt = null);

/// <summary>批量标记不采用：ids 中的每篇以同一理由标记（理由必填）。</summary>
public sealed record NotUsedBatchRequest(IReadOnlyList<long>? Ids, string? Reason);

/// <summary>
/// 采编池批量操作中的一项：调用单篇的处理器（<see cref="PublishManuscript"/>、<see cref="MarkNotUsed"/>），
/// 范围、权限、状态和并发照常逐篇检查；做成后再取标题供结果页显示。结果的 status 为稿件新的采编状态代码。
/// </summary>
public sealed class PoolBatchItem(PublishManuscript publish, MarkNotUsed notUsed, HeraldDbContext db)
{
    public async Task<(string Status, string? Title)> PublishAsync(long id, PublishBatchRequest request, CancellationToken ct)
    {
        await publish.HandleAsync(id, new PublishRequest(request.ChannelId, request.Url, request.PublishedAt), ct);
        return (Wire.Code(EditorialStatus.Published), await TitleAsync(id, ct));
    }

    public async Task<(string Status, string? Title)> NotUsedAsync(long id, string? reason, CancellationToken ct)
    {
        var editorial = await notUsed.HandleAsync(id, reason, ct);
        return (Wire.Code(editorial.Status), await TitleAsync(id, ct));
    }

    /// <summary>整批共用的输入先检查一次（缺了就整批 400，而不是每篇报同一个错），再逐篇执行。</summary>
    public static Task<IReadOnlyList<BatchItemResult>> PublishAllAsync(Batch batch, PublishBatchRequest request, CancellationToken ct)
    {
        Batch.Ids(request.Ids);
        if (request.ChannelId is null) throw AppException.Invalid("channelId", "Required");
        return batch.RunAsync<PoolBatchItem>(request.Ids, (item, id, token) => item.PublishAsync(id, request, token), ct);
    }

    public static Task<IReadOnlyList<BatchItemResult>> NotUsedAllAsync(Batch batch, NotUsedBatchRequest request, CancellationToken ct)
    {
        Batch.Ids(request.Ids);
        if (string.IsNullOrWhiteSpace(request.Reason)) throw AppException.Invalid("reason", "Editorial.ReasonRequired");
        return batch.RunAsync<PoolBatchItem>(request.Ids, (item, id, token) => item.NotUsedAsync(id, request.Reason, token), ct);
    }

    private Task<string?> TitleAsync(long id, CancellationToken ct) =>
        db.Manuscripts.AsNoTracking().Where(m => m.Id == id).Select(m => m.Title).FirstOrDefaultAsync(ct);
}
