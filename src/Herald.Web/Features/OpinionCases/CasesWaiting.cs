using Herald.Domain.Organization;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;

namespace Herald.Web.Features.OpinionCases;

/// <summary>
/// 待办来源：交办给我所在单位、未办结的舆情（kind case，每个单位一组，带最近一项时限的倒计时）；
/// 宣传办、主要负责人、领导另有所辖范围内未办结的舆情（kind case_open），分管领导另有分管单位的（kind case_supervised）。件数、超期件数与列表页同一查询（open=true、overdue=true）。
/// </summary>
public sealed class CasesWaiting(ListCases list) : IWaitingWorkSource
{
    private static readonly Role[] MemberRoles = [Role.UnitHead, Role.Correspondent, Role.OpinionOfficer];

    public async Task<IReadOnlyList<WaitingGroup>> ListAsync(UserContext me, int take, CancellationToken ct)
    {
        var groups = new List<WaitingGroup>();
        var units = me.Assignments.Where(a => a.UnitId is not null && MemberRoles.Contains(a.Role)).Select(a => a.UnitId!.Value).Distinct();
        foreach (var unitId in units)
            groups.Add(await GroupAsync("case", unitId, me.Tree.Find(unitId)?.Name, take, ct));
        if (CaseScope.Of(me).Wide.Count > 0)
            groups.Add(await GroupAsync("case_open", null, null, take, ct));
        else if (me.Has(Role.SupervisingLeader))
            // 分管领导没有宽范围：不带单位筛选的列表正是其分管单位（及所在单位）的舆情。
            groups.Add(await GroupAsync("case_supervised", null, null, take, ct));
        return groups;
    }

    private async Task<WaitingGroup> GroupAsync(string kind, long? unitId, string? unitName, int take, CancellationToken ct)
    {
        var open = await list.HandleAsync(new CaseQuery(UnitId: unitId, Open: true, PageSize: Math.Max(take, PageRequest.MaxSize)), ct);
        var overdue = await list.HandleAsync(new CaseQuery(UnitId: unitId, Overdue: true, PageSize: 1), ct);
        var filter = unitId is { } u ? $"unitId={u}&" : "";
        var items = open.Items.OrderBy(c => c.OpenedAt).Take(take)
            .Select(c => new WaitingItem(kind, c.Title, $"/opinion/cases/{c.Id}", c.OpenedAt, c.NextClock?.DueAt, c.UnitName)).ToList();
        return new WaitingGroup(kind, open.Total, $"/opinion/cases?{filter}open=true", items, overdue.Total,
            $"/opinion/cases?{filter}overdue=true", unitName);
    }
}
