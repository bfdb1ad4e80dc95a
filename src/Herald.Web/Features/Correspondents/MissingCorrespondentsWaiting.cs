using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;

namespace Herald.Web.Features.Correspondents;

/// <summary>待办来源：宣传办所辖、还没有在册信息员的单位（kind no_correspondent，只有件数），与备案名册"未备案"一栏相同。</summary>
public sealed class MissingCorrespondentsWaiting(ListCorrespondents list) : IWaitingWorkSource
{
    public async Task<IReadOnlyList<WaitingGroup>> ListAsync(UserContext me, int take, CancellationToken ct)
    {
        if (!me.IsOffice) return [];
        return [new WaitingGroup("no_correspondent", await list.CountMissingAsync(ct), "/org/correspondents?view=missing", [])];
    }
}
