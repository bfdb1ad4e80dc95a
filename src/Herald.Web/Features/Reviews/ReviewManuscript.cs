using Herald.Domain.Organization;
using Herald.Web.Features.Keywords;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Features.Notifications;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Reviews;

/// <summary>
/// 审核：通过、退回修改（须说明理由）、不予采用（须说明理由）。只有当前步骤的审核人能操作。
/// 标题或正文有阻断类敏感词时，通过须放行并说明理由（记入流转记录和审计）。
/// </summary>
public sealed class ReviewManuscript(HeraldDbContext db, CurrentUser current, Notifier notifier, AuditLog audit, Clock clock, GetManuscript views,
    SensitiveCheck sensitive, Messages messages)
{
    public async Task<ManuscriptView> HandleAsync(long id, ReviewRequest request, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var m = await db.Manuscripts.Include(x => x.Attachments).VisibleTo(me).FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw AppException.NotFound();
        var now = clock.UtcNow;
        Func<Role, ReviewerResolution> reviewers = role => me.Tree.ResolveReviewers(role, m.UnitId);
        var step = m.CurrentStep;
        var comment = request.Comment;
        switch (request.Decision?.Trim().ToLowerInvariant())
        {
            case "approve":
                var report = await sensitive.CheckAsync(m.Title, m.BodyText, ct);
                comment = ReviewOverride.Apply(report, comment, request.Override == true, request.OverrideReason,
                    (words, reason) => string.Format(System.Globalization.CultureInfo.CurrentCulture, messages["Sensitive.OverrideNote"], words, reason));
                m.Approve(me.Id, comment, reviewers, now, request.Revision);
                if (report.Blocked)
                    audit.Add("manuscript.sensitive-override", "Manuscript", m.Id,
                        $"{string.Join("、", report.BlockingWords)}：{request.OverrideReason?.Trim()}");
                break;
            case "return":
                m.Return(me.Id, request.Comment, reviewers, now, request.Revision);
                break;
            case "reject":
                m.Reject(me.Id, request.Comment, reviewers, now, request.Revision);
                break;
            default:
                throw AppException.Invalid("decision", "Review.UnknownDecision");
        }
        await notifier.ReviewStepDoneAsync(m, ct);
        await notifier.ManuscriptChangedAsync(m, me.Id, me.DisplayName, comment?.Trim(), me.Tree, ct);
        audit.Add("manuscript." + request.Decision!.Trim().ToLowerInvariant(), "Manuscript", m.Id,
            $"step {(step ?? 0) + 1}; status {m.Status}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // 两位审核人同时处理同一篇：后到的一位得到明确提示，不会重复推进。
            throw AppException.Conflict("Manuscript.StaleReview");
        }
        return await views.HandleAsync(m.Id, ct);
    }
}
