using Herald.Domain.Scoring;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Reports;

/// <summary>
/// 积分明细：某单位或某作者在时期内的每一条得分、扣分。范围同报表：看不到的单位一律 404；
/// 作者的明细只含调用者可见单位的稿件，看不到此人（既不在可见单位任职，也没有可见的稿件）时 404。
/// </summary>
public sealed class GetPointsDetail(HeraldDbContext db, CurrentUser current, BuildPeriodReport reports)
{
    public async Task<PointsDetail> ForUnitAsync(long unitId, ReportPeriod period, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        if (me.Tree.Find(unitId) is not { } unit || !UnitScope.Manuscripts(me).Contains(unitId)) throw AppException.NotFound();
        var score = await reports.ScoreUnitAsync(period, me.Tree, unitId, ct);
        var lines = score.Lines.Where(l => l.UnitId == unitId).ToList();
        return new PointsDetail("unit", unitId, unit.Name, period.From, period.To, lines.Sum(l => l.Points), await DescribeAsync(me, lines, ct));
    }

    public async Task<PointsDetail> ForCorrespondentAsync(long userId, ReportPeriod period, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.DisplayName, u.UnitId })
            .FirstOrDefaultAsync(ct) ?? throw AppException.NotFound();
        var visible = UnitScope.Manuscripts(me);
        var score = await reports.ScoreAuthorAsync(period, me.Tree, visible, userId, ct);
        // 作者积分不含单位层面的上限削减与漏报扣分（它们没有作者）。
        var lines = score.Lines.Where(l => l.AuthorId == userId).ToList();
        var related = (user.UnitId is { } home && visible.Contains(home)) || me.Tree.AssignmentsOf(userId).Any(a => a.UnitId is { } u && visible.Contains(u));
        if (!related && lines.Count == 0) throw AppException.NotFound();
        return new PointsDetail("correspondent", userId, user.DisplayName, period.From, period.To, lines.Sum(l => l.Points),
            await DescribeAsync(me, lines, ct));
    }

    private async Task<List<PointsLine>> DescribeAsync(UserContext me, List<ScoreLine> lines, CancellationToken ct)
    {
        var manuscriptIds = lines.Where(l => l.ManuscriptId is not null).Select(l => l.ManuscriptId!.Value).Distinct().ToArray();
        var titles = await db.Manuscripts.AsNoTracking().Where(m => manuscriptIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Title }).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        var authorIds = lines.Where(l => l.AuthorId is not null).Select(l => l.AuthorId!.Value).Distinct().ToArray();
        var names = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return lines.Select(l => new PointsLine(l.Date, ReportCodes.Kind(l.Kind), l.UnitId, me.Tree.Find(l.UnitId)?.Name ?? "",
                l.AuthorId, l.AuthorId is { } a ? names.GetValueOrDefault(a) : null,
                l.ManuscriptId, l.ManuscriptId is { } m ? titles.GetValueOrDefault(m) : null, l.AdoptionId, l.Source,
                l.Level is { } level ? Wire.Code(level) : null, l.FrontPage, l.RuleSetId, l.RuleEffectiveFrom,
                l.BasePoints, l.Multiplier, l.AlreadyCounted, l.Points, l.Cap, l.CapPeriod is { } p ? Wire.Code(p) : null,
                l.Quota, l.Count, l.Missing))
            .ToList();
    }
}
