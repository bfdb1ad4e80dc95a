using Herald.Domain.Auditing;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Time;

namespace Herald.Web.Features.Audit;

/// <summary>
/// 审计日志完整性：intact 链是否完好；checked 验证了多少条；brokenAt 第一处断裂的记录编号，reason content|link|unsealed
/// （reasonText 为中文说明）；headHash 链尾的哈希（完好时），可抄录下来日后比对。
/// </summary>
public sealed record AuditIntegrity(bool Intact, long Checked, long? BrokenAt, string? Reason, string? ReasonText, string? HeadHash, DateTime CheckedAt);

/// <summary>验证审计日志的哈希链（审计管理员、安全管理员）；验证本身记入审计。verify-audit 命令用同一个验证。</summary>
public sealed class VerifyAuditChain(HeraldDbContext db, CurrentUser current, AuditLog audit, Messages messages, Clock clock)
{
    public async Task<AuditIntegrity> HandleAsync(CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.CanAudit);
        var result = await AuditChainStore.VerifyAsync(db, ct);
        audit.Add("audit.verify", detail: result.FirstBreak is { } broken ? $"broken at #{broken.EntryId} ({broken.Reason})" : $"intact, {result.Checked}");
        await db.SaveChangesAsync(ct);
        return ToDto(result, messages, clock.UtcNow);
    }

    public static AuditIntegrity ToDto(AuditChainResult result, Messages messages, DateTime now) =>
        new(result.Intact, result.Checked, result.FirstBreak?.EntryId, result.FirstBreak?.Reason,
            result.FirstBreak is { } b ? messages["AuditChain.Reason." + b.Reason] : null, result.HeadHash, now);
}
