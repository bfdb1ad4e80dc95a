using System.Net;
using Herald.Domain.Auditing;
using Herald.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Audit;

/// <summary>审计：登录成功与失败、稿件的每次状态变化；审计记录与流转记录只能追加（数据库触发器）。</summary>
public sealed class AuditTrailTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private Task<long> LastAuditIdAsync() => factory.QueryAsync(db => db.AuditEntries.MaxAsync(a => (long?)a.Id)).ContinueWith(t => t.Result ?? 0);

    private Task<List<AuditEntry>> AuditSinceAsync(long afterId) =>
        factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Id > afterId).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task SignIn_SuccessAndFailures_EachAudited()
    {
        var since = await LastAuditIdAsync();
        var viewerId = await factory.UserIdAsync("viewer");
        using var session = factory.AnonymousSession();

        await session.PostFormAsync("/signin", "/signin", new() { ["UserName"] = "viewer", ["Password"] = "Wrong#2026pass", ["ReturnUrl"] = "/" });
        await session.PostFormAsync("/signin", "/signin", new() { ["UserName"] = "ghost", ["Password"] = "Wrong#2026pass", ["ReturnUrl"] = "/" });
        await session.PostFormAsync("/signin", "/signin", new() { ["UserName"] = "viewer", ["Password"] = HeraldFactory.Password, ["ReturnUrl"] = "/" });

        var entries = (await AuditSinceAsync(since)).Where(a => a.Action.StartsWith("signin.", StringComparison.Ordinal)).ToList();
        entries.Select(a => (a.Action, a.UserName, a.UserId, a.Detail)).ShouldBe(
        [
            ("signin.failed", "viewer", viewerId, "web: wrong password"),
            ("signin.failed", "ghost", null, "web: unknown user"),
            ("signin.success", "viewer", viewerId, "web"),
        ]);
        entries.ShouldAllBe(a => a.At == factory.Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task TokenSignIn_Audited_WithApiChannel()
    {
        var since = await LastAuditIdAsync();

        await factory.ApiClientAsync("principal");

        (await AuditSinceAsync(since)).Select(a => (a.Action, a.UserName, a.Detail)).ShouldBe(
        [
            ("signin.success", "principal", "api"),
            ("token.issue", "principal", "api"),
        ]);
    }

    [Fact]
    public async Task Manuscript_SubmitReturnResubmitApprove_EachAuditedWithEntityId()
    {
        var officer = await factory.ApiClientAsync("officer");
        var head = await factory.ApiClientAsync("head");
        var officerId = await factory.UserIdAsync("officer");
        var headId = await factory.UserIdAsync("head");
        var since = await LastAuditIdAsync();

        var id = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker())).Long("id");
        await ManuscriptApi.ReviewOkAsync(head, id, "return", "请修改。");
        (await ManuscriptApi.ResubmitAsync(officer, id, new ManuscriptForm())).Status.ShouldBe(HttpStatusCode.OK);
        await ManuscriptApi.ReviewOkAsync(head, id, "approve");

        var entries = (await AuditSinceAsync(since)).Where(a => a.Action.StartsWith("manuscript.", StringComparison.Ordinal)).ToList();
        entries.Select(a => (a.Action, a.UserId, a.EntityType, a.EntityId)).ShouldBe(
        [
            ("manuscript.create", officerId, "Manuscript", id),
            ("manuscript.submit", officerId, "Manuscript", id),
            ("manuscript.return", headId, "Manuscript", id),
            ("manuscript.edit", officerId, "Manuscript", id),
            ("manuscript.resubmit", officerId, "Manuscript", id),
            ("manuscript.approve", headId, "Manuscript", id),
        ]);
    }

    [Fact]
    public async Task Reject_Audited()
    {
        var officer = await factory.ApiClientAsync("officer");
        var id = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker())).Long("id");
        var since = await LastAuditIdAsync();

        await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("head"), id, "reject", "不予采用。");

        (await AuditSinceAsync(since)).Where(a => a.EntityId == id).Select(a => a.Action).ShouldBe(["manuscript.reject"]);
    }

    [Fact]
    public async Task AuditEntries_UpdateOrDeleteThroughRawSql_RefusedByTrigger()
    {
        await factory.ApiClientAsync("office");
        var entry = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).FirstAsync());
        var count = await factory.QueryAsync(db => db.AuditEntries.CountAsync());

        var update = await Should.ThrowAsync<System.Data.Common.DbException>(() =>
            factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET action = 'tampered' WHERE id = {0}", entry.Id)));
        var delete = await Should.ThrowAsync<System.Data.Common.DbException>(() =>
            factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE id = {0}", entry.Id)));
        var deleteAll = await Should.ThrowAsync<System.Data.Common.DbException>(() =>
            factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries")));

        update.Message.ShouldContain("audit_entries is append-only");
        delete.Message.ShouldContain("audit_entries is append-only");
        deleteAll.Message.ShouldContain("audit_entries is append-only");
        (await factory.QueryAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == entry.Id))).Action.ShouldBe(entry.Action);
        (await factory.QueryAsync(db => db.AuditEntries.CountAsync())).ShouldBe(count);
    }

    [Fact]
    public async Task ManuscriptEvents_UpdateOrDeleteThroughRawSql_RefusedByTrigger()
    {
        var officer = await factory.ApiClientAsync("officer");
        var id = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker())).Long("id");
        await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("head"), id, "return", "原始理由。");
        var returnedEvent = await factory.QueryAsync(db => db.ManuscriptEvents.AsNoTracking()
            .SingleAsync(e => EF.Property<long>(e, "ManuscriptId") == id && e.Action == Herald.Domain.Review.ManuscriptEventAction.Returned));

        var update = await Should.ThrowAsync<System.Data.Common.DbException>(() =>
            factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE manuscript_events SET comment = '改过的理由' WHERE id = {0}", returnedEvent.Id)));
        var delete = await Should.ThrowAsync<System.Data.Common.DbException>(() =>
            factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM manuscript_events WHERE manuscript_id = {0}", id)));

        update.Message.ShouldContain("manuscript_events is append-only");
        delete.Message.ShouldContain("manuscript_events is append-only");
        var history = (await ManuscriptApi.GetOkAsync(officer, id)).Items("history");
        history.Select(h => h.Str("action")).ShouldBe(["created", "submitted", "returned"]);
        history[^1].Str("comment").ShouldBe("原始理由。");
    }

    [Fact]
    public async Task AuditEntries_ModifiedThroughEf_RefusedByApp()
    {
        await factory.ApiClientAsync("office");

        var ex = await Should.ThrowAsync<InvalidOperationException>(() => factory.QueryAsync(async db =>
        {
            var entry = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync();
            db.AuditEntries.Remove(entry);
            return await db.SaveChangesAsync();
        }));

        ex.Message.ShouldBe("AuditEntry is append-only.");
    }

    [Fact]
    public async Task DeleteDraft_RemovesDraftAndItsCreatedEvent_DeletionAudited()
    {
        var officer = await factory.ApiClientAsync("officer");
        var id = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker(), draft: true)).Long("id");
        using var session = await factory.SignInAsync("officer");
        var since = await LastAuditIdAsync();

        var response = await session.PostFormAsync($"/manuscripts/{id}/edit", $"/manuscripts/{id}/delete", new());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ManuscriptApi.GetAsync(officer, id)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await factory.QueryAsync(db => db.ManuscriptEvents.CountAsync(e => EF.Property<long>(e, "ManuscriptId") == id))).ShouldBe(0);
        // 删除后再打开答 404，这次被拒的访问也记入审计（议题 9 第 10 项）。
        (await AuditSinceAsync(since)).Select(a => (a.Action, a.EntityId)).ShouldBe([("manuscript.delete", (long?)id), ("access.denied", null)]);
    }
}
