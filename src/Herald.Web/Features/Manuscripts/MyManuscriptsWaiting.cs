using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;

namespace Herald.Web.Features.Manuscripts;

/// <summary>待办来源：我的稿件中退回待修改的（kind returned）和草稿（kind draft），与"我的稿件"列表的同一筛选，最久未动的在前。</summary>
public sealed class MyManuscriptsWaiting(ListManuscripts list) : IWaitingWorkSource
{
    public async Task<IReadOnlyList<WaitingGroup>> ListAsync(UserContext me, int take, CancellationToken ct)
    {
        if (me.SubmitUnits.Count == 0) return [];
        return [await GroupAsync("returned", take, ct), await GroupAsync("draft", take, ct)];
    }

    private async Task<WaitingGroup> GroupAsync(string status, int take, CancellationToken ct)
    {
        var page = await list.HandleAsync(new ManuscriptQuery(Status: status, Mine: true, PageSize: take, Sort: "updatedAt", Dir: "asc"), ct);
        var items = page.Items.Select(m => new WaitingItem(status, m.Title, $"/manuscripts/{m.Id}", m.UpdatedAt, Unit: m.UnitName)).ToList();
        return new WaitingGroup(status, page.Total, $"/manuscripts?mine=true&status={status}", items);
    }
}
