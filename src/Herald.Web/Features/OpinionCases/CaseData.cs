using Herald.Domain.Opinion.Cases;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionCases;

/// <summary>舆情处置的表（本模块自己的入口，不改动共用的 HeraldDbContext）。</summary>
public static class CaseData
{
    public static DbSet<OpinionCase> OpinionCases(this HeraldDbContext db) => db.Set<OpinionCase>();

    public static DbSet<OpinionCaseDeadline> OpinionCaseDeadlines(this HeraldDbContext db) => db.Set<OpinionCaseDeadline>();

    public static DbSet<OpinionCaseItem> OpinionCaseItems(this HeraldDbContext db) => db.Set<OpinionCaseItem>();

    public static DbSet<OpinionResponse> OpinionResponses(this HeraldDbContext db) => db.Set<OpinionResponse>();

    public static DbSet<OpinionCaseAttachment> OpinionCaseAttachments(this HeraldDbContext db) => db.Set<OpinionCaseAttachment>();

    public static DbSet<OpinionCaseTask> OpinionCaseTasks(this HeraldDbContext db) => db.Set<OpinionCaseTask>();

    public static DbSet<OpinionInterview> OpinionInterviews(this HeraldDbContext db) => db.Set<OpinionInterview>();

    public static DbSet<OpinionDeadlineRule> OpinionDeadlineRules(this HeraldDbContext db) => db.Set<OpinionDeadlineRule>();

    public static DbSet<EmergencyPlan> EmergencyPlans(this HeraldDbContext db) => db.Set<EmergencyPlan>();

    /// <summary>整件舆情及其全部记录（详情页与各项操作）。</summary>
    public static IQueryable<OpinionCase> WithEverything(this IQueryable<OpinionCase> cases) => cases
        .Include(c => c.Items)
        .Include(c => c.Deadlines)
        .Include(c => c.Responses).ThenInclude(r => r.Attachments)
        .Include(c => c.Disposals).ThenInclude(d => d.Attachments)
        .Include(c => c.Feedbacks)
        .Include(c => c.Tasks)
        .Include(c => c.Interviews)
        .Include(c => c.History)
        .AsSplitQuery();

    /// <summary>当前的时限规则。</summary>
    public static async Task<DeadlinePolicy> PolicyAsync(this HeraldDbContext db, CancellationToken ct) =>
        DeadlinePolicy.From(await db.OpinionDeadlineRules().AsNoTracking().ToListAsync(ct));
}
