using Herald.Domain.Opinion.Cases;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionCases;

/// <summary>舆情处置的常用查询：整件加载、当前时限规则。</summary>
public static class CaseQueries
{
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
        DeadlinePolicy.From(await db.OpinionDeadlineRules.AsNoTracking().ToListAsync(ct));
}
