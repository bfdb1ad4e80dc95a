using Herald.Domain.Common;
using Herald.Domain.Scoring;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Scoring;

/// <summary>今天（北京时间）有效的规则版本与全部版本的历史。</summary>
public sealed class GetScoringRules(HeraldDbContext db, CurrentUser current, Clock clock)
{
    public async Task<ScoringRulesView> HandleAsync(CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(ScoringAccess.CanRead(me));
        var versions = await db.ScoringRuleSets.AsNoTracking().ToListAsync(ct);
        var book = new RuleBook(versions);
        var inForce = book.RuleFor(ChinaTime.DateOf(clock.UtcNow));
        var creatorIds = versions.Where(v => v.CreatedById is not null).Select(v => v.CreatedById!.Value).Distinct().ToArray();
        var names = await db.Users.AsNoTracking().Where(u => creatorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string? NameOf(ScoringRuleSet v) => v.CreatedById is { } id ? names.GetValueOrDefault(id) : null;
        var dtos = book.Versions.Reverse().Select(v => v.AsDto(NameOf(v), ReferenceEquals(v, inForce))).ToList();
        return new ScoringRulesView(dtos.First(d => d.Current), dtos);
    }
}
