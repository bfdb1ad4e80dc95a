using Herald.Web.Features.Common.Tables;
using Herald.Web.Infrastructure.Localization;

namespace Herald.Web.Features.Organization;

/// <summary>账号列表导出的列：角色用中文名称（带所在单位），状态用中文，北京时间。不含口令、令牌等任何凭据。</summary>
public static class UserExport
{
    public static ExportColumns<UserListItem> Columns(Messages t) => new ExportColumns<UserListItem>()
        .Text(t["Field.UserName"], u => u.UserName, 16)
        .Text(t["Field.DisplayName"], u => u.DisplayName, 10)
        .Text(t["Field.Unit"], u => u.UnitPath, 30)
        .Text(t["Users.Roles"], u => string.Join("；", u.Roles.Select(r => t.Role(r.Role) + (r.UnitPath is null ? "" : " · " + r.UnitPath))), 40)
        .Text(t["Users.State"], u => StateText(u, t), 14)
        .Time(t["Users.LastSignIn"], u => u.LastSignInAt);

    /// <summary>停用、锁定、待改初始口令（可并存，用顿号分开）；都不是为"正常"。</summary>
    public static string StateText(UserListItem u, Messages t)
    {
        var flags = new List<string>();
        if (u.Disabled) flags.Add(t["Users.DisabledTag"]);
        if (u.LockedOut) flags.Add(t["Users.LockedTag"]);
        if (u.MustChangePassword) flags.Add(t["Users.MustChangeTag"]);
        return flags.Count == 0 ? t["Users.StateActive"] : string.Join("、", flags);
    }
}
