using System.Globalization;
using Herald.Domain.Common;
using Herald.Domain.Opinion;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OpinionIntake;

/// <summary>推送命令：一条还是一批，以及逐条解析的结果。</summary>
public sealed record IntakePush(bool IsBatch, IReadOnlyList<ParsedIntakeItem> Items);

/// <summary>
/// 监测厂商推送（API）：一条或一批。令牌须是宣传办签发的（厂商令牌，或宣传办本人的完整令牌）。
/// 每条单独校验：有错的那条只报告错误，其余照常收录。
/// </summary>
public sealed class PushOpinionItems(HeraldDbContext db, CurrentUser current, OpinionIngest ingest, AuditLog audit, Clock clock,
    Messages messages)
{
    /// <summary>推送权限在读请求体之前检查：无权的调用方得到 403，而不是请求体的 400。</summary>
    public async Task RequireAllowedAsync(CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        if (!me.IsOffice) throw AppException.Forbidden("OpinionIntake.PushForbidden");
    }

    /// <summary>端点读好的请求（<see cref="IntakeRequestReader"/>）；结果按原顺序，一条时不合规即 400。</summary>
    public async Task<IReadOnlyList<IntakeResult>> HandleAsync(IntakePush push, CancellationToken ct = default)
    {
        await RequireAllowedAsync(ct);
        var (isBatch, parsed) = (push.IsBatch, push.Items);
        var tokenId = long.TryParse(current.Principal?.FindFirst(HeraldClaims.TokenId)?.Value, NumberStyles.Integer,
            CultureInfo.InvariantCulture, out var tid) ? tid : (long?)null;
        var now = clock.UtcNow;

        var results = new IntakeResult?[parsed.Count];
        var accepted = new List<(int Index, OpinionItem Item)>();
        foreach (var p in parsed)
        {
            var errors = p.Errors;
            if (p.Input is not null)
            {
                try
                {
                    accepted.Add((p.Index, OpinionItem.Push(p.Input, tokenId, now)));
                    continue;
                }
                catch (DomainValidationException ex)
                {
                    errors = [new FieldError(ex.Field, ex.Code, ex.Args)];
                }
            }
            // 只推一条时按普通的 400 回答。
            if (!isBatch) throw new ValidationFailedException(errors);
            results[p.Index] = Rejected(p.Index, errors);
        }

        if (accepted.Count > 0)
        {
            var ingested = await ingest.IngestAsync(accepted.Select(a => a.Item).ToList(), ct, async _ =>
            {
                audit.Add("opinion.push", "ApiToken", tokenId,
                    string.Create(CultureInfo.InvariantCulture, $"收录 {accepted.Count} 条，退回 {parsed.Count - accepted.Count} 条"));
                await db.SaveChangesAsync(ct);
            });
            for (var i = 0; i < accepted.Count; i++)
            {
                var item = ingested[i];
                results[accepted[i].Index] = new IntakeResult(accepted[i].Index, item.Item.Id, item.DuplicateOf,
                    item.Item.Hits.Select(h => h.ToDto()).ToList(), null);
            }
        }
        return results.Select(r => r!).ToList();
    }

    private IntakeResult Rejected(int index, IReadOnlyList<FieldError> errors) =>
        new(index, null, null, null, errors.GroupBy(e => e.Field).ToDictionary(g => g.Key,
            g => g.Select(e => messages.Error(e.Code, e.Args)).ToArray()));
}
