using Herald.Domain.Common;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Web;
using Herald.Web.Infrastructure.Time;

namespace Herald.Web.Features.Correspondents;

/// <summary>登记/编辑页的数据：表单值、可选单位、可关联的账号、错误。</summary>
public sealed class CorrespondentFormModel : IPageModel<CorrespondentFormPage>
{
    public long? RecordId { get; init; }
    public string? UnitPath { get; init; }
    /// <summary>已免去的记录只读。</summary>
    public DateOnly? EndedOn { get; init; }
    public CorrespondentForm Form { get; init; } = new();
    public OrgTree Tree { get; init; } = default!;
    public IReadOnlySet<long> Scope { get; init; } = new HashSet<long>();
    public IReadOnlyList<LinkableUser> Users { get; init; } = [];
    public DateOnly Today { get; init; }
    public string? Error { get; set; }
}

public sealed class CorrespondentFormBuilder(CurrentUser current, LinkableUsers linkable, GetCorrespondent get, Clock clock)
{
    public async Task<CorrespondentFormModel> NewAsync(long? unitId, CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        var scope = CorrespondentScope.UnitsOf(me);
        if (unitId is { } id && !scope.Contains(id)) unitId = null;
        var today = ChinaTime.DateOf(clock.UtcNow);
        return new CorrespondentFormModel
        {
            Form = new CorrespondentForm { UnitId = unitId?.ToString(System.Globalization.CultureInfo.InvariantCulture), AppointedOn = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            Tree = me.Tree,
            Scope = scope,
            Users = await linkable.HandleAsync(unitId, ct),
            Today = today,
        };
    }

    public async Task<CorrespondentFormModel> EditAsync(long id, CancellationToken ct)
    {
        var item = await get.HandleAsync(id, ct);
        var form = new CorrespondentForm
        {
            UnitId = item.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Name = item.Name,
            Phone = item.Phone,
            Email = item.Email,
            Position = item.Position,
            AppointedOn = item.AppointedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            UserId = item.UserId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return await BuildAsync(item, form, null, ct);
    }

    public async Task<CorrespondentFormModel> FromFormAsync(long? id, CorrespondentForm form, string error, CancellationToken ct)
    {
        if (id is { } recordId) return await BuildAsync(await get.HandleAsync(recordId, ct), form, error, ct);
        var model = await NewAsync(long.TryParse(form.UnitId, out var unitId) ? unitId : null, ct);
        return new CorrespondentFormModel
        {
            Form = form, Tree = model.Tree, Scope = model.Scope, Users = model.Users, Today = model.Today, Error = error,
        };
    }

    private async Task<CorrespondentFormModel> BuildAsync(CorrespondentItem item, CorrespondentForm form, string? error, CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        var users = (await linkable.HandleAsync(item.UnitId, ct)).ToList();
        // 已关联的账号即使不再属于本单位也要能显示出来。
        if (item.UserId is { } linked && users.All(u => u.Id != linked))
            users.Insert(0, new LinkableUser(linked, item.UserName ?? "", item.UserDisplayName ?? ""));
        return new CorrespondentFormModel
        {
            RecordId = item.Id,
            UnitPath = item.UnitPath,
            EndedOn = item.EndedOn,
            Form = form,
            Tree = me.Tree,
            Scope = CorrespondentScope.UnitsOf(me),
            Users = users,
            Today = ChinaTime.DateOf(clock.UtcNow),
            Error = error,
        };
    }
}
