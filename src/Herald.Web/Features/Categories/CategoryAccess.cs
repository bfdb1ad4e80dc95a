using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Auth;

namespace Herald.Web.Features.Categories;

/// <summary>稿件类别由宣传办或系统管理员维护。</summary>
public static class CategoryAccess
{
    public static bool CanManage(UserContext me) => me.IsOffice || me.Has(Role.SysAdmin);

    public static async Task RequireAsync(this CurrentUser current, CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        me.Require(CanManage(me));
    }
}
