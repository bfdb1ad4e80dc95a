using Herald.Web.Features.Common;
using Herald.Web.Features.Notifications;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Manuscripts;

/// <summary>
/// 撤回（作者本人）：第一位审核人处理之前，稿件回到草稿；发给审核人的“请您审核”标为已处理。
/// 审核人已处理过 409；不是作者 403；看不到 404。
/// </summary>
public sealed class WithdrawManuscript(HeraldDbContext db, CurrentUser current, Notifier notifier, AuditLog audit, Clock clock, GetManuscript views)
{
    public async Task<ManuscriptView> HandleAsync(long id, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var m = await db.Manuscripts.Include(x => x.Attachments).Include(x => x.History).VisibleTo(me).FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw AppException.NotFound();
        m.Withdraw(me.Id, clock.UtcNow);
        await notifier.ReviewStepDoneAsync(m, ct);
        audit.Add("manuscript.withdraw", "Manuscript", m.Id, $"unit {m.UnitId}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // 审核人恰在同一刻处理了这篇稿件。
            throw AppException.Conflict("Manuscript.WithdrawAfterReview");
        }
        return await views.HandleAsync(m.Id, ct);
    }
}

public static class WithdrawEndpoints
{
    public static void MapWithdrawPage(this RouteGroupBuilder pages) =>
        pages.MapPost("/manuscripts/{id:long}/withdraw", async (long id, HttpContext http, WithdrawManuscript withdraw, ManuscriptDetailPages detail) =>
            await FormPost.RunAsync(http, async () =>
                {
                    await withdraw.HandleAsync(id, http.RequestAborted);
                    return $"/manuscripts/{id}?notice=withdrawn";
                },
                failure => detail.RenderAsync(id, null, new FailedForm("withdraw", failure.Message, new Dictionary<string, string?>()),
                    failure.Status, http.RequestAborted)));

    public static void MapWithdrawApi(this RouteGroupBuilder api) =>
        api.MapPost("/manuscripts/{id:long}/withdraw", async Task<Ok<ManuscriptDetail>> (long id, HttpContext http, WithdrawManuscript withdraw) =>
                TypedResults.Ok((await withdraw.HandleAsync(id, http.RequestAborted)).Detail))
            .WithSummary("撤回已报送的稿件（作者本人，第一位审核人处理之前）")
            .WithDescription("稿件回到草稿（draft），可修改后重新报送；流转记录中留下“撤回”。审核人已处理过 409 Manuscript.WithdrawAfterReview，" +
                             "不在审核中 409 Manuscript.CannotWithdrawInStatus，不是作者 403，看不到 404。")
            .ProducesCommandProblems();
}
