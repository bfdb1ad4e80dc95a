using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Correspondents;

/// <summary>信息员备案由宣传办管理其所辖单位；系统管理员可管理全部单位。</summary>
public static class CorrespondentScope
{
    public static bool CanManage(UserContext me) => me.IsOffice || me.Has(Role.SysAdmin);

    /// <summary>可管理的单位；无权时 403。</summary>
    public static IReadOnlySet<long> UnitsOf(UserContext me)
    {
        if (!CanManage(me)) throw AppException.Forbidden();
        return Common.UnitScope.Managed(me);
    }

    /// <summary>单位不在范围内与不存在同样对待，不泄露其他范围的单位。</summary>
    public static void RequireUnit(UserContext me, long unitId)
    {
        if (!UnitsOf(me).Contains(unitId)) throw AppException.NotFound();
    }
}
