using Herald.Domain.Common;
using Herald.Domain.Organization;
using Herald.Domain.Publishing;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Web.Tests.Reports;

/// <summary>
/// 用稿登记（登记 API 由另一模块提供）：直接通过 HeraldDbContext 和领域方法 Manuscript.RecordAdoption / RecordInstruction /
/// VerifyAdoption / RefuseAdoption 建数据，操作人为宣传办 office，操作时间取用稿当日中午（北京时间）。
/// </summary>
public static class AdoptionRecords
{
    public enum State { Verified, Pending, Refused }

    public static Task<long> OutletAsync(HeraldFactory factory, long manuscriptId, string outletName, DateOnly adoptedOn,
        bool frontPage = false, State state = State.Verified) =>
        WithManuscriptAsync(factory, manuscriptId, adoptedOn, async (db, m, officeId, now) =>
        {
            var outlet = await db.Outlets.SingleAsync(o => o.Name == outletName);
            var adoption = m.RecordAdoption(outlet, adoptedOn, "版面", null, frontPage, null, officeId, state == State.Verified, now);
            return (adoption, state);
        });

    public static Task<long> InstructionAsync(HeraldFactory factory, long manuscriptId, string leader, MediaLevel level, DateOnly on,
        State state = State.Verified) =>
        WithManuscriptAsync(factory, manuscriptId, on, (_, m, officeId, now) =>
            Task.FromResult((m.RecordInstruction(leader, level, on, null, null, officeId, state == State.Verified, now), state)));

    /// <summary>补录信息员备案（决定哪些单位、哪些月份考核每月报送任务）。</summary>
    public static async Task RegisterCorrespondentAsync(HeraldFactory factory, string unitName, string name, DateOnly appointedOn)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.QueryAsync(async db =>
        {
            var unitId = await db.Units.Where(u => u.Name == unitName).Select(u => u.Id).SingleAsync();
            db.Correspondents.Add(CorrespondentRecord.Register(unitId, null, name, "13800000000", null, null, appointedOn, now));
            return await db.SaveChangesAsync();
        });
        factory.Services.GetRequiredService<OrgDirectory>().Invalidate();
    }

    private static Task<long> WithManuscriptAsync(HeraldFactory factory, long manuscriptId, DateOnly on,
        Func<Herald.Web.Infrastructure.Data.HeraldDbContext, Herald.Domain.Submission.Manuscript, long, DateTime, Task<(Adoption, State)>> record) =>
        factory.QueryAsync(async db =>
        {
            var now = ChinaTime.StartOfDayUtc(on).AddHours(12);
            var m = await db.Manuscripts.Include(x => x.Adoptions).SingleAsync(x => x.Id == manuscriptId);
            var officeId = await db.Users.Where(u => u.UserName == "office").Select(u => u.Id).SingleAsync();
            var (adoption, state) = await record(db, m, officeId, now);
            await db.SaveChangesAsync();
            if (state == State.Refused)
            {
                m.RefuseAdoption(adoption.Id, officeId, "截图与原文不符", now);
                await db.SaveChangesAsync();
            }
            return adoption.Id;
        });
}
