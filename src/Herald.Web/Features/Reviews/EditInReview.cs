using System.Globalization;
using System.Text.RegularExpressions;
using Herald.Domain.Notifications;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Features.Notifications;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Html;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Reviews;

/// <summary>
/// 审改的请求：title、body（HTML 按报送同样的白名单净化；不含标签的按纯文本，每行一段）、revision（打开时稿件的修订号）。
/// </summary>
public sealed record ReviewEditRequest(string? Title, string? Body, int? Revision);

/// <summary>
/// 审改（页面与 API 共用）：当前这一级的审核人直接修改标题和正文，产生署审核人名字的新版本；审核仍停在这一级。
/// 图片与 Word 原件不变。通知作者，记审计。阻断类敏感词与报送时一样在“通过”时把关（查的是改后的文字）。
/// </summary>
public sealed partial class EditInReview(HeraldDbContext db, CurrentUser current, Notifier notifier, AuditLog audit, Clock clock, GetManuscript views)
{
    public async Task<ManuscriptView> HandleAsync(long id, ReviewEditRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var me = await current.GetAsync(ct);
        var m = await db.Manuscripts.Include(x => x.Attachments).VisibleTo(me).FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw AppException.NotFound();
        if (request.Revision is not { } revision) throw AppException.Invalid("revision", "Required");
        var body = ReadBody(request.Body);
        var step = (m.CurrentStep ?? 0) + 1;
        m.EditInReview(me.Id, revision, request.Title, body.Html, body.Text, role => me.Tree.ResolveReviewers(role, m.UnitId), clock.UtcNow);
        notifier.Tell([m.AuthorId], NotificationKind.ReviewEdited, m, me.Id, me.DisplayName, null);
        audit.Add("manuscript.review_edit", "Manuscript", m.Id, string.Create(CultureInfo.InvariantCulture, $"step {step}; v{m.VersionNumber}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // 作者撤回、别的审核人处理或审改了同一篇：后到的一方得到明确提示，不覆盖。
            throw AppException.Conflict("Review.StaleEdit");
        }
        return await views.HandleAsync(m.Id, ct);
    }

    /// <summary>正文：像 HTML（有标签）就按白名单净化，否则按纯文本分段。</summary>
    public static SanitizedBody ReadBody(string? body) =>
        body is not null && LooksLikeHtml().IsMatch(body) ? BodyHtml.Sanitize(body) : BodyHtml.FromPlainText(body);

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!]")]
    private static partial Regex LooksLikeHtml();
}
